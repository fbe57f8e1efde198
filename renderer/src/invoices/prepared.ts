import type { InvoiceListRow } from '../../../electron/contract';
import { dayNumber } from './plain-date';

/**
 * The invoice list with what every filter, sort and total needs computed once per sync
 * (not once per keystroke): day numbers of the dates and the lower-cased search text.
 */
export interface PreparedInvoices {
  rows: readonly InvoiceListRow[];
  /** Day numbers (NaN when the date is empty). */
  invoiceDay: Float64Array;
  dueDay: Float64Array;
  /** number + customer, lower-cased, for the global search. */
  searchText: string[];
  /** Distinct values present, sorted, for the filter pickers. */
  statuses: string[];
  currencies: string[];
}

export const NO_STATUS = '(no status)';

export function prepareInvoices(rows: readonly InvoiceListRow[]): PreparedInvoices {
  const n = rows.length;
  const invoiceDay = new Float64Array(n);
  const dueDay = new Float64Array(n);
  const searchText = new Array<string>(n);
  const statuses = new Set<string>();
  const currencies = new Set<string>();
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    invoiceDay[i] = dayNumber(row.invoiceDate);
    dueDay[i] = dayNumber(row.dueDate);
    searchText[i] = `${row.number}\u0001${row.customer ?? ''}`.toLocaleLowerCase();
    statuses.add(row.status ?? NO_STATUS);
    currencies.add(row.currency);
  }
  return {
    rows,
    invoiceDay,
    dueDay,
    searchText,
    statuses: [...statuses].sort((a, b) => a.localeCompare(b)),
    currencies: [...currencies].sort(),
  };
}

/**
 * Days past due as of a day: how late the open balance is. 0 when not yet due, when nothing
 * is owed (balance ≤ 0) or when there is no due date.
 */
export function daysOverdueAt(prepared: PreparedInvoices, i: number, asOfDay: number): number {
  const due = prepared.dueDay[i]!;
  const balance = prepared.rows[i]!.balance ?? 0;
  if (Number.isNaN(due) || balance <= 0) return 0;
  return Math.max(0, asOfDay - due);
}

/** The same, from a row alone (for rendering one cell). */
export function daysOverdueOfRow(row: InvoiceListRow, asOfDay: number): number {
  const due = dayNumber(row.dueDate);
  if (Number.isNaN(due) || (row.balance ?? 0) <= 0) return 0;
  return Math.max(0, asOfDay - due);
}
