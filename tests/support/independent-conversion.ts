/**
 * Converting into the corporate currency the long way, without the app's code (issue #14): decimal strings →
 * exact rationals (BigInt), half away from zero by comparing twice the remainder with the divisor; the rate
 * in force found by scanning every period; sums in minor units over the org's own records.
 */

export interface OrgCurrency { isoCode: string; rate: number | null; decimals: number | null; active: boolean; corporate: boolean }
export interface OrgPeriod { isoCode: string; rate: number | null; start: string; next: string | null }
export interface OrgRates { currencies: OrgCurrency[]; dated: OrgPeriod[] }
export interface OrgAmounts { currency: string; total: number | null; balance: number | null; invoiceDate: string | null }

function toScaled(value: number): { n: bigint; scale: bigint } {
  const [whole, fraction = ''] = value.toFixed(6).split('.');
  return { n: BigInt(`${whole}${fraction}`), scale: 10n ** BigInt(fraction.length) };
}

export function independentMinor(amount: number, rate: number, decimals: number): number {
  const a = toScaled(amount);
  const r = toScaled(rate);
  const num = a.n * r.scale * 10n ** BigInt(decimals);
  const den = a.scale * r.n;
  const negative = num < 0n;
  const abs = negative ? -num : num;
  const quotient = abs / den;
  const rounded = 2n * (abs % den) >= den ? quotient + 1n : quotient;
  return Number(negative ? -rounded : rounded);
}

/** The rate on `day`: the corporate currency 1; inactive, unknown, ≤ 0, before the first period or in a gap → null. */
export function independentRate(rates: OrgRates, currency: string, day: string | null): number | null {
  const c = rates.currencies.find((x) => x.isoCode === currency);
  if (!c) return null;
  if (c.corporate) return 1;
  if (!c.active) return null;
  if (rates.dated.length === 0) return c.rate !== null && c.rate > 0 ? c.rate : null;
  if (!day) return null;
  let best: OrgPeriod | null = null;
  // Every period whose [StartDate, NextStartDate) holds the day; where several do (overlaps), the latest start.
  for (const p of rates.dated) if (p.isoCode === currency && p.start <= day && (p.next === null || day < p.next) && (!best || p.start > best.start)) best = p;
  if (!best) return null;
  return best.rate !== null && best.rate > 0 ? best.rate : null;
}

/** The org's CurrencyType and DatedConversionRate records (control API), as OrgRates. */
export function orgRatesOf(records: (object: string) => Record<string, unknown>[], dated: boolean): OrgRates {
  return {
    currencies: records('CurrencyType').map((r) => ({
      isoCode: String(r.IsoCode), rate: r.ConversionRate as number, decimals: r.DecimalPlaces as number, active: r.IsActive === true, corporate: r.IsCorporate === true,
    })),
    dated: dated
      ? records('DatedConversionRate').map((r) => ({ isoCode: String(r.IsoCode), rate: r.ConversionRate as number, start: String(r.StartDate), next: (r.NextStartDate as string | null) ?? null }))
      : [],
  };
}

export interface IndependentTotals { count: number; missing: number; total: number; balance: number }

/** Σ of the rows converted one by one and rounded, in corporate major units; rows without a rate counted apart. */
export function independentTotals(rates: OrgRates, rows: readonly OrgAmounts[], basis: 'invoiceDate' | 'asOf', asOf: string): IndependentTotals {
  const corporate = rates.currencies.find((c) => c.corporate)!;
  // DecimalPlaces unread: the ISO minor unit (the few codes of the tests' orgs).
  const decimals = corporate.decimals ?? ({ JPY: 0 } as Record<string, number>)[corporate.isoCode] ?? 2;
  let total = 0;
  let balance = 0;
  let missing = 0;
  let count = 0;
  for (const row of rows) {
    const rate = independentRate(rates, row.currency, basis === 'asOf' ? asOf : row.invoiceDate);
    if (rate === null) {
      missing++;
      continue;
    }
    count++;
    if (row.total !== null) total += independentMinor(row.total, rate, decimals);
    if (row.balance !== null) balance += independentMinor(row.balance, rate, decimals);
  }
  return { count, missing, total: total / 10 ** decimals, balance: balance / 10 ** decimals };
}
