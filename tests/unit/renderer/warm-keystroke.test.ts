import { describe, expect, it } from 'vitest';
import { computeAging } from '../../../renderer/src/invoices/aging';
import { filterMask, noFilters } from '../../../renderer/src/invoices/filters';
import { dayNumber } from '../../../renderer/src/invoices/plain-date';
import { prepareInvoices } from '../../../renderer/src/invoices/prepared';
import { maskIndexes, sortedOrder, visibleIndexes } from '../../../renderer/src/invoices/sort';
import { warmSearchParts } from '../../../renderer/src/invoices/text-search';
import { computeTotals } from '../../../renderer/src/invoices/totals';
import { cardCollection } from '../../../renderer/src/receivables/card-collection';
import { filteredView } from '../../../renderer/src/workspace/filtered-views';
import { warmKeystroke } from '../../../renderer/src/workspace/warm-keystroke';
import { row } from './invoice-fixtures';

const asOfDay = dayNumber('2026-06-01');
const names = ['Ernst & Sohn', 'Acme Corp', 'Beta GmbH', 'Delta SA', 'Epsilon Ltd', 'Zeta'];
const rows = Array.from({ length: 12_000 }, (_, i) =>
  row({ customer: names[i % names.length]!, currency: ['EUR', 'USD'][i % 2]!, dueDate: `2026-0${1 + (i % 9)}-15`, status: i % 7 === 0 ? 'Draft' : 'Posted', total: 10 + (i % 500), balance: i % 3 === 0 ? 0 : 5 + (i % 300) }),
);

describe('the keystroke passes run once after the load', () => {
  it('leave every search after them exactly as computed afresh, its DSO too', () => {
    const prepared = prepareInvoices(rows);
    const order = sortedOrder(prepared, { column: 'customer', desc: false }, asOfDay);
    const context = { asOfDay, agingBasis: 'dueDate' as const };
    warmSearchParts(prepared.search);
    warmKeystroke(prepared, order, context, 'dueDate', false);
    for (const search of ['e', 'er', 'ern', 'e', '', 'a', 'acme', 'inv-1', 'z']) {
      const filters = { ...noFilters, search };
      const view = filteredView({ prepared, order, context, basis: 'dueDate' }, filters);
      const mask = filterMask(prepared, filters, context);
      const members = maskIndexes(mask);
      expect([...view.visible], search).toEqual([...visibleIndexes(order, mask)]);
      expect([...view.members], search).toEqual([...members]);
      expect(view.sums.totals, search).toEqual(computeTotals(prepared, Array.from(members).reverse()));
      expect(view.sums.aging, search).toEqual(computeAging(prepared, Array.from(members).reverse(), asOfDay, 'dueDate'));
      expect(cardCollection(prepared, view.members, asOfDay, false), search).toEqual(cardCollection(prepared, Array.from(members).reverse(), asOfDay, false));
    }
  });
});
