import { describe, expect, it } from 'vitest';
import type { InvoiceListRow } from '../../../electron/contract';
import { daysSalesOutstanding } from '../../../electron/contract/collection-figures';
import { dayNumber } from '../../../renderer/src/invoices/plain-date';
import { prepareInvoices } from '../../../renderer/src/invoices/prepared';
import { cardCollection } from '../../../renderer/src/receivables/card-collection';

const row = (id: string, extra: Partial<InvoiceListRow>): InvoiceListRow => ({
  id, number: id, customer: 'Acme', invoiceDate: '2026-11-01', dueDate: '2026-12-01', status: 'Posted', total: 100, balance: 100, currency: 'EUR', lastModified: null,
  paid: 0, credited: 0, lastPaymentDate: null, fullyPaidOn: null, daysToPay: null, ...extra,
});

// As of 2026-12-01 the 90-day period is 2026-09-03 … 2026-12-01 (2026-09-02 is 90 days before: outside).
const rows = [
  row('A', { invoiceDate: '2026-11-01', total: 1000, balance: 600 }),
  row('B', { invoiceDate: '2026-10-01', total: 500, balance: 0, fullyPaidOn: '2026-10-21', daysToPay: 20 }),
  row('C', { invoiceDate: '2026-06-01', total: 2000, balance: 300 }),
  row('D', { invoiceDate: '2026-11-15', status: 'Draft', total: 10_000, balance: 10_000 }),
  row('E', { invoiceDate: '2026-07-01', total: 1500, balance: 0, fullyPaidOn: '2026-08-10', daysToPay: 40 }),
  row('H', { invoiceDate: '2026-09-02', total: 100, balance: 100 }),
  row('G', { invoiceDate: '2026-11-20', total: 3333, balance: 1111, currency: 'JPY' }),
];
const prepared = prepareInvoices(rows, { statusKinds: { Draft: 'draft' } });
const all = Uint32Array.from(rows.keys());

describe('the currency cards’ DSO and average days to pay', () => {
  it('DSO = open balance of the receivables shown ÷ their total invoiced in the 90 days to the as-of day × 90; days to pay weighted by total', () => {
    const got = cardCollection(prepared, all, dayNumber('2026-12-01'), false);
    // EUR receivables: A 600 + C 300 + H 100 = 1000 (D is a draft); sales in the period: A 1000 + B 500 = 1500 → 1000 / 1500 × 90 = 60.
    // Days to pay: (500 × 20 + 1500 × 40) / 2000 = 35.
    expect(got.get('EUR')).toEqual({ dso: 60, averageDaysToPay: 35, receivables: 1000, sales: 1500 });
    // JPY: 1111 / 3333 × 90 = 30; nothing fully paid.
    expect(got.get('JPY')).toEqual({ dso: 30, averageDaysToPay: null, receivables: 1111, sales: 3333 });
  });

  it('follows the rows shown: without sales in the period DSO is unknown, not zero or infinite', () => {
    const onlyOld = Uint32Array.from([2, 4]); // C and E
    expect(cardCollection(prepared, onlyOld, dayNumber('2026-12-01'), false).get('EUR')).toEqual({ dso: null, averageDaysToPay: 40, receivables: 300, sales: 0 });
  });

  it('in an as-of view counts only invoices fully paid by that day', () => {
    const got = cardCollection(prepared, all, dayNumber('2026-10-15'), true);
    // B was fully paid on 2026-10-21, after the day: only E (40 days) counts.
    expect(got.get('EUR')!.averageDaysToPay).toBe(40);
  });

  it('leaves a cancelled invoice settled by its credit note out of days to pay (a cancellation is no payment)', () => {
    const withCancelled = [...rows, row('K', { invoiceDate: '2026-11-01', status: 'Cancelled', total: 4000, balance: 0, credited: 4000, fullyPaidOn: '2026-11-03', daysToPay: 2 })];
    const got = cardCollection(prepareInvoices(withCancelled, { statusKinds: { Draft: 'draft', Cancelled: 'cancelled' } }), Uint32Array.from(withCancelled.keys()), dayNumber('2026-12-01'), false);
    // Still (500 × 20 + 1500 × 40) / 2000 = 35, not (… + 4000 × 2) / 6000 = 13; K is no receivable either (DSO unchanged).
    expect(got.get('EUR')).toEqual({ dso: 60, averageDaysToPay: 35, receivables: 1000, sales: 1500 });
  });

  it('rounds to one decimal', () => {
    expect(daysSalesOutstanding(1, 3, 90)).toBe(30);
    expect(daysSalesOutstanding(2, 7, 90)).toBe(25.7);
    expect(daysSalesOutstanding(5, 0)).toBeNull();
  });
});
