import { agingBucketLabels, bucketOfDays, type AgingBucketKey } from '../../../electron/contract/aging-buckets';
import type { PreparedInvoices } from './prepared';
import { SUM_SCALE } from '../../../electron/contract/sum-scale';
import { amountColumns } from './amount-columns';

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

/** The slot (0 Current … 4 90+) of days past, as `bucketOfDays` puts them. */
const slotOf = new Map(agingBuckets.map((bucket, slot) => [bucket.key, slot]));

/**
 * One pass over the visible rows; amounts summed in thousandths (SUM_SCALE) so totals are exact. Reads typed
 * columns (amount-columns.ts), not the row objects: this runs at every keystroke in the search box.
 */
export function computeAging(prepared: PreparedInvoices, indexes: ArrayLike<number>, asOfDay: number, basis: AgingBasis): CurrencyAging[] {
  const { codes, currency, balance, open } = amountColumns(prepared);
  const buckets = agingBuckets.length;
  const counts = new Float64Array(codes.length * buckets);
  const sums = new Float64Array(codes.length * buckets);
  const seen = new Uint8Array(codes.length);
  const counted = prepared.counted;
  const from = basis === 'dueDate' ? prepared.dueDay : prepared.invoiceDay;
  for (let k = 0; k < indexes.length; k++) {
    const i = indexes[k]!;
    // As agingBucketOf: nothing outstanding or not a receivable is in no bucket; no date counts as current.
    if (!open[i] || !counted[i]) continue;
    const day = from[i]!;
    const slot = day !== day ? 0 : slotOf.get(bucketOfDays(asOfDay - day))!;
    const c = currency[i]!;
    seen[c] = 1;
    counts[c * buckets + slot]! += 1;
    sums[c * buckets + slot]! += balance[i]!;
  }
  const out: CurrencyAging[] = [];
  codes.forEach((code, c) => {
    if (!seen[c]) return;
    out.push({
      currency: code,
      buckets: agingBuckets.map((bucket, slot) => ({
        key: bucket.key,
        label: bucket.label,
        count: counts[c * buckets + slot]!,
        balance: sums[c * buckets + slot]! / SUM_SCALE,
      })),
    });
  });
  return out;
}
