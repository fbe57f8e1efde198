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

/**
 * Rows of a table with an incremental change merged, in the order `applyObjectDelta` gives over records: an upserted record
 * takes its old one's place, a new one goes at the end (first upsert's place, last upsert's value), a deleted id leaves.
 *
 * Always one layer over the columns: a merge over a merged view maps its kept rows through that view to the table below
 * it (and takes over the records it added), so a day of background incrementals between two compactions (up to 64
 * journal records, cache-store.ts) neither stacks views — every cell read going through each — nor keeps every
 * earlier copy's row map alive (reviewG, session 18: the 65th merge over 300k rows 28 → 209 ms when stacked).
 *
 * The changed ids are found through the index of the table below (`IdIndex`) — a few lookups, not every row's id read
 * (~300k at 100k invoices with payments: most of an incremental sync's related CPU, BENCHMARKS session 20).
 */
export class MergedTable implements RecordTable {
  /** The columns below (never a merged view). */
  private readonly base: RecordTable;
  /** For each row: its row in the base table, or -(1 + i) for `extra[i]`. */
  private readonly rows: Int32Array;
  private readonly extra: RelatedRecord[] = [];
  readonly length: number;
  readonly keys: readonly string[];
  /** Where the base's rows and the added records are in this view (made when a merge over this view first asks). */
  private places: { ofBase: Int32Array; ofExtra: Map<string, number> } | null = null;

  constructor(over: RecordTable, upserts: readonly RelatedRecord[], deleted: readonly string[]) {
    const through = over instanceof MergedTable ? over : null;
    this.base = through ? through.base : over;
    this.keys = over.keys;
    // A row of `over` kept as it is: its place in the table below, or its added record taken over.
    const kept = (row: number): number => {
      if (!through) return row;
      const at = through.rows[row]!;
      return at >= 0 ? at : -this.extra.push(through.extra[-at - 1]!);
    };
    const changed = new Map<string, RelatedRecord>();
    for (const record of upserts) changed.set(record.id, record);
    const gone = new Set(deleted);
    const rows = new Int32Array(over.length + changed.size);
    let n = 0;
    const index = gone.size === 0 && changed.size === 0 ? null : IdIndex.of(this.base);
    if (index) {
      // Each changed or deleted id's row in `over`, by the index: what goes there (null: nothing), in row order.
      const at = new Map<number, RelatedRecord | null>();
      const placeOf = (id: string) => (through ? through.placeOf(id, index) : index.rowOf(id));
      for (const id of gone) {
        const row = placeOf(id);
        if (row >= 0) at.set(row, null);
      }
      for (const [id, record] of changed) {
        if (gone.has(id)) continue;
        const row = placeOf(id);
        if (row < 0) continue;
        at.set(row, record);
        changed.delete(id);
      }
      const marks = Float64Array.from(at.keys()).sort();
      let next = 0;
      for (let row = 0; row < over.length; row++) {
        if (next < marks.length && marks[next] === row) {
          next++;
          const update = at.get(row)!;
          if (update !== null) rows[n++] = -this.extra.push(update);
          continue;
        }
        rows[n++] = kept(row);
      }
    } else {
      for (let row = 0; row < over.length; row++) {
        if (gone.size === 0 && changed.size === 0) {
          rows[n++] = kept(row);
          continue;
        }
        const id = over.id(row);
        if (gone.size && gone.has(id)) continue;
        const update = changed.size ? changed.get(id) : undefined;
        if (update === undefined) {
          rows[n++] = kept(row);
        } else {
          rows[n++] = -this.extra.push(update);
          changed.delete(id);
        }
      }
    }
    for (const record of changed.values()) if (!gone.has(record.id)) rows[n++] = -this.extra.push(record);
    this.rows = rows;
    this.length = n;
  }

  /** The table below every merged view (what `IdIndex` indexes). */
  get below(): RecordTable {
    return this.base;
  }

  /** The row of this view holding the record with this id, or -1 (`index`: the base's). */
  placeOf(id: string, index: IdIndex): number {
    if (!this.places) {
      const ofBase = new Int32Array(this.base.length).fill(-1);
      const ofExtra = new Map<string, number>();
      for (let row = 0; row < this.length; row++) {
        const at = this.rows[row]!;
        if (at >= 0) ofBase[at] = row;
        else ofExtra.set(this.extra[-at - 1]!.id, row);
      }
      this.places = { ofBase, ofExtra };
    }
    const added = this.places.ofExtra.get(id);
    if (added !== undefined) return added;
    const below = index.rowOf(id);
    return below < 0 ? -1 : this.places.ofBase[below]!;
  }

  id(row: number): string {
    const at = this.rows[row]!;
    return at >= 0 ? this.base.id(at) : this.extra[-at - 1]!.id;
  }

  column(key: string): number {
    return this.keys.indexOf(key);
  }

  value(row: number, column: number): RelatedValue {
    if (column < 0) return null;
    const at = this.rows[row]!;
    return at >= 0 ? this.base.value(at, column) : (this.extra[-at - 1]![this.keys[column]!] ?? null);
  }

  record(row: number): RelatedRecord {
    const at = this.rows[row]!;
    return at >= 0 ? this.base.record(at) : this.extra[-at - 1]!;
  }

  all(): RelatedRecord[] {
    const records = new Array<RelatedRecord>(this.length);
    for (let row = 0; row < this.length; row++) records[row] = this.record(row);
    return records;
  }
}
