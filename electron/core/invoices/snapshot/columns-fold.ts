import type { InvoiceRow } from '../../../contract';
import { chunkView, ColumnChunkBuilder, RowColumns, type ColumnChunk } from './row-columns';
import { columnSnapshot, columnsOf, netChangesBy, type Change, type Delta, type Snapshot, type SnapshotMeta } from './snapshot';
import type { ChangeTally } from './row-diff';
import { rowTableOf, type RowTable } from './row-table';

/** Rows per chunk of the rows a fold appends (a sync's page). */
const APPEND_CHUNK_ROWS = 2000;
/** An unchanged run of a changed chunk this long or longer is kept as a view of it (`chunkView`), a shorter one copied. */
const VIEW_MIN_ROWS = 32;
/**
 * How many chunks a copy of `rows` may be split into by the fold's views before it packs them again: at 100k, 4,000 (an
 * incremental with 1% of the invoices changed, spread, makes ~2,000). Readers walk chunks (the list's windows, the
 * index by id, the copy's segments): a few thousand cost them nothing measurable, a row per chunk would.
 */
const chunkBudget = (rows: number) => Math.max(64, Math.ceil(rows / 25));

/**
 * Deltas applied, in order, to a copy's columns (issue #19): the same result as `RowsFold` over its rows — a row
 * already there keeps its place with its new values, a new one is appended, a deleted one leaves — without a row
 * object per invoice. The base is found by id through its table's typed index (row-table.ts); chunks with no change
 * are shared with the base; in a chunk with changes the unchanged runs are kept as views of it (no copy of its text) and
 * the changed rows go into small chunks between them (`result`); the new rows go into chunks at the end. The base's
 * chunks are never changed: a sync that fails leaves the previous copy as it was.
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
    const viewed = this.fold(edits, places, true);
    // Views split the chunks a little more at each sync: past the budget, the copy is packed again (every row copied
    // into chunks of APPEND_CHUNK_ROWS, as a full sync makes them), which starts the count afresh.
    return new RowColumns(viewed.length <= chunkBudget(this.base.length) ? viewed : this.fold(edits, places, false));
  }

  /**
   * The base's chunks with the edits at their places and the appended rows at the end. `views`: an unchanged run of at
   * least VIEW_MIN_ROWS rows of a changed chunk is kept as a view of it (no copy of its text: with 1% of a copy changed
   * every chunk has changes, and copying each one's text was most of an incremental sync's CPU — BENCHMARKS, session 20);
   * the changed rows and shorter runs are copied into small chunks between the views. Without: every row is copied into
   * chunks of APPEND_CHUNK_ROWS (the packing).
   */
  private fold(edits: Map<number, InvoiceRow | null>, places: Float64Array, views: boolean): ColumnChunk[] {
    const chunks: ColumnChunk[] = [];
    const builder = new ColumnChunkBuilder();
    const flush = () => pushChunk(chunks, builder.chunk());
    const copy = (chunk: ColumnChunk, from: number, to: number) => {
      if (!views) {
        // Packing: rows copied into chunks of at most APPEND_CHUNK_ROWS.
        for (let at = from; at < to; ) {
          const end = Math.min(to, at + APPEND_CHUNK_ROWS - builder.rows);
          builder.copyRows(chunk, at, end);
          at = end;
          if (builder.rows >= APPEND_CHUNK_ROWS) flush();
        }
        return;
      }
      if (to - from >= VIEW_MIN_ROWS) {
        flush();
        chunks.push(chunkView(chunk, from, to));
      } else {
        builder.copyRows(chunk, from, to);
      }
    };
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
          if (topUp) builder.copyRows(chunk, from, at);
          else copy(chunk, from, at);
          const row = edits.get(places[next]!)!;
          if (row !== null) builder.add(row);
          if (!views && builder.rows >= APPEND_CHUNK_ROWS) flush();
          from = at + 1;
        }
        if (topUp) builder.copyRows(chunk, from, chunk.rows);
        else copy(chunk, from, chunk.rows);
        if (!topUp && views) flush();
      } else if (topUp) {
        builder.copyRows(chunk, 0, chunk.rows);
      } else if (views) {
        flush();
        chunks.push(chunk);
      } else {
        copy(chunk, 0, chunk.rows);
      }
      first = end;
    });
    for (const row of this.appended.values()) {
      builder.add(row);
      if (builder.rows >= APPEND_CHUNK_ROWS) flush();
    }
    flush();
    return chunks;
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
