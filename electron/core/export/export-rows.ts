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

/**
 * Where the row handed out last by `ExportRows.atInPlace` keeps the texts that are unique to it (the copy's chunk):
 * `text` and the [from, to) of its number and of its last-modified instant in it (`lastModifiedFrom` −1: none).
 * `text` null: the row is not in a chunk (a copy over rows): its fields hold them as usual.
 */
export interface RowTexts {
  text: string | null;
  numberFrom: number;
  numberTo: number;
  lastModifiedFrom: number;
  lastModifiedTo: number;
}

export interface ExportRows extends RowsByPlace<InvoiceListRow> {
  /**
   * The copy's reader only: the row at `place` as `at` gives it but for two texts unique per row, which are not made
   * into strings — its number and last-modified instant are where `texts` says (the row's own `number` and
   * `lastModified` then say '' and null) — and its `customerId`, not read (undefined). For a writer that reads those
   * texts in place (the XLSX invoices sheet: xlsx-sheet-rows.ts): two short strings fewer per row.
   */
  atInPlace?(place: number, texts: RowTexts): InvoiceListRow | undefined;
}

/** RowTexts to be filled by `atInPlace`. */
export const noRowTexts = (): RowTexts => ({ text: null, numberFrom: 0, numberTo: 0, lastModifiedFrom: -1, lastModifiedTo: -1 });

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
