import type { RecordTable, RelatedRecord, RelatedValue } from './related-record';
import { hashOfText } from '../snapshot/text-in-place';

/** FNV-1a over an id's UTF-16 code units, as a signed 32-bit integer (what the table's Int32Array of hashes holds). */
const hashOf = (id: string): number => hashOfText(id, 0, id.length) | 0;

/**
 * A table's rows by id: open addressing over two typed arrays (row + 1 per slot, 0 empty; and the id's hash), no string
 * kept per row. Made once per table below the merged views (a Bulk object's CSV columns: ~140-160k rows at 100k invoices),
 * in the background after the sync that brought it (`warmRelatedIndexes`) or by the first merge that needs it; null
 * when an id came twice (never from Salesforce: the merge then reads every row's id, as it always did).
 */
export class IdIndex {
  private constructor(
    private readonly table: RecordTable,
    private readonly slots: Int32Array,
    private readonly hashes: Int32Array,
  ) {}

  static of(table: RecordTable): IdIndex | null {
    if (idIndexes.has(table)) return idIndexes.get(table)!;
    let size = 16;
    while (size < table.length * 2) size *= 2;
    const slots = new Int32Array(size);
    const hashes = new Int32Array(size);
    const mask = size - 1;
    let index: IdIndex | null = new IdIndex(table, slots, hashes);
    for (let row = 0; row < table.length; row++) {
      const id = table.id(row);
      const hash = hashOf(id);
      let slot = hash & mask;
      for (; slots[slot] !== 0; slot = (slot + 1) & mask) {
        if (hashes[slot] === hash && table.id(slots[slot]! - 1) === id) {
          index = null;
          break;
        }
      }
      if (index === null) break;
      slots[slot] = row + 1;
      hashes[slot] = hash;
    }
    idIndexes.set(table, index);
    return index;
  }

  /** The row with this id, or -1. */
  rowOf(id: string): number {
    const hash = hashOf(id);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return -1;
      if (this.hashes[slot] === hash && this.table.id(entry - 1) === id) return entry - 1;
    }
  }
}

const idIndexes = new WeakMap<RecordTable, IdIndex | null>();

/** Where a record of a merged view is: a row of the table below (`row`), or a record after them (`tail`); null: none. */
type Place = { row: number; tail?: never } | { tail: number; row?: never } | null;

/**
 * Rows of a table with an incremental change merged, in the order `applyObjectDelta` gives over records: an upserted record
 * takes its old one's place, a new one goes at the end (first upsert's place, last upsert's value), a deleted id leaves.
 *
 * Always one layer over the columns: a merge over a merged view takes over its changes (the rows of the table below it
 * changed, and the records after them), so a day of background incrementals between two compactions (up to 64 journal
 * records, cache-store.ts) neither stacks views — every cell read going through each — nor keeps every earlier view alive
 * (reviewG, session 18: the 65th merge over 300k rows 28 → 209 ms when stacked).
 *
 * A merge costs what it changes, not the rows below (~140–160k for a Bulk object at 100k invoices): the changed ids are
 * found through the index of the table below (`IdIndex`, a few lookups — not every row's id read, BENCHMARKS session 20),
 * and the view keeps only the rows it changes (`marks`, in row order) and the records after them (`tail`). Its map of every
 * row (`rowMap`) is made when a reader first reads a row by its place — after the sync's answer (an incremental's own merge
 * made it: 8–12 profile ms of the answer's path, BENCHMARKS session 31); a record found by its id (`recordOf`: the next
 * incremental's overlap filter) and the next merge need no map.
 */
export class MergedTable implements RecordTable {
  /** The columns below (never a merged view). */
  private readonly base: RecordTable;
  /** The rows of the table below this view changes, ascending, and what each holds here (its upserted record; null: gone). */
  private readonly marks: Int32Array;
  private readonly marked: readonly (RelatedRecord | null)[];
  /** The records after the rows below (ids the table below does not hold, or held at a row gone), in order. */
  private readonly tail: readonly RelatedRecord[];
  readonly length: number;
  readonly keys: readonly string[];
  /** For each row: its row in the table below, or -(1 + i) for the i-th of `marked` then `tail` (made when first asked). */
  private rowMap: Int32Array | null = null;
  /** Each record of `tail` by id (made when a merge over this view or a lookup first asks). */
  private tailPlaces: Map<string, number> | null = null;

  constructor(over: RecordTable, upserts: readonly RelatedRecord[], deleted: readonly string[]) {
    const through = over instanceof MergedTable ? over : null;
    this.base = through ? through.base : over;
    this.keys = over.keys;
    // What each changed row of the table below holds, and the records after them: `over`'s, then this change's.
    const edits = new Map<number, RelatedRecord | null>();
    if (through) for (let i = 0; i < through.marks.length; i++) edits.set(through.marks[i]!, through.marked[i]!);
    const tail: (RelatedRecord | null)[] = through ? [...through.tail] : [];
    const changed = new Map<string, RelatedRecord>();
    for (const record of upserts) changed.set(record.id, record);
    const gone = new Set(deleted);
    // Where a record of `over` goes: its upserted record in its place, or nothing (deleted).
    const put = (place: NonNullable<Place>, record: RelatedRecord | null) => {
      if (place.tail === undefined) edits.set(place.row, record);
      else tail[place.tail] = record;
    };
    if (gone.size > 0 || changed.size > 0) {
      const index = IdIndex.of(this.base);
      if (index) {
        const placeOf = (id: string): Place => (through ? through.find(id, index) : placeBelow(index.rowOf(id)));
        for (const id of gone) {
          const place = placeOf(id);
          if (place) put(place, null);
        }
        for (const [id, record] of changed) {
          if (gone.has(id)) continue;
          const place = placeOf(id);
          if (!place) continue;
          put(place, record);
          changed.delete(id);
        }
      } else {
        // Ids repeated below (never from Salesforce): every record of `over` read by id, in order — every one with a
        // deleted id leaves, the first with an upserted id takes its record.
        const visit = (place: NonNullable<Place>, id: string) => {
          if (gone.size && gone.has(id)) return put(place, null);
          const update = changed.size ? changed.get(id) : undefined;
          if (update === undefined) return;
          put(place, update);
          changed.delete(id);
        };
        const rows = through ? through.marks : null;
        for (let row = 0, m = 0; row < this.base.length; row++) {
          let id: string;
          if (rows && m < rows.length && rows[m] === row) {
            const record = through!.marked[m++]!;
            if (record === null) continue;
            id = record.id;
          } else {
            id = this.base.id(row);
          }
          visit({ row }, id);
        }
        for (let t = 0; t < tail.length; t++) visit({ tail: t }, tail[t]!.id);
      }
    }
    for (const record of changed.values()) if (!gone.has(record.id)) tail.push(record);
    const marks = Int32Array.from(edits.keys()).sort();
    this.marks = marks;
    this.marked = Array.from(marks, (row) => edits.get(row)!);
    this.tail = tail.filter((record): record is RelatedRecord => record !== null);
    let removed = 0;
    for (const record of this.marked) if (record === null) removed++;
    this.length = this.base.length - removed + this.tail.length;
  }

  /** The table below every merged view (what `IdIndex` indexes). */
  get below(): RecordTable {
    return this.base;
  }

  /** Where the record with this id is in this view, or null (`index`: the table below's). */
  private find(id: string, index: IdIndex): Place {
    if (this.tail.length > 0) {
      if (!this.tailPlaces) {
        this.tailPlaces = new Map();
        for (let t = 0; t < this.tail.length; t++) this.tailPlaces.set(this.tail[t]!.id, t);
      }
      const t = this.tailPlaces.get(id);
      if (t !== undefined) return { tail: t };
    }
    const row = index.rowOf(id);
    if (row < 0) return null;
    const m = this.markOf(row);
    return m >= 0 && this.marked[m] === null ? null : { row };
  }

  /** The place of a row of the table below in `marks`, or -1 (a binary search: marks are few). */
  private markOf(row: number): number {
    const marks = this.marks;
    let lo = 0;
    let hi = marks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = marks[mid]!;
      if (at === row) return mid;
      if (at < row) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * The row of this view holding the record with this id, or -1 (`index`: the table below's) — counted from the marks, no
   * map of every row made: a row below keeps its place less the rows gone before it; a record of the tail follows them.
   */
  placeOf(id: string, index: IdIndex): number {
    const place = this.find(id, index);
    if (!place) return -1;
    if (place.tail !== undefined) return this.length - this.tail.length + place.tail;
    let gone = 0;
    for (let m = 0; m < this.marks.length && this.marks[m]! < place.row; m++) if (this.marked[m] === null) gone++;
    return place.row - gone;
  }

  /** The record with this id in this view, or undefined (`index`: the table below's) — no map of every row made. */
  recordOf(id: string, index: IdIndex): RelatedRecord | undefined {
    const place = this.find(id, index);
    if (!place) return undefined;
    if (place.tail !== undefined) return this.tail[place.tail];
    const m = this.markOf(place.row);
    return m >= 0 ? this.marked[m]! : this.base.record(place.row);
  }

  /** Every row's place (see `rowMap`): the rows below in order — an upserted one in its place, a deleted one left out — then the tail. */
  private map(): Int32Array {
    if (this.rowMap) return this.rowMap;
    const rows = new Int32Array(this.length);
    const { marks, marked } = this;
    let n = 0;
    let m = 0;
    for (let row = 0; row < this.base.length; row++) {
      if (m < marks.length && marks[m] === row) {
        if (marked[m] !== null) rows[n++] = -(1 + m);
        m++;
        continue;
      }
      rows[n++] = row;
    }
    for (let t = 0; t < this.tail.length; t++) rows[n++] = -(1 + marks.length + t);
    this.rowMap = rows;
    return rows;
  }

  private extra(at: number): RelatedRecord {
    const i = -at - 1;
    return i < this.marks.length ? this.marked[i]! : this.tail[i - this.marks.length]!;
  }

  id(row: number): string {
    const at = this.map()[row]!;
    return at >= 0 ? this.base.id(at) : this.extra(at).id;
  }

  column(key: string): number {
    return this.keys.indexOf(key);
  }

  value(row: number, column: number): RelatedValue {
    if (column < 0) return null;
    const at = this.map()[row]!;
    return at >= 0 ? this.base.value(at, column) : (this.extra(at)[this.keys[column]!] ?? null);
  }

  record(row: number): RelatedRecord {
    const at = this.map()[row]!;
    return at >= 0 ? this.base.record(at) : this.extra(at);
  }

  all(): RelatedRecord[] {
    const records = new Array<RelatedRecord>(this.length);
    for (let row = 0; row < this.length; row++) records[row] = this.record(row);
    return records;
  }
}

/** A row of the table below as a place (or none). */
const placeBelow = (row: number): Place => (row < 0 ? null : { row });
