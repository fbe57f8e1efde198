import { currencyDecimals } from '../currency-decimals';
import { dayNumber } from '../invoice-order';
import type { CurrencyRates } from '../rates';

/**
 * The rate in force for a currency on a day, as Salesforce decides it (issue #14), built once per copy
 * of the rates. A rate means 1 corporate unit = `rate` units of the currency (corporate = amount ÷ rate).
 *
 * - With dated rates (advanced currency management): the period whose [StartDate, NextStartDate) holds the
 *   day. Where periods overlap (only a damaged org serves them) the one that started last among those holding it wins — the one
 *   Salesforce's own NextStartDate chain would leave in force; a day that falls between one period's end and
 *   the next one's start (a gap) has no rate. Both are flagged in `issues`.
 * - Without dated rates: CurrencyType's ConversionRate, whatever the day.
 * - The corporate currency is always at 1.
 * - No rate (never 0 or 1 in its place): a currency the org does not list, an inactive one, a rate ≤ 0 or
 *   missing, a day before the currency's first period or in a gap, or no day at all.
 */

export type NoRateReason = 'unknownCurrency' | 'inactive' | 'notPositive' | 'beforeFirst' | 'gap' | 'noDate';
/** Codes of the reasons, in this order, as a negative index (−1 − code) in ConvertedRows.rate. */
export const NO_RATE_REASONS: readonly NoRateReason[] = ['unknownCurrency', 'inactive', 'notPositive', 'beforeFirst', 'gap', 'noDate'];

/** A rate a conversion used: the period (dated) or the currency's plain rate. */
export interface RateUsed {
  isoCode: string;
  rate: number;
  /** The period's days; null for a plain rate (and the corporate currency). */
  start: string | null;
  next: string | null;
  dated: boolean;
}

export interface PeriodIssue {
  isoCode: string;
  kind: 'gap' | 'overlap';
  /** gap: the days [from, to) have no rate; overlap: the periods starting `from` and `to` both claim days. */
  from: string;
  to: string;
}

interface CurrencyPeriods {
  /** Indexes into `used`, sorted by start day. */
  slots: Int32Array;
  starts: Float64Array;
  /** Day the period ends (exclusive); Infinity for the open-ended one. */
  ends: Float64Array;
  /** The latest end among the periods up to this one: how far back an earlier (overlapping) period can still hold a day. */
  reach: Float64Array;
}

interface CurrencyEntry {
  /** Index into `used` of the plain (or corporate) rate, or −1 − reason code. */
  plain: number;
  active: boolean;
  periods: CurrencyPeriods | null;
}

export interface RateTable {
  corporate: string;
  /** The corporate currency's DecimalPlaces: what every converted amount is rounded to. */
  decimals: number;
  dated: boolean;
  used: RateUsed[];
  issues: PeriodIssue[];
  currencies: Map<string, CurrencyEntry>;
}

/** A rate is kept to Salesforce's 6 decimal places (convert.ts divides by rate × 10^6): one that rounds to 0 there is none. */
const usable = (rate: number | null): rate is number => rate !== null && Number.isFinite(rate) && Math.round(rate * 1e6) > 0;
const code = (reason: NoRateReason) => -1 - NO_RATE_REASONS.indexOf(reason);

/** The table, or null when there is nothing to convert with (no currencies, or no corporate one). */
export function buildRateTable(rates: CurrencyRates): RateTable | null {
  const corporate = rates.currencies.find((c) => c.corporate);
  if (rates.state !== 'available' || !corporate) return null;
  const used: RateUsed[] = [];
  const currencies = new Map<string, CurrencyEntry>();
  for (const c of rates.currencies) {
    let plain: number;
    if (c.corporate) plain = used.push({ isoCode: c.isoCode, rate: 1, start: null, next: null, dated: false }) - 1;
    else if (usable(c.rate)) plain = used.push({ isoCode: c.isoCode, rate: c.rate, start: null, next: null, dated: false }) - 1;
    else plain = code('notPositive');
    currencies.set(c.isoCode, { plain, active: c.active, periods: null });
  }
  const issues: PeriodIssue[] = [];
  const byCurrency = new Map<string, CurrencyRates['dated']>();
  for (const p of rates.dated) {
    const periods = byCurrency.get(p.isoCode);
    if (periods) periods.push(p);
    else byCurrency.set(p.isoCode, [p]);
  }
  for (const [isoCode, periods] of byCurrency) {
    const entry = currencies.get(isoCode);
    if (!entry) continue;
    const sorted = periods.map((p) => ({ p, start: dayNumber(p.start), end: p.next === null ? Infinity : dayNumber(p.next) }))
      .filter((x) => Number.isFinite(x.start))
      .sort((a, b) => a.start - b.start);
    const slots = new Int32Array(sorted.length);
    sorted.forEach(({ p }, k) => {
      slots[k] = usable(p.rate) ? used.push({ isoCode, rate: p.rate, start: p.start, next: p.next, dated: true }) - 1 : code('notPositive');
    });
    for (let k = 0; k + 1 < sorted.length; k++) {
      const here = sorted[k]!;
      const after = sorted[k + 1]!;
      if (here.end < after.start) issues.push({ isoCode, kind: 'gap', from: here.p.next!, to: after.p.start });
      else if (here.end > after.start) issues.push({ isoCode, kind: 'overlap', from: here.p.start, to: after.p.start });
    }
    const ends = Float64Array.from(sorted, (x) => x.end);
    const reach = new Float64Array(ends.length);
    ends.forEach((end, k) => (reach[k] = Math.max(end, k > 0 ? reach[k - 1]! : -Infinity)));
    entry.periods = { slots, starts: Float64Array.from(sorted, (x) => x.start), ends, reach };
  }
  // DecimalPlaces unreadable: the currency's ISO minor unit, what its amounts are shown with, so the totals stay the sums of the rows as shown.
  const decimals = corporate.decimals ?? currencyDecimals(corporate.isoCode);
  return { corporate: corporate.isoCode, decimals, dated: byCurrency.size > 0, used, issues, currencies };
}

/** The rate for `currency` on `day` (a day number; NaN = no date): an index into table.used, or −1 − reason code. */
export function rateSlot(table: RateTable, currency: string, day: number): number {
  const entry = table.currencies.get(currency);
  if (!entry) return code('unknownCurrency');
  if (currency === table.corporate) return entry.plain;
  if (!entry.active) return code('inactive');
  if (!table.dated) return entry.plain;
  if (Number.isNaN(day)) return code('noDate');
  const periods = entry.periods;
  if (!periods) return code('beforeFirst');
  // The last period starting on or before the day (binary search over the sorted starts).
  let lo = 0;
  let hi = periods.starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (periods.starts[mid]! <= day) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (found < 0) return code('beforeFirst');
  // The latest-starting period whose [StartDate, NextStartDate) holds the day; an earlier one can still hold it
  // when periods overlap (one nested inside another), as far back as a period's end reaches past the day.
  for (let k = found; k >= 0 && periods.reach[k]! > day; k--) if (day < periods.ends[k]!) return periods.slots[k]!;
  return code('gap');
}

/** What a slot means: the rate used, or why there is none. */
export function describeSlot(table: RateTable, slot: number): RateUsed | NoRateReason {
  return slot >= 0 ? table.used[slot]! : NO_RATE_REASONS[-1 - slot]!;
}
