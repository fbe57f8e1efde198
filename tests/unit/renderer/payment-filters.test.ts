import { describe, expect, it } from 'vitest';
import type { InvoiceListRow } from '../../../electron/contract';
import { filterMask, hasActiveFilters, noFilters, type InvoiceFilters } from '../../../renderer/src/invoices/filters';
import { paymentFilterChips } from '../../../renderer/src/invoices/payment-filters';
import { dayNumber } from '../../../renderer/src/invoices/plain-date';
import { prepareInvoices } from '../../../renderer/src/invoices/prepared';
import { sortedOrder, visibleIndexes, type SortColumn } from '../../../renderer/src/invoices/sort';
import { row } from './invoice-fixtures';

const asOf = dayNumber('2026-03-01');
const ctx = { asOfDay: asOf, agingBasis: 'dueDate' as const };
const paidRow = (over: Partial<InvoiceListRow>): InvoiceListRow => ({ ...row({ invoiceDate: '2026-01-01', dueDate: '2026-01-31', total: 100, balance: 0 }), paid: 0, credited: 0, lastPaymentDate: null, fullyPaidOn: null, daysToPay: null, ...over });

const rows: InvoiceListRow[] = [
  paidRow({ number: 'ON-TIME', paid: 100, lastPaymentDate: '2026-01-20', fullyPaidOn: '2026-01-20', daysToPay: 19 }),
  paidRow({ number: 'LATE', paid: 60, credited: 40, lastPaymentDate: '2026-02-10', fullyPaidOn: '2026-02-15', daysToPay: 45 }),
  paidRow({ number: 'PART', balance: 70, paid: 30, lastPaymentDate: '2026-02-01' }),
  paidRow({ number: 'OPEN', balance: 100 }),
  paidRow({ number: 'CREDIT-ONLY', balance: 90, credited: 10 }),
  // An org without payment objects: no figures at all.
  row({ number: 'NO-FIGURES', total: 100, balance: 50, dueDate: '2026-01-31' }),
];
const prepared = prepareInvoices(rows);
const view = (filters: Partial<InvoiceFilters>, sort: { column: SortColumn; desc: boolean } | null = null) =>
  [...visibleIndexes(sortedOrder(prepared, sort, asOf), filterMask(prepared, { ...noFilters, ...filters }, ctx))].map((i) => rows[i]!.number);

describe('the payment filters and columns in the list', () => {
  it('paid late = fully paid after the due date; partly paid = some paid and a balance owed; has credit notes', () => {
    expect(view({ paidLate: true })).toEqual(['LATE']);
    expect(view({ partlyPaid: true })).toEqual(['PART']);
    expect(view({ hasCredits: true })).toEqual(['CREDIT-ONLY', 'LATE']);
    expect(view({ hasCredits: true, paidLate: true })).toEqual(['LATE']);
    expect(hasActiveFilters({ ...noFilters, partlyPaid: true })).toBe(true);
  });

  it('sorts by paid amount, fully-paid day and days to pay; empty figures last either way', () => {
    expect(view({}, { column: 'paid', desc: true })).toEqual(['ON-TIME', 'LATE', 'PART', 'CREDIT-ONLY', 'OPEN', 'NO-FIGURES']);
    expect(view({}, { column: 'fullyPaidOn', desc: false }).slice(0, 2)).toEqual(['ON-TIME', 'LATE']);
    expect(view({}, { column: 'daysToPay', desc: true }).slice(0, 2)).toEqual(['LATE', 'ON-TIME']);
    expect(view({}, { column: 'lastPaymentDate', desc: true }).slice(0, 3)).toEqual(['LATE', 'PART', 'ON-TIME']);
    expect(view({}, { column: 'daysToPay', desc: false }).at(-1)).toBe('PART');
  });

  it('each filter that is on is a chip that removes only itself', () => {
    const filters = { ...noFilters, paidLate: true, hasCredits: true };
    const chips = paymentFilterChips(filters, (key) => key.toUpperCase());
    expect(chips.map((c) => c.label)).toEqual(['PAIDLATE', 'HASCREDITS']);
    expect(chips[0]!.without(filters)).toEqual({ ...filters, paidLate: false });
  });
});
