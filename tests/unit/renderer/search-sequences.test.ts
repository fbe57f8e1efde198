import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvoiceRow } from '../../../electron/contract';
import { computeAging } from '../../../renderer/src/invoices/aging';
import { noFilters } from '../../../renderer/src/invoices/filters';
import { dayNumber } from '../../../renderer/src/invoices/plain-date';
import { prepareInvoices } from '../../../renderer/src/invoices/prepared';
import { sortedOrder } from '../../../renderer/src/invoices/sort';
import { warmSearchParts } from '../../../renderer/src/invoices/text-search';
import { computeTotals } from '../../../renderer/src/invoices/totals';
import { cardCollection } from '../../../renderer/src/receivables/card-collection';
import { filteredView } from '../../../renderer/src/workspace/filtered-views';

const asOfDay = dayNumber('2026-06-01');
const names = ['Ernst & Sohn', 'ACME corp', 'İstanbul Tic', 'ΟΔΥΣΣΕΑΣ', 'straße', 'Zeta', '', 'e\u0001x'];
const anyRow: fc.Arbitrary<InvoiceRow> = fc.record({
  id: fc.uuid(),
  number: fc.constantFrom('INV-1', 'INV-12', 'inv-e', 'CN-9', 'Ä-1', 'ΣΑΣ'),
  customer: fc.option(fc.constantFrom(...names), { nil: null }),
  invoiceDate: fc.option(fc.constantFrom('2026-01-31', '2025-12-01', '2026-05-30'), { nil: null }),
  dueDate: fc.option(fc.constantFrom('2026-02-28', '2026-06-30', '2026-03-01'), { nil: null }),
  status: fc.option(fc.constantFrom('Posted', 'Draft', 'Cancelled', 'Paid'), { nil: null }),
  total: fc.option(fc.constantFrom(0, -0, 1, 0.1, 0.2, 1234.56, -50, 1e9, 99.995), { nil: null }),
  balance: fc.option(fc.constantFrom(0, -0, 0.1, 0.2, 1234.56, -50, 1e9, 99.995), { nil: null }),
  currency: fc.constantFrom('EUR', 'JPY', 'USD'),
  lastModified: fc.constant(null),
});
const query = fc.constantFrom('e', 'er', 'ern', 'a', 'ac', 'acme', 'inv', 'inv-1', 'σ', 'ς', 'i', 'i̇', 'ss', 'ß', 'z', '', ' ', 'x', '\u0001');

describe('search sequences: every view equals a computation from the rows alone', () => {
  it('rows, totals, aging and cards for random typing, with the search parts warm or not', () => {
    fc.assert(
      fc.property(fc.array(anyRow, { minLength: 1, maxLength: 120 }), fc.array(query, { minLength: 1, maxLength: 12 }), fc.boolean(), (rows, queries, warm) => {
        const prepared = prepareInvoices(rows);
        const order = sortedOrder(prepared, { column: 'customer', desc: false }, asOfDay);
        const context = { asOfDay, agingBasis: 'dueDate' as const };
        if (warm) warmSearchParts(prepared.search);
        for (const search of queries) {
          const view = filteredView({ prepared, order, context, basis: 'dueDate' }, { ...noFilters, search });
          const q = search.trim().toLocaleLowerCase();
          const expected = rows.flatMap((r, i) => (!q || `${r.number}\u0001${r.customer ?? ''}`.toLocaleLowerCase().includes(q) ? [i] : []));
          expect([...view.members], search).toEqual(expected);
          const reversed = [...expected].reverse();
          expect(view.sums.totals, search).toEqual(computeTotals(prepared, reversed));
          expect(view.sums.aging, search).toEqual(computeAging(prepared, reversed, asOfDay, 'dueDate'));
          expect(cardCollection(prepared, view.members, asOfDay, false)).toEqual(cardCollection(prepared, reversed, asOfDay, false));
          expect(new Set(view.visible)).toEqual(new Set(expected));
        }
      }),
      { numRuns: 300 },
    );
  });
});
