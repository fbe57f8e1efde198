import type { InvoiceRow } from '../../../contract';
import { ColumnChunkBuilder, RowColumns, type ColumnChunk } from './row-columns';
import { columnSnapshot, columnsOf, netChangesBy, type Change, type Delta, type Snapshot, type SnapshotMeta } from './snapshot';
import type { ChangeTally } from './row-diff';
import { rowTableOf, type RowTable } from './row-table';

/** Rows per chunk of the rows a fold appends (a sync's page). */
const APPEND_CHUNK_ROWS = 2000;

/**
 * Deltas applied, in order, to a copy's columns (issue #19): the same result as `RowsFold` over its rows — a row
 * already there keeps its place with its new values, a new one is appended, a deleted one leaves — without a row
 * object per invoice. The base is found by id through its table's typed index (row-table.ts); chunks with no change
 * are shared with the base, a chunk with changes is copied run by run around them (`copyRows`), the new rows go into
 * chunks at the end. The base's chunks are never changed: a sync that fails leaves the previous copy as it was.
 */
export class ColumnsFold {
  /** Base rows replaced (row) or deleted (null). */
  private readonly replaced = new Map<string, InvoiceRow | null>();
  /** Rows not in the base, in the order they first came (a Map keeps it). */
  private readonly appended = new Map<string, InvoiceRow>();

  constructor(
    private readonly base: RowColumns,
    private readonly ids: Pick<RowTable, 'indexOfId'>,
  ) {}

  apply(delta: Delta): void {
    for (const row of delta.upserts) {
      if (this.appended.has(row.id)) this.appended.set(row.id, row);
      else if (this.ids.indexOfId(row.id) >= 0 && this.replaced.get(row.id) !== null) this.replaced.set(row.id, row);
      else this.appended.set(row.id, row);
    }
    for (const id of delta.deleted) {
      if (!this.appended.delete(id) && this.ids.indexOfId(id) >= 0) this.replaced.set(id, null);
    }
  }

  /** The columns after every delta (the base itself when nothing changed). */
  result(): RowColumns {
    if (this.replaced.size === 0 && this.appended.size === 0) return this.base;
    // Each change at its place in the base, in order.
    const edits = new Map<number, InvoiceRow | null>();
    for (const [id, row] of this.replaced) edits.set(this.ids.indexOfId(id), row);
    const places = Float64Array.from(edits.keys()).sort();
    const chunks: ColumnChunk[] = [];
    const builder = new ColumnChunkBuilder();
    let next = 0;
    let first = 0;
    const lastChunk = this.base.chunks.length - 1;
    this.base.chunks.forEach((chunk, c) => {
      const end = first + chunk.rows;
      // The last chunk, when small, takes the appended rows too (a copy synced often does not gather tiny chunks).
      const topUp = c === lastChunk && this.appended.size > 0 && chunk.rows < APPEND_CHUNK_ROWS;
      if (next < places.length && places[next]! < end) {
        let from = 0;
        for (; next < places.length && places[next]! < end; next++) {
          const at = places[next]! - first;
          builder.copyRows(chunk, from, at);
          const row = edits.get(places[next]!)!;
          if (row !== null) builder.add(row);
          from = at + 1;
        }
        builder.copyRows(chunk, from, chunk.rows);
        if (!topUp) pushChunk(chunks, builder.chunk());
      } else if (topUp) {
        builder.copyRows(chunk, 0, chunk.rows);
      } else {
        chunks.push(chunk);
      }
      first = end;
    });
    for (const row of this.appended.values()) {
      builder.add(row);
      if (builder.rows >= APPEND_CHUNK_ROWS) pushChunk(chunks, builder.chunk());
    }
    pushChunk(chunks, builder.chunk());
    return new RowColumns(chunks);
  }
}

function pushChunk(chunks: ColumnChunk[], chunk: ColumnChunk | null): void {
  if (chunk) chunks.push(chunk);
}

/**
 * An incremental batch applied to a copy made of columns: `netChanges` against its rows found by id (only the
 * changed ids' rows are made), then folded over the columns. The result is a columnar snapshot with the same rows, in
 * the same order, as `mergeChanges` gives over row objects.
 */
export function mergeIntoColumns(
  previous: Snapshot,
  meta: SnapshotMeta,
  changes: Iterable<Change>,
): { snapshot: Snapshot; changed: number; deleted: number; tally: ChangeTally; delta: Delta } {
  const columns = columnsOf(previous)!;
  const table = rowTableOf(previous);
  const { delta, changed, tally } = netChangesBy((id) => {
    const at = table.indexOfId(id);
    return at < 0 ? undefined : table.rowAt(at);
  }, changes);
  const fold = new ColumnsFold(columns, table);
  fold.apply(delta);
  return { snapshot: columnSnapshot(meta, fold.result()), changed, deleted: delta.deleted.length, tally, delta };
}
