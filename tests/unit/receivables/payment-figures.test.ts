import { describe, expect, it } from 'vitest';
import type { InvoiceRow } from '../../../electron/contract';
import { collectionFigures } from '../../../electron/core/invoices/read/collection-figures';
import { rowsAsOf } from '../../../electron/core/invoices/read/receivables-as-of';
import { paymentFigures, paymentFiguresState, withPaymentFigures } from '../../../electron/core/invoices/read/payment-figures';
import type { RelatedCopy, RelatedRecord } from '../../../electron/core/invoices/related/related-copy';

const invoice: InvoiceRow = {
  id: 'INV1', number: 'INV-1', customer: 'Acme', invoiceDate: '2026-10-01', dueDate: '2026-10-31', status: 'Posted',
  total: 100.1, balance: 0, currency: 'EUR', lastModified: null,
};

function copy(applications: RelatedRecord[], credits: RelatedRecord[] = []): RelatedCopy {
  const o = (role: 'payment' | 'creditNote' | 'paymentApplication' | 'creditApplication' | 'refundApplication', records: RelatedRecord[]) =>
    ({ role, object: role, signature: role, watermark: null, records });
  return {
    objects: [o('payment', [{ id: 'A', amount: 500, currency: 'EUR' }, { id: 'B', amount: 500, currency: 'EUR' }]), o('creditNote', [{ id: 'C', amount: 40 }]), o('paymentApplication', applications), o('creditApplication', credits),
      // Refund lines read (none): unapplied cash is not flagged as before refunds.
      o('refundApplication', [])],
    warnings: [], none: null,
  };
}
const app = (id: string, source: string, amount: number, date: string, extra: Partial<RelatedRecord> = {}): RelatedRecord =>
  ({ id, source, invoice: 'INV1', amount, type: 'Applied', date, currency: 'EUR', ...extra });

describe('the list’s payment figures of an invoice', () => {
  it('paid late in two payments and a credit: net paid, last payment day, the day it reached zero and the days from the invoice date', () => {
    const got = paymentFigures(copy([app('1', 'A', 30.1, '2026-10-05'), app('2', 'B', 40, '2026-11-20')], [app('3', 'C', 30, '2026-11-02')]), invoice);
    expect(got).toEqual({ paid: 70.1, credited: 30, lastPaymentDate: '2026-11-20', fullyPaidOn: '2026-11-20', daysToPay: 50 });
  });

  it('a reversal takes the payment back: not a payment day, the invoice is open again until the next one', () => {
    const reversal = [app('1', 'A', 100.1, '2026-10-05'), app('2', 'A', 100.1, '2026-10-09', { type: 'Unapplied' })];
    // Its only payment taken back: Paid 0.00 and no last payment (not the day of a payment that no longer counts).
    expect(paymentFigures(copy(reversal), invoice)).toEqual({ paid: 0, credited: 0, lastPaymentDate: null, fullyPaidOn: null, daysToPay: null });
    expect(paymentFigures(copy([...reversal, app('3', 'B', 100.1, '2026-10-20')]), invoice)).toMatchObject({ paid: 100.1, lastPaymentDate: '2026-10-20', fullyPaidOn: '2026-10-20', daysToPay: 19 });
    // As of a day before the reversal, the payment still stood.
    expect(paymentFigures(copy(reversal), invoice, '2026-10-08')).toMatchObject({ paid: 100.1, lastPaymentDate: '2026-10-05' });
  });

  it('last payment is the latest application still standing: a reversal takes back its own payment’s latest application, partly when smaller', () => {
    const unapplied = { type: 'Unallocation' };
    // A: 30 on 10-02, 40 on 10-12, the 40 taken back on 10-15: the 10-02 payment stands.
    const latestBack = [app('1', 'A', 30, '2026-10-02'), app('2', 'A', 40, '2026-10-12'), app('3', 'A', 40, '2026-10-15', unapplied)];
    expect(paymentFigures(copy(latestBack), invoice)).toMatchObject({ paid: 30, lastPaymentDate: '2026-10-02' });
    // Partly taken back (10 of the 40): the 10-12 application still stands in part.
    const partly = [app('1', 'A', 30, '2026-10-02'), app('2', 'A', 40, '2026-10-12'), app('3', 'A', 10, '2026-10-15', unapplied)];
    expect(paymentFigures(copy(partly), invoice)).toMatchObject({ paid: 60, lastPaymentDate: '2026-10-12' });
    // More than the latest (50 of 30 + 40): the latest goes, the 10-02 one stands in part.
    const more = [app('1', 'A', 30, '2026-10-02'), app('2', 'A', 40, '2026-10-12'), app('3', 'A', 50, '2026-10-15', unapplied)];
    expect(paymentFigures(copy(more), invoice)).toMatchObject({ paid: 20, lastPaymentDate: '2026-10-02' });
    // A reversal of B takes nothing back from A: A's later payment stands.
    const other = [app('1', 'B', 30, '2026-10-02'), app('2', 'A', 40, '2026-10-12'), app('3', 'B', 30, '2026-10-15', unapplied)];
    expect(paymentFigures(copy(other), invoice)).toMatchObject({ paid: 40, lastPaymentDate: '2026-10-12' });
    // Applied, taken back, applied again partly (the same payment): the new application is the last payment.
    const again = [app('1', 'A', 100.1, '2026-10-02'), app('2', 'A', 100.1, '2026-10-05', unapplied), app('3', 'A', 25, '2026-10-09')];
    expect(paymentFigures(copy(again), invoice)).toMatchObject({ paid: 25, lastPaymentDate: '2026-10-09', fullyPaidOn: null });
    // A reversal not counted (another currency) takes nothing back; credits never make a last payment.
    const foreign = [app('1', 'A', 30, '2026-10-02'), app('2', 'A', 30, '2026-10-05', { ...unapplied, currency: 'USD' })];
    expect(paymentFigures(copy(foreign, [app('3', 'C', 10, '2026-10-20')]), invoice)).toMatchObject({ paid: 30, credited: 10, lastPaymentDate: '2026-10-02' });
  });

  it('partly paid stays open; an application in another currency or of no amount is not counted', () => {
    const got = paymentFigures(copy([app('1', 'A', 20, '2026-10-05'), app('2', 'A', 80.1, '2026-10-06', { currency: 'USD' }), app('3', 'A', 0, '2026-10-07')]), invoice);
    expect(got).toEqual({ paid: 20, credited: 0, lastPaymentDate: '2026-10-05', fullyPaidOn: null, daysToPay: null });
  });

  it('JPY in whole yen; an invoice without a date has no days to pay', () => {
    const yen = { ...invoice, currency: 'JPY', total: 10001, invoiceDate: null };
    const got = paymentFigures(copy([app('1', 'A', 10001, '2026-10-05', { currency: 'JPY' })]), yen);
    expect(got).toEqual({ paid: 10001, credited: 0, lastPaymentDate: '2026-10-05', fullyPaidOn: '2026-10-05', daysToPay: null });
  });

  it('every row gets figures in one pass (nothing applied: zero); without payment objects the rows stay as they are and the state says why', () => {
    const other = { ...invoice, id: 'INV2' };
    const rows = withPaymentFigures([invoice, other], copy([app('1', 'A', 10, '2026-10-05')]));
    expect(rows.map((r) => [r.id, r.paid, r.fullyPaidOn])).toEqual([['INV1', 10, null], ['INV2', 0, null]]);
    const custom: RelatedCopy = { objects: [], warnings: [], none: 'custom object' };
    expect(withPaymentFigures([invoice], custom)[0]).toBe(invoice);
    expect([paymentFiguresState(undefined), paymentFiguresState(custom), paymentFiguresState({ objects: [], warnings: [], none: null }), paymentFiguresState(copy([]))])
      .toEqual(['notSynced', 'none', 'unreadable', 'available']);
  });
});

describe('collection figures per currency', () => {
  it('applied payments and credits over the rows, unapplied cash over every payment, average days to pay weighted by total', () => {
    const c = copy([app('1', 'A', 100.1, '2026-10-21'), app('2', 'B', 10, '2026-10-05', { invoice: 'INV2' })], [app('3', 'C', 30, '2026-10-06', { invoice: 'INV2' })]);
    const second = { ...invoice, id: 'INV2', total: 40, balance: 0, invoiceDate: '2026-09-25' };
    const yen = { ...invoice, id: 'INV3', currency: 'JPY', total: 500, balance: 500 };
    const rows = withPaymentFigures([invoice, second, yen], c);
    expect(collectionFigures(c, rows)).toEqual([
      // Payments A and B (500 each): 100.1 and 10 applied; (100.1 × 20 + 40 × 11) ÷ 140.1 = 17.4 days.
      { currency: 'EUR', paymentsApplied: 110.1, creditsApplied: 30, unappliedCash: 889.9, averageDaysToPay: 17.4, unappliedCashReceivedLessRefunds: 889.9, averageDaysToPayExcludingCancelled: 17.4 },
      { currency: 'JPY', paymentsApplied: 0, creditsApplied: 0, unappliedCash: 0, averageDaysToPay: null, unappliedCashReceivedLessRefunds: 0, averageDaysToPayExcludingCancelled: null },
    ]);
    // Over a part of the invoices: applied and days follow the rows; unapplied cash is every payment's.
    expect(collectionFigures(c, rows.slice(1, 2))).toEqual([{ currency: 'EUR', paymentsApplied: 10, creditsApplied: 30, unappliedCash: 889.9, averageDaysToPay: 11, unappliedCashReceivedLessRefunds: 889.9, averageDaysToPayExcludingCancelled: 11 }]);
  });

  it('as of a day: invoices dated later left out, applications and payments dated later not yet made', () => {
    const c = copy([app('1', 'A', 100.1, '2026-10-21'), app('2', 'B', 10, '2026-10-05', { invoice: 'INV2' })], [app('3', 'C', 30, '2026-10-06', { invoice: 'INV2' })]);
    c.objects.find((o) => o.role === 'payment')!.records.push({ id: 'L', amount: 7, currency: 'EUR', date: '2026-10-12' });
    const second = { ...invoice, id: 'INV2', total: 40, balance: 0, invoiceDate: '2026-09-25' };
    const later = { ...invoice, id: 'INV4', total: 9, balance: 9, invoiceDate: '2026-10-15' };
    const rows = rowsAsOf(withPaymentFigures([invoice, second, later], c), c, '2026-10-10');
    expect(rows.map((r) => [r.id, r.paid, r.fullyPaidOn])).toEqual([['INV1', 0, null], ['INV2', 10, '2026-10-06']]);
    // A: 500 unapplied on the day (its 100.1 came on 10-21); B: 490; L was received on 10-12.
    expect(collectionFigures(c, rows, undefined, '2026-10-10')).toEqual([{ currency: 'EUR', paymentsApplied: 10, creditsApplied: 30, unappliedCash: 990, averageDaysToPay: 11, unappliedCashReceivedLessRefunds: 990, averageDaysToPayExcludingCancelled: 11 }]);
    // And today: everything.
    expect(collectionFigures(c, withPaymentFigures([invoice, second], c))[0]).toMatchObject({ paymentsApplied: 110.1, unappliedCash: 896.9 });
  });

  it('a payment applied in another currency has its own currency used up: none of it is unapplied cash, and the yen are summed nowhere', () => {
    const c = copy([app('1', 'A', 100.1, '2026-10-21'), app('2', 'B', 300, '2026-10-22', { currency: 'JPY', invoice: 'INV9' })]);
    // B (500 EUR) has 300 JPY applied: 0 EUR unapplied (not 500, not 200); A: 399.9 (500 − 100.1).
    const figures = collectionFigures(c, withPaymentFigures([invoice], c));
    expect(figures).toHaveLength(1);
    expect(figures[0]).toMatchObject({ currency: 'EUR', unappliedCash: 399.9 });
    // Taken back, B's 500 are unapplied again.
    const back = copy([app('1', 'A', 100.1, '2026-10-21'), app('2', 'B', 300, '2026-10-22', { currency: 'JPY', invoice: 'INV9' }), app('3', 'B', 300, '2026-10-23', { currency: 'JPY', invoice: 'INV9', type: 'Unallocation' })]);
    expect(collectionFigures(back, withPaymentFigures([invoice], back))[0]).toMatchObject({ currency: 'EUR', unappliedCash: 899.9 });
  });

  it('the accountant’s unapplied cash counts only payments received: a draft or cancelled payment was never money in (the statement’s and the customer view’s rule); the issue’s counts every payment', () => {
    const c = copy([app('1', 'A', 100.1, '2026-10-21')]);
    const payments = c.objects.find((o) => o.role === 'payment')!;
    payments.records = [
      { id: 'A', amount: 500, currency: 'EUR', status: 'Posted' },
      { id: 'B', amount: 500, currency: 'EUR', status: 'Draft' },
      { id: 'D', amount: 70, currency: 'EUR', status: 'Canceled' },
      { id: 'E', amount: 5, currency: 'EUR', status: null },
    ];
    const rows = withPaymentFigures([invoice], c);
    // Issue 13's definition, "Σ over every payment of (amount − net applied)": 399.9 + 500 + 70 + 5.
    // The accountant's beside it: A: 500 − 100.1; E: a payment without a status counts; B and D are not money received.
    expect(collectionFigures(c, rows)).toEqual([{
      currency: 'EUR', paymentsApplied: 100.1, creditsApplied: 0, unappliedCash: 974.9, averageDaysToPay: 20, unappliedCashReceivedLessRefunds: 404.9, averageDaysToPayExcludingCancelled: 20,
    }]);
  });

  it('average days to pay: the issue’s over every fully paid invoice given, the accountant’s without the cancelled ones (a credit note cancelling an invoice is no payment)', () => {
    const c = copy([app('1', 'A', 100.1, '2026-10-21')], [app('2', 'C', 40, '2026-10-06', { invoice: 'INV2' })]);
    const cancelled = { ...invoice, id: 'INV2', total: 40, balance: 0, status: 'Canceled', invoiceDate: '2026-10-01' };
    const rows = withPaymentFigures([invoice, cancelled], c);
    const [eur] = collectionFigures(c, rows, (row) => row.status === 'Canceled');
    // (100.1 × 20 + 40 × 5) ÷ 140.1 = 15.7 over both; 20 without the cancelled one.
    expect(eur).toMatchObject({ averageDaysToPay: 15.7, averageDaysToPayExcludingCancelled: 20 });
  });
});
