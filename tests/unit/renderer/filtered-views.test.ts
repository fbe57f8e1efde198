import { describe, expect, it } from 'vitest';
import { computeAging } from '../../../renderer/src/invoices/aging';
import { filterMask, noFilters, type InvoiceFilters } from '../../../renderer/src/invoices/filters';
import { dayNumber } from '../../../renderer/src/invoices/plain-date';
import { prepareInvoices } from '../../../renderer/src/invoices/prepared';
import { maskIndexes, sortedOrder, visibleIndexes } from '../../../renderer/src/invoices/sort';
import { computeTotals } from '../../../renderer/src/invoices/totals';
import { filteredView } from '../../../renderer/src/workspace/filtered-views';
import { row } from './invoice-fixtures';

const asOfDay = dayNumber('2026-03-01');
const context = { asOfDay, agingBasis: 'dueDate' as const };
const customers = ['Acme Corp', 'Acme Corporation', 'Beta GmbH', 'Gamma SA', 'Acme Tools', 'Delta'];
const currencies = ['EUR', 'USD', 'JPY'];
const rows = Array.from({ length: 600 }, (_, i) =>
  row({
    customer: customers[i % customers.length]!,
    currency: currencies[i % 3]!,
    dueDate: `2026-0${1 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')}`,
    status: i % 11 === 0 ? 'Draft' : 'Posted',
    total: 10 + i,
    balance: i % 4 === 0 ? 0 : 5 + i,
  }),
);
const prepared = prepareInvoices(rows);
const order = sortedOrder(prepared, { column: 'customer', desc: false }, asOfDay);
const scope = { prepared, order, context, basis: 'dueDate' as const };

/** The same figures computed afresh, step by step, as the workspace did before views were remembered. */
function afresh(filters: InvoiceFilters) {
  const mask = filterMask(prepared, filters, context);
  const members = maskIndexes(mask);
  const agingSet = filters.aging ? maskIndexes(filterMask(prepared, { ...filters, aging: null }, context)) : members;
  return { visible: visibleIndexes(order, mask), members, totals: computeTotals(prepared, members), agingSet, aging: computeAging(prepared, agingSet, asOfDay, 'dueDate') };
}

describe('the rows and figures of a search, typed and deleted', () => {
  it('are exactly those computed afresh at every keystroke, both ways, with other filters too', () => {
    const typed = 'acme corporation';
    const steps = [...Array.from(typed, (_, i) => typed.slice(0, i + 1)), ...Array.from(typed, (_, i) => typed.slice(0, typed.length - 1 - i))];
    for (const others of [noFilters, { ...noFilters, currencies: ['EUR'] }, { ...noFilters, aging: '1-30' as const }]) {
      for (const search of steps) {
        const filters = { ...others, search };
        const view = filteredView(scope, filters);
        const expected = afresh(filters);
        expect([...view.visible]).toEqual([...expected.visible]);
        expect([...view.members]).toEqual([...expected.members]);
        expect([...view.agingSet]).toEqual([...expected.agingSet]);
        expect(view.sums.totals).toEqual(expected.totals);
        expect(view.sums.aging).toEqual(expected.aging);
      }
    }
  });

  it('answer a keystroke that keeps the same invoices with the same view, so the cards and rows need not render again', () => {
    const first = filteredView(scope, { ...noFilters, search: 'beta' });
    const typedOn = filteredView(scope, { ...noFilters, search: 'beta g' });
    for (const part of ['visible', 'members', 'agingSet', 'sums'] as const) expect(typedOn[part]).toBe(first[part]);
    expect(typedOn.sums.totals).toBe(first.sums.totals);
    expect(typedOn.visible.length).toBe(100);
    // Another set of invoices is another view.
    expect(filteredView(scope, { ...noFilters, search: 'acme' }).sums.totals).not.toBe(first.sums.totals);
  });

  it('follow another order with the same figures, and start afresh for another as-of day or rule', () => {
    const filters = { ...noFilters, search: 'acme' };
    const byCustomer = filteredView(scope, filters);
    const otherOrder = sortedOrder(prepared, { column: 'total', desc: true }, asOfDay);
    const byTotal = filteredView({ ...scope, order: otherOrder }, filters);
    expect([...byTotal.visible]).toEqual([...visibleIndexes(otherOrder, filterMask(prepared, filters, context))]);
    // A sort click reorders the rows only: the cards' figures are the same objects (nothing there renders again).
    expect(byTotal.sums).toBe(byCustomer.sums);
    expect(byTotal.sums.aging).toBe(byCustomer.sums.aging);
    expect([...filteredView(scope, filters).visible]).toEqual([...byCustomer.visible]);
    const later = { asOfDay: dayNumber('2026-06-01'), agingBasis: 'dueDate' as const };
    const agedLater = filteredView({ ...scope, context: later }, filters);
    expect(agedLater.sums.aging).toEqual(computeAging(prepared, agedLater.agingSet, later.asOfDay, 'dueDate'));
    expect(agedLater.sums.aging).not.toEqual(byCustomer.sums.aging);
  });
});
