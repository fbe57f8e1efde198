import { makeId, parseId } from '../data/ids.ts';
import type { OrgData } from '../org-data.ts';
import { REFUND_SPECS } from '../schema/refund-tables.ts';
import type { OrgControl } from '../types.ts';

type Shape = 'Invoice' | 'blng__Invoice__c';

/** The shape and row of a payment id, or of a refund line id. */
function find(data: OrgData, id: string, part: 'payment' | 'line'): { shape: Shape; row: number } {
  for (const shape of ['Invoice', 'blng__Invoice__c'] as const) {
    const refunds = data.refunds.get(shape);
    const money = data.receivables.get(shape);
    if (!refunds || !money) continue;
    const spec = REFUND_SPECS[shape];
    const row = parseId(part === 'payment' ? spec.payment.prefix : spec.line.prefix, id);
    const n = part === 'payment' ? money.payments.sources.n : refunds.lines.n;
    if (row >= 0 && row < n) return { shape, row };
  }
  throw new Error(`no ${part === 'payment' ? 'payment' : 'refund line'} with id ${id}`);
}

/**
 * Refunds as Salesforce makes them: money paid back out of what is unapplied of a payment (a refund line never touches
 * an invoice's balance). The payment's SystemModstamp moves with each line (its balance roll-up changes).
 */
export function refundsControl(data: OrgData): Pick<OrgControl, 'issueRefund' | 'deleteRefundLine'> {
  return {
    issueRefund(paymentId, amount) {
      const { shape, row } = find(data, paymentId, 'payment');
      const money = data.receivables.get(shape)!;
      const refunds = data.refunds.get(shape)!;
      const sources = money.payments.sources;
      if (sources.get('deleted', row)) throw new Error('this payment is deleted');
      const f = refunds.scaleOf(row);
      const rest = Math.round(sources.get('amount', row) * f) - money.appliedOfSource('payments', row, f) - refunds.refundedOf(row, f);
      const minor = amount === undefined ? rest : Math.round(amount * f);
      if (!Number.isFinite(minor) || minor <= 0) throw new Error('the amount must be positive');
      if (minor > rest) throw new Error(`a refund cannot exceed what is unapplied of the payment (${rest / f})`);
      const at = money.stamp();
      const { refund, line } = refunds.add(row, minor / f, Math.floor(data.now() / 86_400_000), at);
      sources.set('modstamp', row, at);
      const spec = REFUND_SPECS[shape];
      return { refundId: makeId(spec.refund.prefix, refund), refundLineId: makeId(spec.line.prefix, line) };
    },
    deleteRefundLine(refundLineId) {
      const { shape, row } = find(data, refundLineId, 'line');
      const money = data.receivables.get(shape)!;
      const { lines } = data.refunds.get(shape)!;
      if (lines.get('deleted', row)) throw new Error('this refund line is already deleted');
      const at = money.stamp();
      lines.set('deleted', row, 1);
      lines.set('modstamp', row, at);
      money.payments.sources.set('modstamp', lines.get('payment', row), at);
    },
  };
}
