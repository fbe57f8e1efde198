import type { InvoiceRow } from '../../../contract';
import type { RelatedCopy, RelatedDelta } from '../related/related-copy';
import { ChangeTally, sameRow } from './row-diff';
import type { RowColumns } from './row-columns';

/** What identifies a snapshot besides its rows (saved with the base and with every journal record). */
export interface SnapshotMeta {
  object: string;
  /** Identifies the mapping the rows were built with; a different one forces a full sync. */
  signature: string;
  /** ISO instant the sync finished. */
  syncedAt: string;
  /** Highest modification stamp seen (server clock, ms), the base of the next incremental sync. */
  watermark: number | null;
  /**
   * How long the query that set the watermark was being read (ms, the app's clocks; 0 when it was one page): the next
   * incremental sync reaches back this much more than the overlap (sync/overlap.ts). Absent in copies written before.
   */
  spanMs?: number;
}

/** The complete set of invoices of one connection as of one successful sync. */
export interface Snapshot extends SnapshotMeta {
  rows: InvoiceRow[];
  /** Records synced with the invoices (payments, credit notes, their applications …); absent in copies made before them. */
  related?: RelatedCopy | null;
}

/** The columns a snapshot was made from (a full sync, a columnar copy read from disk): not enumerable, see columnSnapshot. */
const COLUMNS = Symbol('columns');

/**
 * A snapshot whose rows are columns (row-columns.ts): `rows` becomes the row objects the first time a reader asks
 * for them (an export, statements as of a day; the list, the id index and an incremental sync read the columns), once; until then the copy holds no object per invoice. A full
 * sync's answer and the writing of its copy need none.
 */
export function columnSnapshot(meta: SnapshotMeta, columns: RowColumns): Snapshot {
  let rows: InvoiceRow[] | null = null;
  const snapshot = { ...metaOnly(meta) } as Snapshot;
  Object.defineProperty(snapshot, 'rows', {
    enumerable: true,
    configurable: true,
    get: () => (rows ??= columns.materialize()),
    set: (value: InvoiceRow[]) => (rows = value),
  });
  Object.defineProperty(snapshot, COLUMNS, { value: columns, enumerable: false });
  return snapshot;
}

function metaOnly({ object, signature, syncedAt, watermark, spanMs }: SnapshotMeta): SnapshotMeta {
  return { object, signature, syncedAt, watermark, ...(spanMs === undefined ? {} : { spanMs }) };
}

/** The columns of a snapshot made from them, or null (its rows are the source). */
export function columnsOf(snapshot: Snapshot): RowColumns | null {
  return (snapshot as Snapshot & { [COLUMNS]?: RowColumns })[COLUMNS] ?? null;
}

/** How many invoices a snapshot holds, without making its rows. */
export function rowCount(snapshot: Snapshot): number {
  return columnsOf(snapshot)?.length ?? snapshot.rows.length;
}

export interface Change {
  row: InvoiceRow;
  deleted: boolean;
}

/** What an incremental sync changed: rows new or different (final values), ids no longer there. */
export interface Delta {
  upserts: InvoiceRow[];
  deleted: string[];
  /** The related records' changes in the same sync (saved in the same journal record). */
  related?: RelatedDelta;
}

/**
 * How many records a delta changes, the related ones included: what the journal weighs against the base's invoice
 * rows when the cache decides to compact (a first sync after the applications' fields changed re-fetches ~170k of
 * them at 100k invoices in one journal record, which every start would otherwise decode until the next full sync).
 */
export function deltaSize(delta: Delta): number {
  let size = delta.upserts.length + delta.deleted.length;
  for (const object of delta.related?.objects ?? []) size += object.upserts.length + object.deleted.length;
  return size;
}

const indexes = new WeakMap<readonly InvoiceRow[], Map<string, number>>();

/** id → position in a rows array, built once per array (an incremental sync hands it on to its result). */
export function rowIndex(rows: readonly InvoiceRow[]): Map<string, number> {
  let index = indexes.get(rows);
  if (!index) {
    index = new Map();
    for (let i = 0; i < rows.length; i++) index.set(rows[i]!.id, i);
    indexes.set(rows, index);
  }
  return index;
}

/** The row with this id, or undefined. */
export function rowById(rows: readonly InvoiceRow[], id: string): InvoiceRow | undefined {
  const at = rowIndex(rows).get(id);
  return at === undefined ? undefined : rows[at];
}

/**
 * The net effect of an incremental batch (from queryAll: upserts and deletions, in any order) on
 * the previous rows. Rows fetched again that did not change (the overlap) are left out.
 */
export function netChanges(previous: readonly InvoiceRow[], changes: Iterable<Change>): { delta: Delta; changed: number; tally: ChangeTally } {
  return netChangesBy((id) => rowById(previous, id), changes);
}

/**
 * A batch's last word on each id (queryAll's records in any order: the last one of an id wins), in the order the ids first
 * came; null = deleted. `changed`: the records that were not deletions (the sync's own count, overlap included).
 */
export function lastChangeById(changes: Iterable<Change>): { net: Map<string, InvoiceRow | null>; changed: number } {
  const net = new Map<string, InvoiceRow | null>();
  let changed = 0;
  for (const change of changes) {
    if (change.deleted) {
      net.set(change.row.id, null);
    } else {
      net.set(change.row.id, change.row);
      changed++;
    }
  }
  return { net, changed };
}

/** `netChanges` against the previous rows as `find` gives them by id (a copy's columns make only the rows asked for). */
export function netChangesBy(find: (id: string) => InvoiceRow | undefined, changes: Iterable<Change>): { delta: Delta; changed: number; tally: ChangeTally } {
  const { net, changed } = lastChangeById(changes);
  const tally = new ChangeTally();
  const delta: Delta = { upserts: [], deleted: [] };
  if (net.size === 0) return { delta, changed, tally };
  for (const [id, row] of net) {
    const old = find(id);
    if (row === null) {
      if (old !== undefined) {
        delta.deleted.push(id);
        tally.removed(old);
      }
    } else if (old === undefined || !sameRow(old, row)) {
      tally.upserted(old, row);
      delta.upserts.push(row);
    }
  }
  return { delta, changed, tally };
}

/**
 * Applies deltas, in order, to a base set of rows: a row already there keeps its place with its new
 * values, a new one is appended, a deleted one leaves. The same code applies an incremental sync in
 * memory and the journal records of the file, so both give the same rows in the same order. The
 * work is proportional to the changes (plus one pass over the rows after the first deletion).
 */
export class RowsFold {
  /** Base rows replaced (row) or deleted (null). */
  private readonly replaced = new Map<string, InvoiceRow | null>();
  /** Rows not in the base, in the order they first came (a Map keeps it). */
  private readonly appended = new Map<string, InvoiceRow>();

  constructor(private readonly base: readonly InvoiceRow[]) {}

  apply(delta: Delta): void {
    if (delta.upserts.length === 0 && delta.deleted.length === 0) return;
    const index = rowIndex(this.base);
    for (const row of delta.upserts) {
      if (this.appended.has(row.id)) this.appended.set(row.id, row);
      else if (index.has(row.id) && this.replaced.get(row.id) !== null) this.replaced.set(row.id, row);
      else this.appended.set(row.id, row);
    }
    for (const id of delta.deleted) {
      if (!this.appended.delete(id) && index.has(id)) this.replaced.set(id, null);
    }
  }

  /**
   * The rows after every delta. The base's index moves to the result (updated, not rebuilt): the
   * base array itself is left as it was.
   */
  result(): InvoiceRow[] {
    if (this.replaced.size === 0 && this.appended.size === 0) return this.base as InvoiceRow[];
    const index = rowIndex(this.base);
    const rows = this.base.slice();
    let firstGap = rows.length;
    for (const [id, row] of this.replaced) {
      const at = index.get(id)!;
      if (row !== null) {
        rows[at] = row;
      } else {
        rows[at] = GAP;
        index.delete(id);
        if (at < firstGap) firstGap = at;
      }
    }
    if (firstGap < rows.length) {
      let write = firstGap;
      for (let read = firstGap; read < rows.length; read++) {
        const row = rows[read]!;
        if (row === GAP) continue;
        rows[write] = row;
        index.set(row.id, write);
        write++;
      }
      rows.length = write;
    }
    for (const row of this.appended.values()) {
      index.set(row.id, rows.length);
      rows.push(row);
    }
    indexes.delete(this.base);
    indexes.set(rows, index);
    return rows;
  }
}

/** Marks a deleted row's place while the rows are closed up. */
const GAP = { id: '' } as InvoiceRow;

/**
 * An incremental batch applied to the previous rows: rows keep their place, new ones are appended,
 * deleted ones leave. The result has the same members as a full sync; `delta` is what the journal
 * record saves.
 */
export function mergeChanges(
  previous: readonly InvoiceRow[],
  changes: Iterable<Change>,
): { rows: InvoiceRow[]; changed: number; deleted: number; tally: ChangeTally; delta: Delta } {
  const { delta, changed, tally } = netChanges(previous, changes);
  const fold = new RowsFold(previous);
  fold.apply(delta);
  return { rows: fold.result(), changed, deleted: delta.deleted.length, tally, delta };
}
