import { describe, expect, it } from 'vitest';
import {
  accountKey,
  customerDirectory,
  customerFilterOf,
  customerFilterValue,
  labelOfFilterValue,
} from '../../../electron/contract/customer-directory';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { viewStateSchema } from '../../../electron/contract/saved-views';
import { filterMask, noFilters, type InvoiceFilters } from '../../../renderer/src/invoices/filters';
import { dayNumber } from '../../../renderer/src/invoices/plain-date';
import { NO_CUSTOMER, prepareInvoices } from '../../../renderer/src/invoices/prepared';
import { maskIndexes } from '../../../renderer/src/invoices/sort';
import { customerAgingOf } from '../../../renderer/src/report/customer-aging';
import { customerFilterChips, customerOfText } from '../../../renderer/src/report/customer-filter';
import { fitViewState, readViewState, type Available, type WorkspaceState } from '../../../renderer/src/views/view-state';
import { row } from '../renderer/invoice-fixtures';

/**
 * The aging report, the customer filter and "Show in list" tell customers apart as the customer view does (reviewB,
 * session 10): by the account id when the copy has it — two accounts of one name are two customers, an account
 * renamed in Salesforce is one under its name now — and by name for a text customer.
 */

const asOfDay = dayNumber('2026-03-31');
const ctx = { asOfDay, agingBasis: 'dueDate' as const };
const A = '001000000000000AAA';
const B = '001000000000000BBB';
const C = '001000000000000CCC';
const rows = [
  // Two accounts named "Acme Corp".
  row({ number: 'A-1', customer: 'Acme Corp', customerId: A, dueDate: '2026-03-20', balance: 100 }),
  row({ number: 'A-2', customer: 'Acme Corp', customerId: A, dueDate: '2026-01-15', balance: 40 }),
  row({ number: 'B-1', customer: 'Acme Corp', customerId: B, dueDate: '2026-03-20', balance: 7 }),
  // One account renamed Old Name Ltd → New Name Ltd: only the invoice Salesforce changed since carries the new name.
  row({ number: 'C-1', customer: 'Old Name Ltd', customerId: C, dueDate: '2026-03-20', balance: 10, lastModified: '2026-03-01T10:00:00.000Z', invoiceDate: '2026-03-01' }),
  row({ number: 'C-2', customer: 'New Name Ltd', customerId: C, dueDate: '2026-03-20', balance: 0, lastModified: '2026-03-30T10:00:00.000Z', invoiceDate: '2026-01-01' }),
  row({ number: 'C-3', customer: 'Old Name Ltd', customerId: C, dueDate: '2026-02-20', balance: 5, lastModified: '2026-02-01T10:00:00.000Z', invoiceDate: '2026-02-01' }),
  row({ number: 'N-1', customer: null, dueDate: '2026-03-20', balance: 3 }),
];
const prepared = prepareInvoices(rows);
const all = Uint32Array.from(rows.keys());
const shown = (filters: Partial<InvoiceFilters>) => [...maskIndexes(filterMask(prepared, { ...noFilters, ...filters }, ctx))].map((i) => rows[i]!.number);

describe('customers by account id: the aging report, its filter and Show in list', () => {
  it('two accounts of one name are two report lines, told apart by the account id; a renamed account one line under its name now', () => {
    const [usd] = customerAgingOf(prepared, all, asOfDay, 'dueDate');
    expect(usd!.lines.map((l) => [l.customer, l.total, l.count])).toEqual([
      [`Acme Corp (${A})`, 140, 2],
      [`Acme Corp (${B})`, 7, 1],
      ['New Name Ltd', 15, 2],
      [NO_CUSTOMER, 3, 1],
    ]);
    expect(usd!.lines.map((l) => l.key)).toEqual([accountKey(A), accountKey(B), accountKey(C), NO_CUSTOMER]);
    expect(usd!.totals.total).toBe(165);
  });

  it('"Show in list" from a line shows exactly that account\'s invoices, whatever name each carries', () => {
    const [usd] = customerAgingOf(prepared, all, asOfDay, 'dueDate');
    const drill = (line: { key: string; customer: string }) => customerFilterValue(line.key, line.customer);
    expect(shown({ customer: drill(usd!.lines[0]!) })).toEqual(['A-1', 'A-2']);
    expect(shown({ customer: drill(usd!.lines[1]!) })).toEqual(['B-1']);
    expect(shown({ customer: drill(usd!.lines[2]!) })).toEqual(['C-1', 'C-2', 'C-3']);
    expect(shown({ customer: drill(usd!.lines[3]!) })).toEqual(['N-1']);
    // The customer view's Show in list: the same account filter.
    expect(shown({ customer: customerFilterOf({ name: 'New Name Ltd', account: C }, customerDirectory(prepared.rows)) })).toEqual(['C-1', 'C-2', 'C-3']);
  });

  it('the filter\'s chip and box say the account\'s label; the box offers each account apart', () => {
    const customers = customerDirectory(prepared.rows);
    const value = customerFilterValue(accountKey(B), customers.label(accountKey(B)));
    const t = createI18n('en').getFixedT('en', ['report', 'workspace']);
    const words = { customer: t('report:customer'), noCustomer: t('report:noCustomer'), chip: (name: string, v: string) => t('workspace:chipValue', { name, value: v }) };
    expect(customerFilterChips({ ...noFilters, customer: value }, words).map((c) => c.label)).toEqual([`Customer: Acme Corp (${B})`]);
    expect(customers.keys.map((key) => customers.label(key))).toEqual([`Acme Corp (${A})`, `Acme Corp (${B})`, 'New Name Ltd', NO_CUSTOMER]);
    expect(customerOfText(`Acme Corp (${B})`, customers, words)).toBe(value);
    expect(shown({ customer: customerOfText('New Name Ltd', customers, words)! })).toEqual(['C-1', 'C-2', 'C-3']);
    // A name no account has now (the old one) is no choice of the box.
    expect(customerOfText('Old Name Ltd', customers, words)).toBeUndefined();
  });

  it('a view saved with a customer filter by name (before account keys) still shows every invoice of that name', () => {
    expect(shown({ customer: 'Acme Corp' })).toEqual(['A-1', 'A-2', 'B-1']);
    expect(shown({ customer: 'Old Name Ltd' })).toEqual(['C-1', 'C-3']);
    const available: Available = { currencies: ['USD'], customers: prepared.customers, statuses: ['Posted'], paymentColumns: true, customerFound: customerDirectory(prepared.rows).has };
    const view = (customer: string) => readViewState({ filters: { ...noFilters, customer }, sorting: [], visibleColumns: null, agingBasis: 'dueDate', agingAsOf: null, currency: { showIn: 'own', basis: 'invoiceDate' }, groupByCustomer: false } as WorkspaceState);
    expect(fitViewState(view('Acme Corp'), available)).toMatchObject({ state: { filters: { customer: 'Acme Corp' } }, dropped: [] });
    // A view of an account is kept while the account has invoices, whatever their names; gone, it is said by its label.
    const ofB = customerFilterValue(accountKey(B), `Acme Corp (${B})`);
    expect(viewStateSchema.safeParse(view(ofB)).success).toBe(true);
    expect(fitViewState(view(ofB), available)).toMatchObject({ state: { filters: { customer: ofB } }, dropped: [] });
    const gone = customerFilterValue(accountKey('001000000000000ZZZ'), 'Umbrella Inc');
    expect(fitViewState(view(gone), available)).toMatchObject({ state: { filters: { customer: null } }, dropped: [{ kind: 'customer', value: 'Umbrella Inc' }] });
  });

  it('a text customer (no account ids: a custom Invoice__c) is grouped and filtered by name', () => {
    const text = [row({ number: 'T-1', customer: 'Acme Corp', dueDate: '2026-03-20' }), row({ number: 'T-2', customer: 'Acme Corp', dueDate: '2026-03-20' })];
    const p = prepareInvoices(text);
    const [usd] = customerAgingOf(p, Uint32Array.from(text.keys()), asOfDay, 'dueDate');
    expect(usd!.lines.map((l) => [l.customer, l.key, l.count])).toEqual([['Acme Corp', 'Acme Corp', 2]]);
    expect(customerFilterValue(usd!.lines[0]!.key, usd!.lines[0]!.customer)).toBe('Acme Corp');
  });

  it('a filter value holds the account id whole and at most 255 characters (what a view keeps)', () => {
    const value = customerFilterValue(accountKey(A), 'x'.repeat(300));
    expect(value.length).toBe(255);
    expect(shown({ customer: value })).toEqual(['A-1', 'A-2']);
    expect(labelOfFilterValue(customerFilterValue(accountKey(A), 'Acme'))).toBe('Acme');
  });
});
