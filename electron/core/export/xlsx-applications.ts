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
  /**
   * Why the invoice's arithmetic leaves it out (applied-ledger.ts countedApplications): in another currency than the invoice's
   * (`otherCurrency`: the invoice's), or an amount of zero, below zero or none; in an as-of export, made after the as-of day
   * (`later`: the balance written is as of that day, when it had not been made). Absent: counted in the balance.
   */
  leftOut?: { otherCurrency?: string; notPositive?: true; later?: true };
  /** "All connections": the org the invoice is of. */
  org?: string;
}

/** The applications to list: how many, the currencies they are in, and the rows, made as they are written. */
export interface ApplicationRows {
  count: number;
  currencies: Iterable<string>;
  rows(): Iterable<ApplicationRow>;
  /** The rows are of several orgs ("All connections"): the sheet has an Org column first. */
  byOrg?: boolean;
}

/** The sheet's name, header words and the word for each kind, in the user's language. */
export interface ApplicationsSheet {
  name: string;
  /** Invoice, kind, date, amount, currency, record id, counted in the balance. */
  labels: readonly [string, string, string, string, string, string, string];
  kinds: { payment: string; credit: string; paymentReversed: string; creditReversed: string };
  /** The "Counted in balance" cell: yes, or no and why (the application's currency and the invoice's; the amount). */
  counted: { yes: string; no: (why: string[]) => string; otherCurrency: (currency: string, invoiceCurrency: string) => string; notPositive: string; later: string };
  applications: ApplicationRows;
  /** "All connections": the Org column's header (the column comes first). */
  orgLabel?: string;
}

const WIDTHS = [16, 24, 12, 16, 10, 22, 40];
const ORG_WIDTH = 20;
const ROWS_PER_CHUNK = 100;
const EMPTY: Cell = { kind: 'empty' };

/** The "Applications" sheet's XML a chunk at a time (as the invoices sheet: pulled by the zip, bounded memory). */
export function* applicationChunks(sheet: ApplicationsSheet, styles: SheetStyles): Generator<string> {
  const cells = new CellXml(styles);
  const { kinds, applications } = sheet;
  const withOrg = sheet.orgLabel !== undefined;
  // With the Org column first, every other column moves one to the right.
  const col = withOrg ? 'BCDEFGH' : 'ABCDEFG';
  const { counted } = sheet;
  const countedText = (row: ApplicationRow) => {
    if (!row.leftOut) return counted.yes;
    const why = [
      ...(row.leftOut.otherCurrency !== undefined ? [counted.otherCurrency(row.currency, row.leftOut.otherCurrency)] : []),
      ...(row.leftOut.notPositive ? [counted.notPositive] : []),
      ...(row.leftOut.later ? [counted.later] : []),
    ];
    return counted.no(why);
  };
  yield sheetHead(withOrg ? [ORG_WIDTH, ...WIDTHS] : WIDTHS, applications.count, false) + cells.header(withOrg ? [sheet.orgLabel!, ...sheet.labels] : sheet.labels);
  let xml = '';
  let n = 0;
  for (const row of applications.rows()) {
    const r = String(n + 2);
    const kind = row.kind === 'payment' ? (row.reversal ? kinds.paymentReversed : kinds.payment) : row.reversal ? kinds.creditReversed : kinds.credit;
    xml +=
      '<row r="' + r + '">' +
      (withOrg ? cells.cell({ kind: 'text', value: row.org ?? '' }, 'A' + r) : '') +
      cells.cell({ kind: 'text', value: row.invoiceNumber }, col[0] + r) +
      cells.cell({ kind: 'text', value: kind }, col[1] + r) +
      cells.cell(row.date ? { kind: 'date', value: row.date } : EMPTY, col[2] + r) +
      cells.cell(row.amount === null ? EMPTY : { kind: 'money', value: row.amount, currency: row.currency }, col[3] + r) +
      cells.cell({ kind: 'text', value: row.currency }, col[4] + r) +
      cells.cell({ kind: 'text', value: row.id }, col[5] + r) +
      cells.cell({ kind: 'text', value: countedText(row) }, col[6] + r) +
      '</row>';
    if (++n % ROWS_PER_CHUNK === 0) {
      yield xml;
      xml = '';
    }
  }
  yield xml + SHEET_TAIL;
}
