import { agingBucketLabels, bucketOfDays, type AgingBucketKey } from '../../../electron/contract/aging-buckets';
import type { PreparedInvoices } from './prepared';
import { SUM_SCALE } from '../../../electron/contract/sum-scale';

export { bucketOfDays, type AgingBucketKey };

/** Aging of open balances, per currency, as of a chosen day. */

export type AgingBasis = 'dueDate' | 'invoiceDate';
export const agingBuckets: readonly { key: AgingBucketKey; label: string }[] = [
  { key: 'current', label: 'Current' },
  ...(['1-30', '31-60', '61-90', '90+'] as const).map((key) => ({ key, label: agingBucketLabels[key] })),
];

/**
 * The bucket of one invoice, or null when it has nothing outstanding (balance 0 or empty) or is not a
 * receivable (a draft, unless drafts are included, or a cancelled invoice).
 * Days past are counted from the due date (or the invoice date, per the aging basis);
 * an invoice without that date counts as current.
 */
export function agingBucketOf(prepared: PreparedInvoices, i: number, asOfDay: number, basis: AgingBasis): AgingBucketKey | null {
  const balance = prepared.rows[i]!.balance;
  if (!balance || !prepared.counted[i]) return null;
  const from = basis === 'dueDate' ? prepared.dueDay[i]! : prepared.invoiceDay[i]!;
  return Number.isNaN(from) ? 'current' : bucketOfDays(asOfDay - from);
}

export interface AgingBucketTotal {
  key: AgingBucketKey;
  label: string;
  count: number;
  balance: number;
}

export interface CurrencyAging {
  currency: string;
  buckets: AgingBucketTotal[];
}

/** `currency`'s aging, or an empty one (every bucket at zero): a card with nothing outstanding still shows its aging. */
export function agingOfCurrency(aging: readonly CurrencyAging[], currency: string): CurrencyAging {
  return aging.find((x) => x.currency === currency) ?? { currency, buckets: agingBuckets.map((b) => ({ ...b, count: 0, balance: 0 })) };
}

/** One pass over the visible rows; amounts summed in thousandths (SUM_SCALE) so totals are exact. */
export function computeAging(prepared: PreparedInvoices, indexes: ArrayLike<number>, asOfDay: number, basis: AgingBasis): CurrencyAging[] {
  const byCurrency = new Map<string, { counts: number[]; cents: number[] }>();
  const order = agingBuckets.map((bucket) => bucket.key);
  for (let k = 0; k < indexes.length; k++) {
    const i = indexes[k]!;
    const bucket = agingBucketOf(prepared, i, asOfDay, basis);
    if (!bucket) continue;
    const row = prepared.rows[i]!;
    let entry = byCurrency.get(row.currency);
    if (!entry) {
      entry = { counts: [0, 0, 0, 0, 0], cents: [0, 0, 0, 0, 0] };
      byCurrency.set(row.currency, entry);
    }
    const slot = order.indexOf(bucket);
    entry.counts[slot]! += 1;
    entry.cents[slot]! += Math.round((row.balance ?? 0) * SUM_SCALE);
  }
  return [...byCurrency.keys()].sort().map((currency) => {
    const entry = byCurrency.get(currency)!;
    return {
      currency,
      buckets: agingBuckets.map((bucket, slot) => ({
        key: bucket.key,
        label: bucket.label,
        count: entry.counts[slot]!,
        balance: entry.cents[slot]! / SUM_SCALE,
      })),
    };
  });
}
