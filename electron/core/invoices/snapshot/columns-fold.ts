import type { InvoiceRow } from '../../../contract';
import { chunkView, ColumnChunkBuilder, RowColumns, type ColumnChunk } from './row-columns';
import { columnSnapshot, columnsOf, type Change, type Delta, type Snapshot, type SnapshotMeta } from './snapshot';
import { netChangesAt } from './columns-changes';
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
   * The base's chunks with the edits at their places and the appended rows at the end. `views`: a changed chunk is
   * `patched` (its long unchanged runs kept as views of it); the last chunk, when small and rows are appended, is topped
   * up (copied with them into one). Without: every row is copied into chunks of APPEND_CHUNK_ROWS (the packing).
   */
  private fold(edits: Map<number, InvoiceRow | null>, places: Float64Array, views: boolean): ColumnChunk[] {
    const chunks: ColumnChunk[] = [];
    const builder = new ColumnChunkBuilder();
    const flush = () => pushChunk(chunks, builder.chunk());
    /** Rows [from, to) of a chunk copied: as they come (top-up), or into chunks of at most APPEND_CHUNK_ROWS (packing). */
    const copy = (chunk: ColumnChunk, from: number, to: number, pack: boolean) => {
      for (let at = from; at < to; ) {
        const end = pack ? Math.min(to, at + APPEND_CHUNK_ROWS - builder.rows) : to;
        builder.copyRows(chunk, at, end);
        at = end;
        if (pack && builder.rows >= APPEND_CHUNK_ROWS) flush();
      }
    };
    let next = 0;
    let first = 0;
    const lastChunk = this.base.chunks.length - 1;
    this.base.chunks.forEach((chunk, c) => {
      const end = first + chunk.rows;
      // The last chunk, when small, takes the appended rows too (a copy synced often does not gather tiny chunks).
      const topUp = c === lastChunk && this.appended.size > 0 && chunk.rows < APPEND_CHUNK_ROWS;
      const changed = next < places.length && places[next]! < end;
      if (changed && views && !topUp) {
        flush();
        next = this.patched(chunk, first, end, edits, places, next, builder, chunks);
      } else if (changed) {
        let from = 0;
        for (; next < places.length && places[next]! < end; next++) {
          const at = places[next]! - first;
          copy(chunk, from, at, !topUp);
          const row = edits.get(places[next]!)!;
          if (row !== null) builder.add(row);
          if (!views && builder.rows >= APPEND_CHUNK_ROWS) flush();
          from = at + 1;
        }
        copy(chunk, from, chunk.rows, !topUp);
      } else if (topUp || !views) {
        copy(chunk, 0, chunk.rows, !topUp);
      } else {
        flush();
        chunks.push(chunk);
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

  /**
   * One changed chunk of the base (its rows [first, end) of the copy) into `out`, the builder empty: each unchanged run of
   * at least VIEW_MIN_ROWS rows kept as a view of it (no copy of its text: with 1% of a copy changed every chunk has
   * changes, and copying each one's text was most of an incremental sync's CPU — BENCHMARKS, sessions 20 and 32); the
   * changed rows and the shorter runs written, in order, into ONE patch chunk for the whole chunk and shown in place by
   * views of it (one chunk made per changed chunk, not one per changed row: session 32). Returns the next edit's index.
   */
  private patched(
    chunk: ColumnChunk,
    first: number,
    end: number,
    edits: Map<number, InvoiceRow | null>,
    places: Float64Array,
    next: number,
    builder: ColumnChunkBuilder,
    out: ColumnChunk[],
  ): number {
    /** The pieces in order, three numbers each: 0 = a run of the chunk, 1 = rows of the patch; from; to. */
    const pieces: number[] = [];
    const patchRows = (from: number) => {
      const to = builder.rows;
      if (to === from) return;
      const last = pieces.length - 3;
      if (last >= 0 && pieces[last] === 1 && pieces[last + 2] === from) pieces[last + 2] = to;
      else pieces.push(1, from, to);
    };
    const run = (from: number, to: number) => {
      if (to - from >= VIEW_MIN_ROWS) return void pieces.push(0, from, to);
      const at = builder.rows;
      builder.copyRows(chunk, from, to);
      patchRows(at);
    };
    let from = 0;
    for (; next < places.length && places[next]! < end; next++) {
      const at = places[next]! - first;
      run(from, at);
      const row = edits.get(places[next]!)!;
      if (row !== null) {
        const before = builder.rows;
        builder.add(row);
        patchRows(before);
      }
      from = at + 1;
    }
    run(from, chunk.rows);
    const patch = builder.chunk();
    for (let k = 0; k < pieces.length; k += 3) out.push(chunkView(pieces[k] === 0 ? chunk : patch!, pieces[k + 1]!, pieces[k + 2]!));
    return next;
  }
}

function pushChunk(chunks: ColumnChunk[], chunk: ColumnChunk | null): void {
  if (chunk) chunks.push(chunk);
}

/**
 * An incremental batch applied to a copy made of columns: its net changes against the copy's cells found by id
 * (`netChangesAt`: no row made but for the change log's), then folded over the columns. The result is a columnar snapshot with the same rows, in
 * the same order, as `mergeChanges` gives over row objects.
 */
export function mergeIntoColumns(
  previous: Snapshot,
  meta: SnapshotMeta,
  changes: Iterable<Change>,
): { snapshot: Snapshot; changed: number; deleted: number; tally: ChangeTally; delta: Delta } {
  const columns = columnsOf(previous)!;
  const table = rowTableOf(previous);
  const { delta, changed, tally, places } = netChangesAt(table, changes);
  // Every id of the delta was looked up once above: the fold reads its place from there.
  const fold = new ColumnsFold(columns, { indexOfId: (id) => places.get(id) ?? table.indexOfId(id) });
  fold.apply(delta);
  return { snapshot: columnSnapshot(meta, fold.result()), changed, deleted: delta.deleted.length, tally, delta };
}
