import type { ExportColumn } from '../../contract';

/**
 * The columns the byte writers (the XLSX sheet: xlsx-sheet-rows.ts; the CSV: csv-rows.ts) write straight from the row's
 * fields, as toCell would make their cells but without a Cell object per cell — the columns that are a row field as it
 * is (text, day, amount, instant) and the two computed ones every export has (days overdue, aging bucket); any other
 * column (payment figures, conversion, org) is 0 and goes through toCell.
 */
export const NUMBER = 1;
export const CUSTOMER = 2;
export const STATUS = 3;
export const CURRENCY = 4;
export const INVOICE_DATE = 5;
export const DUE_DATE = 6;
export const TOTAL = 7;
export const BALANCE = 8;
export const LAST_MODIFIED = 9;
export const DAYS_OVERDUE = 10;
export const AGING_BUCKET = 11;
const DIRECT: Partial<Record<ExportColumn, number>> = {
  number: NUMBER,
  customer: CUSTOMER,
  status: STATUS,
  currency: CURRENCY,
  invoiceDate: INVOICE_DATE,
  dueDate: DUE_DATE,
  total: TOTAL,
  balance: BALANCE,
  lastModified: LAST_MODIFIED,
  daysOverdue: DAYS_OVERDUE,
  agingBucket: AGING_BUCKET,
};

/** Each column's number above (0: through toCell). */
export const directColumns = (columns: readonly ExportColumn[]): number[] => columns.map((column) => DIRECT[column] ?? 0);
