import { agingBucketLabels, bucketOfDays, type AgingBucketKey } from '../../../electron/contract/aging-buckets';
import type { PreparedInvoices } from './prepared';
import { SUM_SCALE } from '../../../electron/contract/sum-scale';
import { amountColumns } from './amount-columns';
import { everyRow, joinedSumsOf, keepJoinedSums, sumsOfSet, wholeBelow } from './set-sums';

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

/** Each row's aging slot as of a day on a basis (−1: in no bucket), kept for the last few days/bases asked per prepared set. */
const slotColumns = new WeakMap<PreparedInvoices, Map<string, Int8Array>>();

function agingSlots(prepared: PreparedInvoices, asOfDay: number, basis: AgingBasis): Int8Array {
  let byDay = slotColumns.get(prepared);
  if (!byDay) slotColumns.set(prepared, (byDay = new Map()));
  const key = `${asOfDay}|${basis}`;
  let slots = byDay.get(key);
  if (slots) return slots;
  const joined = joinedSumsOf(prepared.kind, `slots|${key}`);
  slots = joined instanceof Int8Array ? joined : slotsOf(prepared, asOfDay, basis);
  if (byDay.size >= 4) byDay.delete(byDay.keys().next().value!);
  byDay.set(key, slots);
  return slots;
}

function slotsOf(prepared: PreparedInvoices, asOfDay: number, basis: AgingBasis): Int8Array {
  const { open } = amountColumns(prepared);
  const counted = prepared.counted;
  const from = basis === 'dueDate' ? prepared.dueDay : prepared.invoiceDay;
  const slots = new Int8Array(prepared.rows.length);
  for (let i = 0; i < slots.length; i++) {
    // As agingBucketOf: nothing outstanding or not a receivable is in no bucket; no date counts as current.
    const day = from[i]!;
    slots[i] = !open[i] || !counted[i] ? -1 : day !== day ? 0 : slotOf.get(bucketOfDays(asOfDay - day))!;
  }
  return slots;
}

/** Per currency, a count and a sum per bucket: [counts × buckets, sums × buckets]. */
function agingSums(prepared: PreparedInvoices, slots: Int8Array, indexes: ArrayLike<number>): Float64Array {
  const { codes, currency, balance } = amountColumns(prepared);
  const buckets = agingBuckets.length;
  const sums = new Float64Array(codes.length * buckets * 2);
  for (let k = 0; k < indexes.length; k++) {
    const i = indexes[k]!;
    const slot = slots[i]!;
    if (slot < 0) continue;
    const at = currency[i]! * buckets * 2 + slot;
    sums[at]! += 1;
    sums[at + buckets]! += balance[i]!;
  }
  return sums;
}

/** Every row's aging sums per slot column (null when a subset's sum might not be exact: see set-sums.ts). */
const allAging = new WeakMap<Int8Array, Float64Array | null>();
const exactBalances = new WeakMap<PreparedInvoices, boolean>();

function agingOfAll(prepared: PreparedInvoices, slots: Int8Array, asOfDay: number, basis: AgingBasis): Float64Array | null {
  if (!allAging.has(slots)) {
    let exact = exactBalances.get(prepared);
    if (exact === undefined) exactBalances.set(prepared, (exact = wholeBelow(amountColumns(prepared).balance)));
    const joined = joinedSumsOf(prepared.kind, `aging|${asOfDay}|${basis}`);
    allAging.set(slots, exact ? (joined instanceof Float64Array ? joined : agingSums(prepared, slots, everyRow(prepared, prepared.rows.length))) : null);
  }
  return allAging.get(slots)!;
}

/**
 * Every row's aging slots and sums as of a day on a basis, per currency of amountColumns(prepared).codes (a count and a
 * sum per bucket each): one window's as the list loads (workspace/list-sums.ts).
 */
export function agingOfEveryRow(prepared: PreparedInvoices, asOfDay: number, basis: AgingBasis): { slots: Int8Array; sums: Float64Array } {
  const slots = slotsOf(prepared, asOfDay, basis);
  return { slots, sums: agingSums(prepared, slots, everyRow(prepared, prepared.rows.length)) };
}

/** What agingOfEveryRow answers for the rows of this `kind` column (joined from its windows' by workspace/list-sums.ts). */
export function keepAgingOfEveryRow(kind: Uint8Array, asOfDay: number, basis: AgingBasis, aging: { slots: Int8Array; sums: Float64Array }): void {
  keepJoinedSums(kind, `slots|${asOfDay}|${basis}`, aging.slots);
  keepJoinedSums(kind, `aging|${asOfDay}|${basis}`, aging.sums);
}

/**
 * One pass over the visible rows (or over those not shown when they are fewer: set-sums.ts); amounts summed in
 * thousandths (SUM_SCALE) so totals are exact. Reads typed columns (amount-columns.ts) and each row's bucket as of
 * the day (once per day and basis), not the row objects: this runs at every keystroke in the search box.
 */
export function computeAging(prepared: PreparedInvoices, indexes: ArrayLike<number>, asOfDay: number, basis: AgingBasis): CurrencyAging[] {
  const { codes } = amountColumns(prepared);
  const buckets = agingBuckets.length;
  const slots = agingSlots(prepared, asOfDay, basis);
  const sums = sumsOfSet(indexes, prepared.rows.length, (set) => agingSums(prepared, slots, set), () => agingOfAll(prepared, slots, asOfDay, basis));
  const out: CurrencyAging[] = [];
  codes.forEach((code, c) => {
    const at = c * buckets * 2;
    let seen = 0;
    for (let slot = 0; slot < buckets; slot++) seen += sums[at + slot]!;
    if (!seen) return;
    out.push({
      currency: code,
      buckets: agingBuckets.map((bucket, slot) => ({
        key: bucket.key,
        label: bucket.label,
        count: sums[at + slot]!,
        balance: sums[at + buckets + slot]! / SUM_SCALE,
      })),
    });
  });
  return out;
}
