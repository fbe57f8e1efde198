import type { RecordTable } from '../related/related-copy';
import { IdIndex, MergedTable } from '../related/related-merged-table';

/**
 * The rows of a table's records with these ids (each id's row, -1 when it has none), found through the index of ids of
 * the columns below (related-merged-table.ts IdIndex: made for the next incremental sync's merge, so after an incremental it
 * is there already) — not every row's id read, as a scan does. Null when there are no columns or an id came twice in
 * them (then a caller reads every row, as it always did). For a targeted read of a few records right after a sync's answer
 * (applied-ledger.ts ledgerFor, source-applied.ts appliedFor).
 */
export function rowsOfIds(table: RecordTable | null, ids: readonly string[]): number[] | null {
  if (!table) return null;
  const merged = table instanceof MergedTable ? table : null;
  const index = IdIndex.of(merged ? merged.below : table);
  if (!index) return null;
  return ids.map((id) => (merged ? merged.placeOf(id, index) : index.rowOf(id)));
}
