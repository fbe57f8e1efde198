import type { Cell } from './export-cells';
import { sheetHead, SHEET_TAIL, type SheetStyles } from './xlsx-parts';
import { CellXml } from './xlsx-sheet';

/** One payment or credit application of an exported invoice (a row of the "Applications" sheet). */
export interface ApplicationRow {
  invoiceNumber: string;
  kind: 'payment' | 'credit';
  /** An Unallocation / Unapplied record (takes an earlier application back). */
  reversal: boolean;
  date: string | null;
  /** As Salesforce states it (reversals too are positive there). */
  amount: number | null;
  currency: string;
  /** The application record's id in Salesforce. */
  id: string;
}

/** The sheet's name, header words and the word for each kind, in the user's language. */
export interface ApplicationsSheet {
  name: string;
  /** Invoice, kind, date, amount, currency, record id. */
  labels: readonly [string, string, string, string, string, string];
  kinds: { payment: string; credit: string; paymentReversed: string; creditReversed: string };
  rows: readonly ApplicationRow[];
}

const WIDTHS = [16, 24, 12, 16, 10, 22];
const ROWS_PER_CHUNK = 100;
const EMPTY: Cell = { kind: 'empty' };

/** The "Applications" sheet's XML a chunk at a time (as the invoices sheet: pulled by the zip, bounded memory). */
export function* applicationChunks(sheet: ApplicationsSheet, styles: SheetStyles): Generator<string> {
  const cells = new CellXml(styles);
  const { kinds, rows } = sheet;
  yield sheetHead(WIDTHS, rows.length, false) + cells.header(sheet.labels);
  for (let start = 0; start < rows.length; start += ROWS_PER_CHUNK) {
    let xml = '';
    for (let i = start; i < Math.min(rows.length, start + ROWS_PER_CHUNK); i++) {
      const row = rows[i]!;
      const r = String(i + 2);
      const kind = row.kind === 'payment' ? (row.reversal ? kinds.paymentReversed : kinds.payment) : row.reversal ? kinds.creditReversed : kinds.credit;
      xml +=
        '<row r="' + r + '">' +
        cells.cell({ kind: 'text', value: row.invoiceNumber }, 'A' + r) +
        cells.cell({ kind: 'text', value: kind }, 'B' + r) +
        cells.cell(row.date ? { kind: 'date', value: row.date } : EMPTY, 'C' + r) +
        cells.cell(row.amount === null ? EMPTY : { kind: 'money', value: row.amount, currency: row.currency }, 'D' + r) +
        cells.cell({ kind: 'text', value: row.currency }, 'E' + r) +
        cells.cell({ kind: 'text', value: row.id }, 'F' + r) +
        '</row>';
    }
    yield xml;
  }
  yield SHEET_TAIL;
}
