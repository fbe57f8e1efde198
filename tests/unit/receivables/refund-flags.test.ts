import { describe, expect, it } from 'vitest';
import type { InvoiceListRow } from '../../../electron/contract';
import { collectionFigures } from '../../../electron/core/invoices/read/collection-figures';
import { customerLedger } from '../../../electron/core/invoices/read/customer-ledger';
import { invoiceReceivables } from '../../../electron/core/invoices/read/invoice-receivables';
import type { RelatedCopy, RelatedRecord } from '../../../electron/core/invoices/related/related-copy';
import type { RelatedRole } from '../../../electron/core/invoices/related/related-specs';
import { refundShownAmount } from '../../../renderer/src/receivables/refund-amount';

const BASE: RelatedRole[] = ['payment', 'paymentApplication', 'creditNote', 'creditApplication'];

function copy(records: Partial<Record<RelatedRole, RelatedRecord[]>>, roles: RelatedRole[] = [...BASE, 'refundApplication']): RelatedCopy {
  return { objects: roles.map((role) => ({ role, object: role, signature: role, watermark: null, records: records[role] ?? [] })), warnings: [], none: null };
}
const payment = (id: string, amount: number): RelatedRecord =>
  ({ id, number: id, account: 'ACC1', accountName: 'Acme', amount, date: '2026-10-01', currency: 'EUR', status: 'Posted' });
const applied = (id: string, source: string, amount: number): RelatedRecord =>
  ({ id, source, invoice: 'INV1', amount, type: 'Allocation', currency: 'EUR', created: '2026-10-01T10:00:00Z' });
const refund = (id: string, paymentId: string, amount: number): RelatedRecord =>
  ({ id, payment: paymentId, amount, type: 'Allocation', date: '2026-10-05', currency: 'EUR', status: 'Posted' });

const row: InvoiceListRow = {
  id: 'INV1', number: 'INV-1', customer: 'Acme', customerId: 'ACC1', invoiceDate: '2026-09-01', dueDate: '2026-10-01', status: 'Posted',
  total: 60, balance: 0, currency: 'EUR', lastModified: null, paid: 60, credited: 0, lastPaymentDate: '2026-10-01', fullyPaidOn: '2026-10-01', daysToPay: 30,
} as InvoiceListRow;

describe('refunds flagged, never clamped (issue 13, reviewB lows)', () => {
  // P1: 100 received, 60 applied, 55 refunded — 15 more than the 40 left. P2: 50 received, nothing applied, 20 refunded.
  const data = copy({
    payment: [payment('P1', 100), payment('P2', 50)],
    paymentApplication: [applied('A1', 'P1', 60)],
    refundApplication: [refund('R1', 'P1', 55), refund('R2', 'P2', 20)],
  });

  it('a refund larger than what was left unapplied: the customer view shows the rest below zero, flagged', () => {
    const got = customerLedger(data, { name: 'Acme', account: 'ACC1' }, 'EUR');
    const p1 = got.payments.find((p) => p.id === 'P1')!;
    expect(p1).toMatchObject({ applied: 60, refunded: 55, unapplied: -15, overRefunded: true });
    expect(got.payments.find((p) => p.id === 'P2')).not.toHaveProperty('overRefunded');
    // Summed as they are: −15 + 30, the one below zero counted beside the sum.
    expect(got.unapplied).toEqual([{ currency: 'EUR', cash: 15, credits: 0, cashBelowZero: 1 }]);
  });

  it('the summary sums the rest below zero as it is and says how many payments were refunded beyond it', () => {
    // The unappliedCash takes no refund off: (100 − 60) + 50 = 90; the received cash less refunds: −15 + 30 = 15.
    expect(collectionFigures(data, [row])).toEqual([
      { currency: 'EUR', paymentsApplied: 60, creditsApplied: 0, unappliedCash: 90, averageDaysToPay: 30, unappliedCashReceivedLessRefunds: 15, averageDaysToPayExcludingCancelled: 30, overRefunded: 1 },
    ]);
  });

  it('refund lines the user cannot read: the summary flags unapplied cash as before refunds', () => {
    const hidden = copy({ payment: [payment('P1', 100)], paymentApplication: [applied('A1', 'P1', 60)] }, BASE);
    expect(collectionFigures(hidden, [row])).toEqual([
      { currency: 'EUR', paymentsApplied: 60, creditsApplied: 0, unappliedCash: 40, averageDaysToPay: 30, unappliedCashReceivedLessRefunds: 40, averageDaysToPayExcludingCancelled: 30, refundsUnread: true },
    ]);
  });

  it('a credit note refunded through its line (Billing): not yet applied = total − applied − refunded; a line not in the copy ties nothing', () => {
    const credits = copy({
      creditNote: [{ ...payment('C1', 80) }],
      creditApplication: [applied('CA1', 'C1', 30)],
      creditNoteLine: [{ id: 'L1', creditNote: 'C1', currency: 'EUR' }],
      creditRefundApplication: [
        { id: 'X1', creditNoteLine: 'L1', amount: 20, type: 'Allocation', status: 'Posted', currency: 'EUR', created: '2026-10-06T09:00:00Z' },
        { id: 'X2', creditNoteLine: 'L1', amount: 5, type: 'Allocation', status: 'Draft', currency: 'EUR', created: '2026-10-06T09:00:00Z' },
        { id: 'X3', creditNoteLine: 'L-GONE', amount: 7, type: 'Allocation', status: 'Posted', currency: 'EUR', created: '2026-10-06T09:00:00Z' },
      ],
    }, [...BASE, 'refundApplication', 'creditNoteLine', 'creditRefundApplication']);
    const got = customerLedger(credits, { name: 'Acme', account: 'ACC1' }, 'EUR');
    expect(got.credits).toEqual([expect.objectContaining({ id: 'C1', applied: 30, refunded: 20, unapplied: 30 })]);
    expect(got.unapplied).toEqual([{ currency: 'EUR', cash: 0, credits: 30 }]);
  });

  it('a credit note refunded in another currency than its own: on the invoice timeline, said in a credit note’s words (not a payment’s); the customer’s refunds signed', () => {
    const credits = copy({
      creditNote: [{ ...payment('C1', 80) }],
      creditApplication: [applied('CA1', 'C1', 30)],
      creditNoteLine: [{ id: 'L1', creditNote: 'C1', currency: 'EUR' }],
      creditRefundApplication: [
        { id: 'X1', creditNoteLine: 'L1', amount: 20, type: 'Allocation', status: 'Posted', currency: 'USD', created: '2026-10-06T09:00:00Z' },
        { id: 'X2', creditNoteLine: 'L1', amount: 4, type: 'Allocation', status: 'Posted', currency: 'EUR', created: '2026-10-07T09:00:00Z' },
        { id: 'X3', creditNoteLine: 'L1', amount: 1, type: 'Unallocation', status: 'Posted', currency: 'EUR', created: '2026-10-08T09:00:00Z' },
      ],
    }, [...BASE, 'refundApplication', 'creditNoteLine', 'creditRefundApplication']);
    const timeline = invoiceReceivables(credits, row);
    const other = timeline.entries.find((e) => e.id === 'X1')!;
    expect(other).toMatchObject({ kind: 'refund', refundOf: 'credit', effect: 0, sourceId: 'C1' });
    expect(other.problems).toEqual(['In USD while its credit note is in EUR: not taken off the credit note.']);
    expect(timeline.arithmetic.credits).toBe(30);
    // The customer's credit note refunds: the one in another currency left out, a line taken back below zero.
    expect(customerLedger(credits, { name: 'Acme', account: 'ACC1' }, 'EUR').creditRefunds?.map((r) => [r.id, r.amount])).toEqual([['X2', 4], ['X3', -1]]);
  });

  it('the timeline signs a refund as money paid back out of the payment: −, taken back +', () => {
    expect(refundShownAmount({ amount: 1.5, reversal: false })).toBe(-1.5);
    expect(refundShownAmount({ amount: 1.5, reversal: true })).toBe(1.5);
    expect(refundShownAmount({ amount: null, reversal: false })).toBeNull();
  });

  it('a credit note whose application to the invoice was taken back: its refund leaves that invoice’s timeline, stays on the statement’s list and in the customer view', () => {
    const records = (reversed: boolean) => copy({
      creditNote: [{ ...payment('C1', 80) }],
      creditApplication: [applied('CA1', 'C1', 30), ...(reversed ? [{ ...applied('CA2', 'C1', 30), type: 'Unallocation', created: '2026-10-09T09:00:00Z' }] : [])],
      creditNoteLine: [{ id: 'L1', creditNote: 'C1', currency: 'EUR' }],
      creditRefundApplication: [{ id: 'X1', creditNoteLine: 'L1', amount: 20, type: 'Allocation', status: 'Posted', currency: 'EUR', created: '2026-10-06T09:00:00Z' }],
    }, [...BASE, 'refundApplication', 'creditNoteLine', 'creditRefundApplication']);
    const refundIds = (data: RelatedCopy) => invoiceReceivables(data, row).entries.filter((e) => e.kind === 'refund').map((e) => e.id);
    expect(refundIds(records(false))).toEqual(['X1']);
    expect(customerLedger(records(false), { name: 'Acme', account: 'ACC1' }, 'EUR').creditRefunds?.map((r) => r.id)).toEqual(['X1']);
    const reversed = records(true);
    expect(refundIds(reversed)).toEqual([]);
    const timeline = invoiceReceivables(reversed, row);
    // The arithmetic is the applications' alone: 30 applied and 30 taken back.
    expect(timeline.arithmetic).toMatchObject({ total: 60, credits: 0, computedBalance: 60 });
    const ledger = customerLedger(reversed, { name: 'Acme', account: 'ACC1' }, 'EUR');
    expect(ledger.creditRefunds?.map((r) => r.id)).toEqual(['X1']);
    expect(ledger.credits).toEqual([expect.objectContaining({ id: 'C1', applied: 0, refunded: 20, unapplied: 60 })]);
  });

  it('allocated, unallocated, then refunded (Billing’s usual path): the refund is on the statement’s list, not on the invoice’s timeline; a later (un)allocation changes no statement', () => {
    const lines = [{ id: 'L1', creditNote: 'C1', currency: 'EUR' }, { id: 'L2', creditNote: 'C2', currency: 'EUR' }];
    const refundOf = (id: string, line: string, created: string) => ({ id, creditNoteLine: line, amount: 20, type: 'Allocation', status: 'Posted', currency: 'EUR', created });
    const roles: RelatedRole[] = [...BASE, 'refundApplication', 'creditNoteLine', 'creditRefundApplication'];
    const path = copy({
      creditNote: [{ ...payment('C1', 80) }],
      creditApplication: [applied('CA1', 'C1', 30), { ...applied('CA2', 'C1', 30), type: 'Unallocation', created: '2026-10-09T09:00:00Z' }],
      creditNoteLine: lines,
      creditRefundApplication: [refundOf('X1', 'L1', '2026-10-10T09:00:00Z')],
    }, roles);
    expect(invoiceReceivables(path, row).entries.filter((e) => e.kind === 'refund')).toEqual([]);
    expect(customerLedger(path, { name: 'Acme', account: 'ACC1' }, 'EUR').creditRefunds).toEqual([
      { id: 'X1', date: '2026-10-10', creditNoteId: 'C1', creditNoteNumber: 'C1', currency: 'EUR', amount: 20 },
    ]);
    // C1 refunded while applied, C2 refunded while applied to none; then C1 unallocated and C2 allocated (later): the same list.
    const at = (later: boolean) => copy({
      creditNote: [{ ...payment('C1', 80) }, { ...payment('C2', 80) }],
      creditApplication: [
        applied('CA1', 'C1', 30),
        ...(later ? [{ ...applied('CA2', 'C1', 30), type: 'Unallocation', created: '2026-11-20T09:00:00Z' }, { ...applied('CA3', 'C2', 10), created: '2026-11-20T09:00:00Z' }] : []),
      ],
      creditNoteLine: lines,
      creditRefundApplication: [refundOf('X1', 'L1', '2026-10-06T09:00:00Z'), refundOf('X2', 'L2', '2026-10-07T09:00:00Z')],
    }, roles);
    const listed = (data: RelatedCopy) => customerLedger(data, { name: 'Acme', account: 'ACC1' }, 'EUR').creditRefunds?.map((r) => r.id);
    expect(listed(at(false))).toEqual(['X1', 'X2']);
    expect(listed(at(true))).toEqual(['X1', 'X2']);
  });

  it('debit notes taking a credit note below zero: shown below zero, flagged beside it and on the currency’s sum; above zero nothing is flagged', () => {
    const credits = (debits: number) => copy({
      creditNote: [{ ...payment('C1', 80) }, { ...payment('C2', 10), date: '2026-09-01' }],
      creditApplication: [applied('CA1', 'C1', 70)],
      creditNoteLine: [{ id: 'L1', creditNote: 'C1', currency: 'EUR', debits }, { id: 'L2', creditNote: 'C2', currency: 'EUR' }],
      creditRefundApplication: [],
    }, [...BASE, 'refundApplication', 'creditNoteLine', 'creditRefundApplication']);
    const below = customerLedger(credits(15), { name: 'Acme', account: 'ACC1' }, 'EUR');
    // 80 − 70 applied − 15 taken by debit notes = −5: as it is, flagged; summed as it is with C2's 10.
    expect(below.credits.find((c) => c.id === 'C1')).toMatchObject({ applied: 70, debited: 15, unapplied: -5, overDebited: true });
    expect(below.credits.find((c) => c.id === 'C1')).not.toHaveProperty('overRefunded');
    expect(below.credits.find((c) => c.id === 'C2')).not.toHaveProperty('overDebited');
    expect(below.unapplied).toEqual([{ currency: 'EUR', cash: 0, credits: 5, creditsBelowZero: 1 }]);
    const above = customerLedger(credits(4), { name: 'Acme', account: 'ACC1' }, 'EUR');
    expect(above.credits.find((c) => c.id === 'C1')).toMatchObject({ debited: 4, unapplied: 6 });
    expect(above.credits.find((c) => c.id === 'C1')).not.toHaveProperty('overDebited');
    expect(above.unapplied).toEqual([{ currency: 'EUR', cash: 0, credits: 16 }]);
  });
  it('why a rest is below zero, part by part (reviewB/reviewA): over-applied alone when the applications exceed the amount; a refund or debit note only where it pushed the rest there', () => {
    // C<n>: a credit note of 100, applied, refunded and taken by debit notes as given; P1: a payment of 100 applied 70 + 50.
    const note = (id: string, amount: number, refunded: number, debits: number) => ({
      creditNote: [{ ...payment(id, 100) }],
      creditApplication: amount > 0 ? [applied(`${id}-A`, id, amount)] : [],
      creditNoteLine: [{ id: `${id}-L`, creditNote: id, currency: 'EUR', debits }],
      creditRefundApplication: refunded > 0 ? [{ id: `${id}-R`, creditNoteLine: `${id}-L`, amount: refunded, type: 'Allocation', status: 'Posted', currency: 'EUR', created: '2026-10-06T09:00:00Z' }] : [],
    });
    const cases: [string, number, number, number, Record<string, true>][] = [
      ['C1', 110, 0, 2, { overApplied: true }], // applications alone −10, the debit note's 2 is not the cause
      ['C2', 90, 15, 2, { overRefunded: true }], // 10 left: the refund alone took more; the debit note's 2 would have fitted
      ['C3', 90, 2, 15, { overDebited: true }], // 10 left: the debit notes alone took more; the refund would have fitted
      ['C4', 90, 6, 6, { overRefunded: true, overDebited: true }], // each fits, not both: undated debit notes, both flagged
      ['C5', 90, 5, 5, {}], // exactly used up: nothing
    ];
    const records: Partial<Record<RelatedRole, RelatedRecord[]>> = { payment: [payment('P1', 100)], paymentApplication: [applied('A1', 'P1', 70), applied('A2', 'P1', 50)] };
    for (const [id, a, r, d] of cases) {
      for (const [role, list] of Object.entries(note(id, a, r, d))) (records[role as RelatedRole] ??= []).push(...(list as RelatedRecord[]));
    }
    const got = customerLedger(copy(records, [...BASE, 'refundApplication', 'creditNoteLine', 'creditRefundApplication']), { name: 'Acme', account: 'ACC1' }, 'EUR');
    const flags = (r: { overApplied?: true; overRefunded?: true; overDebited?: true }) => ({
      ...(r.overApplied ? { overApplied: true } : {}), ...(r.overRefunded ? { overRefunded: true } : {}), ...(r.overDebited ? { overDebited: true } : {}),
    });
    for (const [id, , , , want] of cases.filter(([, , , , w]) => Object.keys(w).length > 0)) expect(flags(got.credits.find((c) => c.id === id)!), id).toEqual(want);
    expect(got.credits.find((c) => c.id === 'C5')).toBeUndefined();
    const p1 = got.payments.find((p) => p.id === 'P1')!;
    expect(p1).toMatchObject({ applied: 120, unapplied: -20 });
    expect(flags(p1)).toEqual({ overApplied: true });
    // The card: the payment below zero counted beside the cash sum, the four credit notes below zero beside the credits' sum.
    expect(got.unapplied).toEqual([{ currency: 'EUR', cash: -20, credits: -12 - 7 - 7 - 2, cashBelowZero: 1, creditsBelowZero: 4 }]);
    // The summary counts the over-applied payment as such (summed as it is).
    expect(collectionFigures(copy(records, [...BASE, 'refundApplication', 'creditNoteLine', 'creditRefundApplication']), [row])[0]).toMatchObject({ unappliedCashReceivedLessRefunds: -20, overApplied: 1 });
  });
  it('a payment still applied in its own currency is not taken for reversed by a reversal in another currency of the same minor units: its refund stays on the timeline', () => {
    // P1 (EUR) applied 1.00 EUR here, and an Unapplied line of ¥100 (its application in JPY not in the copy): 100 + (−100) minor units.
    const data = copy({
      payment: [payment('P1', 100)],
      paymentApplication: [applied('A1', 'P1', 1), { ...applied('A2', 'P1', 100), type: 'Unapplied', currency: 'JPY', created: '2026-10-02T10:00:00Z' }],
      refundApplication: [refund('R1', 'P1', 5)],
    });
    expect(invoiceReceivables(data, row).entries.filter((e) => e.kind === 'refund').map((e) => e.id)).toEqual(['R1']);
  });
});
