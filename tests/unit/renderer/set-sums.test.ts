import { describe, expect, it } from 'vitest';
import type { InvoiceListRow } from '../../../electron/contract';
import { computeAging } from '../../../renderer/src/invoices/aging';
import { dayNumber } from '../../../renderer/src/invoices/plain-date';
import { prepareInvoices } from '../../../renderer/src/invoices/prepared';
import { rowsLeftOut, sumsOfSet, wholeBelow } from '../../../renderer/src/invoices/set-sums';
import { maskIndexes, sortedOrder, visibleIndexes, visibleRowsInOrder } from '../../../renderer/src/invoices/sort';
import { computeTotals } from '../../../renderer/src/invoices/totals';
import { cardCollection } from '../../../renderer/src/receivables/card-collection';

const asOfDay = dayNumber('2026-12-01');
const currencies = ['EUR', 'USD', 'JPY', 'KWD'];
const statuses = ['Posted', 'Posted', 'Draft', 'Cancelled', null];
// Amounts with every decimal the currencies allow, negative ones (credit notes), empty ones and -0.
const rows: InvoiceListRow[] = Array.from({ length: 1200 }, (_, i) => ({
  id: `r${i}`,
  number: `INV-${i}`,
  customer: `Customer ${i % 37}`,
  invoiceDate: i % 97 === 0 ? null : `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
  dueDate: i % 89 === 0 ? null : `2026-${String(1 + ((i + 1) % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
  status: statuses[i % statuses.length]!,
  total: i % 53 === 0 ? null : ((i * 7919) % 100_003) / (i % 4 === 3 ? 1000 : 100) - (i % 11 === 0 ? 900 : 0),
  balance: i % 6 === 0 ? 0 : i % 59 === 0 ? -0 : ((i * 104_729) % 50_021) / 100 - (i % 13 === 0 ? 300 : 0),
  currency: currencies[i % currencies.length]!,
  lastModified: null,
  paid: 0,
  credited: 0,
  lastPaymentDate: null,
  fullyPaidOn: i % 5 === 0 ? `2026-${String(1 + (i % 12)).padStart(2, '0')}-28` : null,
  daysToPay: i % 5 === 0 ? i % 90 : null,
}));
const prepared = prepareInvoices(rows, { statusKinds: { Draft: 'draft', Cancelled: 'cancelled' } });
const n = rows.length;

/** Sets of every size, ascending as a filter gives them: most of the rows (the shortcut), few of them, none, all. */
const sets = [0.999, 0.9, 0.7, 0.51, 0.5, 0.2, 0.01, 0].map((share, s) => maskIndexes(Uint8Array.from(rows, (_, i) => (((i * 2654435761 + s) >>> 0) % 1000 < share * 1000 ? 1 : 0))));
sets.push(Uint32Array.from(rows.keys()));
/** The same rows not ascending: no shortcut is taken, every row is summed. */
const rowByRow = (set: Uint32Array) => Uint32Array.from(set).reverse();

describe('sums over most of the rows (every row less the rows left out)', () => {
  it('give exactly the figures of adding up the set row by row: totals, aging, DSO and days to pay', () => {
    for (const set of sets) {
      expect(computeTotals(prepared, set)).toEqual(computeTotals(prepared, rowByRow(set)));
      for (const basis of ['dueDate', 'invoiceDate'] as const) expect(computeAging(prepared, set, asOfDay, basis)).toEqual(computeAging(prepared, rowByRow(set), asOfDay, basis));
      for (const cutOff of [false, true]) expect(cardCollection(prepared, set, asOfDay, cutOff)).toEqual(cardCollection(prepared, rowByRow(set), asOfDay, cutOff));
    }
  });

  it('leave out a currency none of whose rows is in the set, as row by row', () => {
    const noJpy = maskIndexes(Uint8Array.from(rows, (row) => (row.currency === 'JPY' ? 0 : 1)));
    expect(computeTotals(prepared, noJpy).map((t) => t.currency)).toEqual(['EUR', 'KWD', 'USD']);
    expect(cardCollection(prepared, noJpy, asOfDay, false).has('JPY')).toBe(false);
    expect(computeAging(prepared, noJpy, asOfDay, 'dueDate').map((a) => a.currency)).toEqual(['EUR', 'KWD', 'USD']);
  });

  it('are not taken when a sum could lose a unit (values beyond 2^53 together) or the set is not ascending', () => {
    expect(wholeBelow([1, -2, 3])).toBe(true);
    expect(wholeBelow([2 ** 52, 2 ** 52])).toBe(false);
    expect(wholeBelow([0.5])).toBe(false);
    expect(rowsLeftOut([0, 2, 3], 5)).toEqual(Uint32Array.from([1, 4]));
    expect(rowsLeftOut([2, 0, 3], 5)).toBeNull();
    expect(rowsLeftOut([0, 0, 3], 5)).toBeNull();
    expect(rowsLeftOut([0, 1, 2, 3, 4, 5], 5)).toBeNull();
    let direct = 0;
    const pass = (indexes: ArrayLike<number>) => {
      direct++;
      return Float64Array.of(indexes.length);
    };
    expect([...sumsOfSet([0, 1, 2, 4], 5, pass, () => null)]).toEqual([4]);
    expect([...sumsOfSet([0, 1, 2, 4], 5, pass, () => Float64Array.of(5))]).toEqual([4]);
    expect(direct).toBe(2);
  });
});

describe('the rows of a small set in the sort order', () => {
  it('are the rows of a pass over the whole order, for every sort and set', () => {
    for (const spec of [null, { column: 'total' as const, desc: true }, { column: 'customer' as const, desc: false }]) {
      const order = sortedOrder(prepared, spec, asOfDay);
      for (const set of sets) {
        const mask = new Uint8Array(n);
        for (const i of set) mask[i] = 1;
        expect([...visibleRowsInOrder(order, mask, set)]).toEqual([...visibleIndexes(order, mask)]);
      }
    }
  });
});
