import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { computeAging } from '../../../renderer/src/invoices/aging';
import { filterMask, hasActiveFilters, noFilters, type InvoiceFilters } from '../../../renderer/src/invoices/filters';
import { dayNumber } from '../../../renderer/src/invoices/plain-date';
import { NO_CUSTOMER, prepareInvoices } from '../../../renderer/src/invoices/prepared';
import { maskIndexes } from '../../../renderer/src/invoices/sort';
import { computeTotals } from '../../../renderer/src/invoices/totals';
import { customerFilterChips, customerOfText } from '../../../renderer/src/report/customer-filter';
import { row } from '../renderer/invoice-fixtures';
import { customerDirectory } from '../../../electron/contract/customer-directory';

const asOfDay = dayNumber('2026-03-01');
const ctx = { asOfDay, agingBasis: 'dueDate' as const };
const rows = [
  row({ number: 'A-1', customer: 'Acme Corp', dueDate: '2026-03-10', balance: 100, total: 100, currency: 'EUR' }),
  row({ number: 'A-2', customer: 'Acme Corp', dueDate: '2025-11-01', balance: 40.5, total: 50, currency: 'EUR' }),
  row({ number: 'A-3', customer: 'acme corp', dueDate: '2026-02-01', balance: 7, total: 7, currency: 'EUR' }),
  row({ number: 'A-4', customer: 'Acme Corp GmbH', dueDate: '2026-02-01', balance: 9, total: 9, currency: 'EUR' }),
  row({ number: 'N-1', customer: null, dueDate: '2026-02-15', balance: 3, total: 3, currency: 'USD' }),
  row({ number: 'N-2', customer: '', dueDate: '2026-02-15', balance: 2, total: 2, currency: 'USD' }),
];
const prepared = prepareInvoices(rows);
const shown = (filters: Partial<InvoiceFilters>) => [...maskIndexes(filterMask(prepared, { ...noFilters, ...filters }, ctx))].map((i) => rows[i]!.number);

describe('the customer filter', () => {
  it('matches the customer name exactly (not another case, not a longer name)', () => {
    expect(shown({ customer: 'Acme Corp' })).toEqual(['A-1', 'A-2']);
    expect(shown({ customer: 'acme corp' })).toEqual(['A-3']);
    expect(shown({ customer: 'Acme' })).toEqual([]);
  });

  it('has one value for the invoices without a customer (empty or missing)', () => {
    expect(shown({ customer: NO_CUSTOMER })).toEqual(['N-1', 'N-2']);
    expect(prepared.customers).toEqual(['acme corp', 'Acme Corp', 'Acme Corp GmbH', NO_CUSTOMER]);
  });

  it('combines with the other filters and counts as an active filter', () => {
    expect(shown({ customer: 'Acme Corp', overdueOnly: true })).toEqual(['A-2']);
    expect(shown({ customer: 'Acme Corp', aging: 'current' })).toEqual(['A-1']);
    expect(hasActiveFilters({ ...noFilters, customer: NO_CUSTOMER })).toBe(true);
    expect(hasActiveFilters(noFilters)).toBe(false);
  });

  it('narrows the totals and the aging like every filter', () => {
    const members = maskIndexes(filterMask(prepared, { ...noFilters, customer: 'Acme Corp' }, ctx));
    expect(computeTotals(prepared, members).map((c) => [c.currency, c.count, c.balance])).toEqual([['EUR', 2, 140.5]]);
    const aging = computeAging(prepared, members, asOfDay, 'dueDate')[0]!;
    expect(aging.buckets.filter((b) => b.count > 0).map((b) => [b.key, b.balance])).toEqual([['current', 100], ['90+', 40.5]]);
  });

  it('shows as a removable chip, in the user language, "(no customer)" for the invoices without one', () => {
    const t = createI18n('de').getFixedT('de', ['report', 'workspace']);
    const words = { customer: t('report:customer'), noCustomer: t('report:noCustomer'), chip: (name: string, value: string) => t('workspace:chipValue', { name, value }) };
    const chips = customerFilterChips({ ...noFilters, customer: NO_CUSTOMER, overdueOnly: true }, words);
    expect(chips.map((c) => c.label)).toEqual(['Kunde: (ohne Kunde)']);
    expect(chips[0]!.without({ ...noFilters, customer: NO_CUSTOMER, overdueOnly: true })).toEqual({ ...noFilters, overdueOnly: true });
    expect(customerFilterChips(noFilters, words)).toEqual([]);
  });

  it('takes the typed text as a customer only when it is exactly one', () => {
    const words = { noCustomer: '(no customer)' };
    expect(customerOfText('Acme Corp', customerDirectory(rows), words)).toBe('Acme Corp');
    expect(customerOfText('Acme', customerDirectory(rows), words)).toBeUndefined();
    expect(customerOfText('(no customer)', customerDirectory(rows), words)).toBe(NO_CUSTOMER);
    expect(customerOfText('  ', customerDirectory(rows), words)).toBeNull();
  });
});
