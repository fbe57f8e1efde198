import type { Cell } from './export-cells';
import { columnLetter, sheetHead, SHEET_TAIL, type SheetStyles } from './xlsx-parts';
import { CellXml } from './xlsx-sheet';

/**
 * A small sheet of typed cells (the Summary sheet, the aging-by-customer tables): a bold, frozen header row, then
 * rows of cells, all in memory (tens or hundreds of rows, not the invoices' hundred thousand).
 */
export interface TableSheet {
  name: string;
  header: readonly string[];
  /** Column widths in characters (the header's length when absent). */
  widths?: readonly number[];
  rows: readonly (readonly Cell[])[];
}

/**
 * A table sheet made when the zip comes to it, after the sheets before it were written: the Summary, whose bucket
 * totals are summed while the invoice rows are written (no pass of their own). Its name is known at the start (workbook.xml).
 */
export interface DeferredSheet {
  name: string;
  build(): TableSheet;
}

/** The sheet's XML, made (`build`) when the first chunk is pulled. */
export function* deferredSheetChunks(sheet: DeferredSheet, styles: SheetStyles): Generator<string> {
  yield* tableSheetChunks(sheet.build(), styles);
}

/** The sheet's XML (one chunk per 100 rows, as the other sheets). */
export function* tableSheetChunks(sheet: TableSheet, styles: SheetStyles): Generator<string> {
  const cells = new CellXml(styles);
  // A loop, not Math.max(...rows): spreading ~130,000 customers' rows as arguments overflowed the stack (reviewA,
  // session 14: the aging-by-customer export failed with "Something went wrong").
  let columns = sheet.header.length;
  for (const row of sheet.rows) if (row.length > columns) columns = row.length;
  const widths = Array.from({ length: columns }, (_, c) => sheet.widths?.[c] ?? Math.max(12, (sheet.header[c]?.length ?? 0) + 2));
  yield sheetHead(widths, sheet.rows.length, false) + cells.header(sheet.header);
  let xml = '';
  for (let index = 0; index < sheet.rows.length; index++) {
    const r = String(index + 2);
    xml += `<row r="${r}">${sheet.rows[index]!.map((cell, c) => cells.cell(cell, columnLetter(c) + r)).join('')}</row>`;
    if ((index + 1) % 100 === 0) {
      yield xml;
      xml = '';
    }
  }
  yield xml + SHEET_TAIL;
}
