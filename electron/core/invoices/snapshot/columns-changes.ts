import type { InvoiceRow } from '../../../contract';
import { BALANCE_NULL, TEXT_CELL_COUNT, TOTAL_NULL, type ColumnChunk } from './row-columns';
import { ChangeTally, sameRow } from './row-diff';
import type { ChunkPlace, RowTable } from './row-table';
import { lastChangeById, type Change, type Delta } from './snapshot';
import { sameUnits } from './text-in-place';

/**
 * `netChangesBy` (snapshot.ts) over a copy's table, for an incremental sync folded into columns (columns-fold.ts): each
 * changed id is looked up once (its place is handed on to the fold, which used to look it up twice more), a fetched row
 * is compared with the copy's cells where they lie (no row object made per changed invoice, no string per cell), and
 * the previous row is made only where the change log names it (the first CHANGED_IDS_CAP changed, each deleted one).
 * The same delta, counts and log as `netChangesBy` with the table's rows (property-tested, columns-fold.test.ts).
 */
export function netChangesAt(
  table: RowTable,
  changes: Iterable<Change>,
): { delta: Delta; changed: number; tally: ChangeTally; places: Map<string, number> } {
  const { net, changed } = lastChangeById(changes);
  const tally = new ChangeTally();
  const delta: Delta = { upserts: [], deleted: [] };
  /** Each id of the batch → its row's position in the copy, or -1. */
  const places = new Map<string, number>();
  for (const [id, row] of net) {
    const at = table.indexOfId(id);
    places.set(id, at);
    if (row === null) {
      if (at >= 0) {
        delta.deleted.push(id);
        tally.removed(table.rowAt(at));
      }
    } else if (at < 0) {
      tally.upserted(undefined, row);
      delta.upserts.push(row);
    } else if (!sameRowAt(table, at, row)) {
      tally.changedRow(row, () => table.rowAt(at));
      delta.upserts.push(row);
    }
  }
  return { delta, changed, tally, places };
}

const place: ChunkPlace = { chunk: null, row: 0 };

/** `sameRow(table.rowAt(at), row)`, read in place over columns (the amounts first: a real change mostly differs there). */
function sameRowAt(table: RowTable, at: number, row: InvoiceRow): boolean {
  if (!table.locate(at, place)) return sameRow(table.rowAt(at), row);
  const chunk = place.chunk!;
  const r = place.row;
  const nulls = chunk.nulls[r]!;
  if ((nulls & TOTAL_NULL ? null : chunk.total[r]!) !== row.total) return false;
  if ((nulls & BALANCE_NULL ? null : chunk.balance[r]!) !== row.balance) return false;
  const first = r * TEXT_CELL_COUNT;
  // Cells as chunkRow reads them: number (1) and currency (6) whatever their null bit; customerId (8) undefined when null.
  return (
    sameCell(chunk, first, nulls, 7, row.lastModified, null) &&
    sameCell(chunk, first, nulls, 5, row.status, null) &&
    sameCell(chunk, first, nulls, 1, row.number, 'never') &&
    sameCell(chunk, first, nulls, 2, row.customer, null) &&
    sameCell(chunk, first, nulls, 3, row.invoiceDate, null) &&
    sameCell(chunk, first, nulls, 4, row.dueDate, null) &&
    sameCell(chunk, first, nulls, 6, row.currency, 'never') &&
    sameCell(chunk, first, nulls, 8, row.customerId, undefined)
  );
}

/** Whether cell `cell` of the row whose cells start at `first` reads as `value`; `none`: what a null cell reads as ('never': its text all the same). */
function sameCell(chunk: ColumnChunk, first: number, nulls: number, cell: number, value: string | null | undefined, none: null | undefined | 'never'): boolean {
  if (none !== 'never' && nulls & (1 << cell)) return value === none;
  if (typeof value !== 'string') return false;
  const from = chunk.starts[first + cell]!;
  return chunk.starts[first + cell + 1]! - from === value.length && sameUnits(chunk.text, from, value, 0, value.length);
}
