import { describe, expect, it } from 'vitest';
import type { InvoiceRow } from '../../../electron/contract';
import { customerLedger } from '../../../electron/core/invoices/read/customer-ledger';
import { invoiceReceivables } from '../../../electron/core/invoices/read/invoice-receivables';
import { appliedBySourceAsOf } from '../../../electron/core/invoices/read/source-applied';
import type { RelatedCopy, RelatedRecord } from '../../../electron/core/invoices/related/related-copy';
import type { RelatedRole } from '../../../electron/core/invoices/related/related-specs';

function copy(records: Partial<Record<RelatedRole, RelatedRecord[]>>): RelatedCopy {
  const roles: RelatedRole[] = ['payment', 'paymentApplication', 'creditNote', 'creditApplication', 'refundApplication'];
  return { objects: roles.map((role) => ({ role, object: role, signature: role, watermark: null, records: records[role] ?? [] })), warnings: [], none: null };
}
const line = (id: string, payment: string, amount: unknown, extra: Partial<RelatedRecord> = {}): RelatedRecord =>
  ({ id, payment, amount: amount as number, type: 'Allocation', date: '2026-10-05', currency: 'EUR', status: 'Posted', ...extra });

const data = copy({
  payment: [{ id: 'P1', number: 'P-1', account: 'ACC1', accountName: 'Acme', amount: 100, date: '2026-10-01', currency: 'EUR', status: 'Posted', method: 'ACH' }],
  paymentApplication: [{ id: 'A1', source: 'P1', invoice: 'INV1', amount: 60, type: 'Allocation', currency: 'EUR', created: '2026-10-01T10:00:00Z' }],
  refundApplication: [
    line('R1', 'P1', 10),
    // Taken back by an Unallocation line: nets to nothing.
    line('R2', 'P1', 5, { date: '2026-10-06' }), line('R3', 'P1', 5, { type: 'Unallocation', date: '2026-10-07' }),
    // Not money paid back: a draft, a cancelled line, a zero, a negative or a missing amount.
    line('R4', 'P1', 7, { status: 'Draft' }), line('R5', 'P1', 7, { status: 'Cancelled' }), line('R6', 'P1', 0), line('R7', 'P1', -3), line('R8', 'P1', null),
    // In another currency than its payment's: not taken off it.
    line('R9', 'P1', 4, { currency: 'USD' }),
    // Of a payment not in the copy: nobody's cash.
    line('R10', 'P-GONE', 9),
    // Paid back later than the as-of day below.
    line('R11', 'P1', 2, { date: '2026-11-20' }),
  ],
});

const invoice: InvoiceRow = {
  id: 'INV1', number: 'INV-1', customer: 'Acme', customerId: 'ACC1', invoiceDate: '2026-09-01', dueDate: '2026-10-01', status: 'Posted',
  total: 60, balance: 0, currency: 'EUR', lastModified: null,
};

describe('refund lines (issue 13): one rule for what a refund paid back of a payment', () => {
  it('takes posted allocations net of unallocations off the payment’s unapplied cash; drafts, cancelled, bad amounts and other currencies are not', () => {
    const got = customerLedger(data, { name: 'Acme', account: 'ACC1' }, 'USD');
    // 100 − 60 applied − (10 + 2) refunded = 28.
    expect(got.payments).toEqual([expect.objectContaining({ id: 'P1', applied: 60, refunded: 12, unapplied: 28 })]);
    expect(got.unapplied).toEqual([{ currency: 'EUR', cash: 28, credits: 0 }]);
    // As of a day, a refund dated later was not paid back yet.
    expect(appliedBySourceAsOf(data, '2026-10-31').refunded.get('P1')).toBe(10);
  });

  it('lists every refund line of a payment applied to the invoice as information, effect 0, the arithmetic untouched', () => {
    const got = invoiceReceivables(data, invoice);
    const refunds = got.entries.filter((e) => e.kind === 'refund');
    expect(refunds.map((e) => e.id).sort()).toEqual(['R1', 'R11', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9'].sort());
    expect(refunds.every((e) => e.effect === 0 && e.sourceId === 'P1' && e.sourceNumber === 'P-1' && e.method === 'ACH')).toBe(true);
    expect(refunds.find((e) => e.id === 'R3')).toMatchObject({ reversal: true, problems: [] });
    // Each one that pays nothing back says why.
    for (const id of ['R4', 'R5', 'R6', 'R7', 'R8']) expect(refunds.find((e) => e.id === id)!.problems, id).toHaveLength(1);
    expect(refunds.find((e) => e.id === 'R9')!.problems).toEqual(['In USD while its payment is in EUR: not taken off the payment.']);
    expect(got.arithmetic).toMatchObject({ total: 60, payments: 60, credits: 0, computedBalance: 0, difference: 0 });
    // Oldest first among the applications.
    expect(got.entries.map((e) => e.date)).toEqual([...got.entries.map((e) => e.date)].sort());
  });

  it('a Billing credit note’s refund in another currency than the note’s says so of the credit note, not of a payment (review, session 14)', () => {
    const roles: RelatedRole[] = ['payment', 'paymentApplication', 'creditNote', 'creditApplication', 'refundApplication', 'creditNoteLine', 'creditRefundApplication'];
    const records: Partial<Record<RelatedRole, RelatedRecord[]>> = {
      creditNote: [{ id: 'C1', number: 'CN-1', account: 'ACC1', accountName: 'Acme', amount: 80, date: '2026-10-01', currency: 'EUR', status: 'Posted' }],
      creditApplication: [{ id: 'CA1', source: 'C1', invoice: 'INV1', amount: 60, type: 'Allocation', currency: 'EUR', created: '2026-10-01T10:00:00Z' }],
      creditNoteLine: [{ id: 'L1', creditNote: 'C1', currency: 'EUR' }],
      creditRefundApplication: [
        { id: 'X1', creditNoteLine: 'L1', amount: 5, type: 'Allocation', status: 'Posted', currency: 'EUR', created: '2026-10-06T09:00:00Z' },
        { id: 'X2', creditNoteLine: 'L1', amount: 4, type: 'Allocation', status: 'Posted', currency: 'USD', created: '2026-10-07T09:00:00Z' },
      ],
    };
    const credits: RelatedCopy = { objects: roles.map((role) => ({ role, object: role, signature: role, watermark: null, records: records[role] ?? [] })), warnings: [], none: null };
    const refunds = invoiceReceivables(credits, invoice).entries.filter((e) => e.kind === 'refund');
    expect(refunds.map((e) => [e.id, e.refundOf, e.effect])).toEqual([['X1', 'credit', 0], ['X2', 'credit', 0]]);
    expect(refunds[0]!.problems).toEqual([]);
    expect(refunds[1]!.problems).toEqual(['In USD while its credit note is in EUR: not taken off the credit note.']);
    // Not taken off it indeed: 80 − 60 applied − 5 refunded = 15 left.
    expect(customerLedger(credits, { name: 'Acme', account: 'ACC1' }, 'EUR').credits).toEqual([expect.objectContaining({ id: 'C1', refunded: 5, unapplied: 15 })]);
  });
});
