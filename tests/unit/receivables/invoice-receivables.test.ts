import { describe, expect, it } from 'vitest';
import type { InvoiceRow } from '../../../electron/contract';
import { customerLedger } from '../../../electron/core/invoices/read/customer-ledger';
import { invoiceReceivables } from '../../../electron/core/invoices/read/invoice-receivables';
import { applyRelatedDelta, type RelatedCopy, type RelatedRecord } from '../../../electron/core/invoices/related/related-copy';

const invoice: InvoiceRow = {
  id: 'INV1', number: 'INV-1', customer: 'Acme', invoiceDate: '2026-10-01', dueDate: '2026-10-31', status: 'Posted',
  total: 100.1, balance: 0, currency: 'EUR', lastModified: null,
};

function copy(payments: RelatedRecord[], applications: RelatedRecord[], credits: RelatedRecord[] = []): RelatedCopy {
  const o = (role: 'payment' | 'paymentApplication' | 'creditApplication', records: RelatedRecord[]) =>
    ({ role, object: role, signature: role, watermark: null, records });
  return { objects: [o('payment', payments), o('paymentApplication', applications), o('creditApplication', credits)], warnings: [], none: null };
}
const pay = (id: string, extra: Partial<RelatedRecord> = {}): RelatedRecord => ({ id, number: `P-${id}`, amount: 500, method: 'ACH', currency: 'EUR', ...extra });
const app = (id: string, source: string, amount: number, date: string, extra: Partial<RelatedRecord> = {}): RelatedRecord =>
  ({ id, source, invoice: 'INV1', amount, type: 'Applied', date: `${date}T10:00:00.000+0000`, currency: 'EUR', ...extra });

describe('one invoice’s applications and the arithmetic to its balance', () => {
  it('adds in minor units (0.1 + 0.2 style amounts stay exact), reversals add back, and the day it was fully paid is found', () => {
    const got = invoiceReceivables(copy([pay('A'), pay('B')], [
      app('1', 'A', 30.1, '2026-10-05'),
      app('2', 'A', 30.1, '2026-10-06', { type: 'Unapplied' }),
      app('3', 'B', 70.1, '2026-10-10'),
    ], [app('4', 'C', 30, '2026-10-20')]), invoice);
    expect(got.arithmetic).toEqual({ total: 100.1, payments: 70.1, credits: 30, computedBalance: 0, balance: 0, difference: 0 });
    expect(got.entries.map((e) => [e.date, e.effect, e.reversal])).toEqual([
      ['2026-10-05', -30.1, false], ['2026-10-06', 30.1, true], ['2026-10-10', -70.1, false], ['2026-10-20', -30, false],
    ]);
    expect(got.fullyPaidOn).toBe('2026-10-20');
    expect(got.entries[0]).toMatchObject({ sourceNumber: 'P-A', method: 'ACH' });
  });

  it('lists but does not count an application in another currency or with a zero or negative amount; flags one whose payment is gone', () => {
    const got = invoiceReceivables(copy([pay('A')], [
      app('1', 'A', 50, '2026-10-05', { currency: 'USD' }),
      app('2', 'A', 0, '2026-10-06'),
      app('3', 'A', -5, '2026-10-07'),
      app('4', 'GONE', 20, '2026-10-08'),
    ]), { ...invoice, balance: 80.1 });
    expect(got.entries.map((e) => e.problems.length > 0)).toEqual([true, true, true, true]);
    expect(got.entries.map((e) => e.effect)).toEqual([0, 0, 0, -20]);
    expect(got.arithmetic).toMatchObject({ payments: 20, computedBalance: 80.1, difference: 0 });
    expect(got.fullyPaidOn).toBeNull();
  });

  it('an amount that is no finite number (a Bulk cell that is not a number, JSON 1e999) is listed with no amount, never summed', () => {
    const got = invoiceReceivables(copy([pay('A')], [
      app('1', 'A', Number.NaN, '2026-10-05'),
      app('2', 'A', Infinity, '2026-10-06'),
      app('3', 'A', 20, '2026-10-07'),
    ]), { ...invoice, balance: 80.1 });
    expect(got.entries.map((e) => [e.amount, e.effect, e.problems.length > 0])).toEqual([[null, 0, true], [null, 0, true], [20, -20, false]]);
    expect(got.arithmetic).toMatchObject({ payments: 20, computedBalance: 80.1, difference: 0 });
    // Nor is the payment's rest (unapplied cash) made NaN or −∞ by them.
    const withCredits = copy([pay('A', { account: 'ACC' })], [app('1', 'A', Infinity, '2026-10-05'), app('2', 'A', 20, '2026-10-07')]);
    withCredits.objects.push({ role: 'creditNote', object: 'creditNote', signature: 'creditNote', watermark: null, records: [] } as never);
    expect(customerLedger(withCredits, { name: 'Acme', account: 'ACC' }, 'EUR').payments).toMatchObject([{ id: 'A', applied: 20, unapplied: 480 }]);
  });

  it('reports a mismatch with Salesforce’s balance and leaves both figures as they are', () => {
    const got = invoiceReceivables(copy([pay('A')], [app('1', 'A', 60, '2026-10-05')]), { ...invoice, balance: 50 });
    expect(got.arithmetic).toMatchObject({ computedBalance: 40.1, balance: 50, difference: 9.9 });
  });

  it('JPY in whole yen; no copy yet, or no payment objects, says so', () => {
    const yen = { ...invoice, currency: 'JPY', total: 10001, balance: 1 };
    const got = invoiceReceivables(copy([pay('A', { currency: 'JPY' })], [app('1', 'A', 10000, '2026-10-05', { currency: 'JPY' })]), yen);
    expect(got.arithmetic).toMatchObject({ payments: 10000, computedBalance: 1, difference: 0 });
    expect(invoiceReceivables(undefined, invoice)).toMatchObject({ available: false });
    expect(invoiceReceivables({ objects: [], warnings: [], none: 'custom object' }, invoice)).toMatchObject({ available: false, note: 'custom object' });
  });

  it('a delta upserts and deletes by id, replaces a whole object, and drops objects no longer readable', () => {
    const base = copy([pay('A')], [app('1', 'A', 10, '2026-10-05'), app('2', 'A', 20, '2026-10-06')]);
    const meta = (role: 'payment' | 'paymentApplication') => ({ role, object: role, signature: role, watermark: 5 });
    const next = applyRelatedDelta(base, { warnings: ['w'], none: null, objects: [
      { ...meta('paymentApplication'), replace: false, upserts: [app('2', 'A', 25, '2026-10-06'), app('3', 'A', 1, '2026-10-07')], deleted: ['1'] },
      { ...meta('payment'), replace: true, upserts: [pay('B')], deleted: [] },
    ] });
    expect(next.objects.map((o) => [o.role, o.records.map((r) => `${r.id}:${r.amount}`)])).toEqual([
      ['paymentApplication', ['2:25', '3:1']], ['payment', ['B:500']],
    ]);
    expect(next.warnings).toEqual(['w']);
    expect(base.objects[1]!.records).toHaveLength(2);
  });
});
