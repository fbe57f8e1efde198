import type { InvoiceListRow } from '../../contract';

/**
 * The rows an export writes, read by place (0 … length − 1) in the order the user sees them. An array is one; the
 * offline copy gives one that reads its columns (invoices/read/export-rows.ts) and hands back ONE row object refilled
 * at each place, so a 100,000-invoice export makes no row object per invoice. A reader therefore uses a row before it
 * asks for the next place, and copies what it keeps.
 */
export interface RowsByPlace<T> {
  readonly length: number;
  at(place: number): T | undefined;
}

export type ExportRows = RowsByPlace<InvoiceListRow>;

/** Where an export reads its rows: by id (a Map, or anything with `get`), or a reader of the ids asked at once. */
export type ExportRowSource = Pick<ReadonlyMap<string, InvoiceListRow>, 'get'> | { rowsOf(ids: readonly string[]): ExportRows };

/** Exactly the ids asked that the source has, in their order (ids no longer there are skipped). */
export function exportRowsOf(source: ExportRowSource, ids: readonly string[]): ExportRows {
  if ('rowsOf' in source) return source.rowsOf(ids);
  const rows: InvoiceListRow[] = [];
  for (const id of ids) {
    const row = source.get(id);
    if (row) rows.push(row);
  }
  return rows;
}
