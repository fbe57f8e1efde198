import { Columns } from './columns.ts';
import type { ReceivablesStore } from './receivables-store.ts';
import { DAY_MS, hash2, mulberry32, notAfter } from './random.ts';

/** Refund line status (Billing's blng__Status__c picklist order): 0 Posted, 1 Draft, 2 Cancelled. Revenue Cloud lines have none. */
export const REFUND_LINE_STATUS = ['Posted', 'Draft', 'Cancelled'] as const;

const refundCols = { account: Uint32Array, amount: Float64Array, day: Int32Array, deleted: Uint8Array, created: Float64Array, modstamp: Float64Array };
const lineCols = {
  refund: Uint32Array, payment: Uint32Array, amount: Float64Array, day: Int32Array, reversal: Uint8Array, status: Uint8Array,
  deleted: Uint8Array, created: Float64Array, modstamp: Float64Array,
};

/**
 * Refunds of one invoice shape's payments (Billing `blng__Refund__c` + `blng__RefundLinePayment__c`, Revenue Cloud `Refund` +
 * `RefundLinePayment`): money paid back to the customer out of what is unapplied of a payment. A refund line never touches
 * an invoice (Salesforce applies refunds to payments only), so every invoice's identity total − payments − credits =
 * balance stays as it was. Seeded consistently: a refund line is never more than what is unapplied of its payment.
 */
export class RefundsStore {
  readonly refunds = new Columns(refundCols);
  readonly lines = new Columns(lineCols);
  /** Minor units per major unit of each payment's currency (its first application's invoice), by payment row. */
  private readonly scale = new Map<number, number>();

  constructor(
    private readonly money: ReceivablesStore,
    seed: number,
    private readonly refDay: number,
  ) {
    this.seed(mulberry32(hash2(seed, 0x4ef0d5)));
  }

  /** Minor units per major unit of a payment's currency. */
  scaleOf(payment: number): number {
    const known = this.scale.get(payment);
    if (known !== undefined) return known;
    const apps = this.money.payments.apps;
    for (let r = 0; r < apps.n; r++) {
      if (apps.get('source', r) !== payment) continue;
      const f = this.money.minor(apps.get('invoice', r));
      this.scale.set(payment, f);
      return f;
    }
    return 100;
  }

  /** Net refunded of one payment (allocations minus unallocations; deleted, draft and cancelled lines left out), minor units. */
  refundedOf(payment: number, f: number): number {
    let sum = 0;
    for (let r = 0; r < this.lines.n; r++) {
      if (this.lines.get('payment', r) !== payment || !this.counts(r)) continue;
      sum += (this.lines.get('reversal', r) ? -1 : 1) * Math.round(this.lines.get('amount', r) * f);
    }
    return sum;
  }

  /** Whether a line moves its payment's unapplied amount: not deleted, Posted. */
  counts(line: number): boolean {
    return this.lines.get('deleted', line) === 0 && this.lines.get('status', line) === 0;
  }

  /** A refund of `amount` (major units) on a payment, with its one line applied to it. */
  add(payment: number, amount: number, day: number, at: number, status = 0): { refund: number; line: number } {
    const account = this.money.payments.sources.get('account', payment);
    const refund = this.refunds.push({ account, amount, day, created: at, modstamp: at });
    const line = this.lines.push({ refund, payment, amount, day, status, created: at, modstamp: at });
    return { refund, line };
  }

  private seed(rnd: () => number): void {
    const { sources, apps } = this.money.payments;
    const applied = new Float64Array(sources.n);
    for (let r = 0; r < apps.n; r++) {
      const source = apps.get('source', r);
      if (!this.scale.has(source)) this.scale.set(source, this.money.minor(apps.get('invoice', r)));
      const f = this.scale.get(source)!;
      applied[source] = applied[source]! + (apps.get('reversal', r) ? -1 : 1) * Math.round(apps.get('amount', r) * f);
    }
    for (let p = 0; p < sources.n; p++) {
      const f = this.scaleOf(p);
      const rest = Math.round(sources.get('amount', p) * f) - applied[p]!;
      if (rest <= 0 || rnd() >= 0.35) continue;
      const minor = Math.max(1, Math.floor(rest * (0.3 + rnd() * 0.7)));
      const day = Math.min(this.refDay, sources.get('day', p) + 3 + Math.floor(rnd() * 30));
      const at = notAfter(day * DAY_MS + 10 * 3_600_000 + Math.floor(rnd() * 6 * 3_600_000), this.money.seededBefore);
      const kind = rnd();
      if (kind < 0.05) {
        // Still a draft: not money paid back yet.
        this.add(p, minor / f, day, at, 1);
      } else if (kind < 0.1) {
        // Allocated, then taken back by an Unallocation line of the same refund: nets to nothing.
        const { refund } = this.add(p, minor / f, day, at);
        this.lines.push({ refund, payment: p, amount: minor / f, day, reversal: 1, created: at + 60_000, modstamp: at + 60_000 });
      } else {
        this.add(p, minor / f, day, at);
      }
    }
  }
}
