import type { InvoiceListRow } from '../../../electron/contract';
import type { FilterChip } from './chips';
import type { InvoiceFilters } from './filters';

/**
 * The filters on what was applied to an invoice, as an accountant means them (the figures come with
 * the list rows, computed by the core from the payments and credit notes):
 * - paid late: fully paid on a day after its due date (open invoices are "overdue", not "paid late");
 * - partly paid: some payment applied (net), less than the total, and a balance still owed;
 * - has credit notes: a credit note is applied to it (net of credits taken back).
 * Rows without figures (an org without payment objects) match none of them.
 */
export type PaymentFilterKey = 'paidLate' | 'partlyPaid' | 'hasCredits';
export const paymentFilterKeys: readonly PaymentFilterKey[] = ['paidLate', 'partlyPaid', 'hasCredits'];

const tests: Record<PaymentFilterKey, (row: InvoiceListRow) => boolean> = {
  // Plain YYYY-MM-DD days compare as text.
  paidLate: (row) => Boolean(row.fullyPaidOn && row.dueDate && row.fullyPaidOn > row.dueDate),
  partlyPaid: (row) => row.paid !== undefined && row.paid > 0 && row.total !== null && row.paid < row.total && (row.balance ?? 0) > 0,
  hasCredits: (row) => (row.credited ?? 0) > 0,
};

/** One test for the payment filters that are on, or null when none is (the filter pass then skips it). */
export function paymentFilter(filters: InvoiceFilters): ((row: InvoiceListRow) => boolean) | null {
  const on = paymentFilterKeys.filter((key) => filters[key]).map((key) => tests[key]);
  if (on.length === 0) return null;
  return (row) => on.every((test) => test(row));
}

/** The payment filters that are on as removable chips, labelled by the caller (words from the catalogue). */
export function paymentFilterChips(filters: InvoiceFilters, labelOf: (key: PaymentFilterKey) => string): FilterChip[] {
  return paymentFilterKeys.filter((key) => filters[key]).map((key) => ({ key, label: labelOf(key), without: (f) => ({ ...f, [key]: false }) }));
}
