import { dayNumber } from '../invoice-order';
import { NO_RATE_REASONS, rateSlot, type NoRateReason, type RateTable } from './rate-table';

/** Which day's rate converts an invoice: its invoice date (what the ledger booked) or the aging as-of date (revaluation). */
export type ConversionBasis = 'invoiceDate' | 'asOf';

/** Salesforce keeps rates to 6 decimal places; amounts are taken to 6 too, so amount ÷ rate is a ratio of integers. */
const MICRO = 1e6;

/**
 * amount ÷ rate in the corporate currency's minor units (cents), rounded half away from zero: exact
 * (the ratio of two integers). A float division decides while the numerator is an exact integer in floating
 * point (then the quotient is correctly rounded and cannot cross a half) and the result is not within 1e-7 of a
 * half nor beyond 2^40 minor units; otherwise BigInt does, from the amount's decimal digits — any size.
 */
export function convertToMinor(amount: number, rate: number, decimals: number): number {
  const a = Math.round(amount * MICRO);
  const r = Math.round(rate * MICRO);
  const scale = 10 ** decimals;
  const q = (a * scale) / r;
  const magnitude = Math.abs(q);
  const fraction = magnitude - Math.floor(magnitude);
  if (Math.abs(fraction - 0.5) > 1e-7 && magnitude < 2 ** 40 && Number.isSafeInteger(a * scale)) return Math.sign(q) * Math.floor(magnitude + 0.5) || 0;
  // The amount's own digits (to 6 places), not amount × 10^6, which is no longer exact past 2^53.
  const n = BigInt(Math.abs(amount).toFixed(6).replace('.', '')) * BigInt(scale);
  const d = BigInt(r);
  const rounded = Number((2n * n + d) / (2n * d));
  return a < 0 ? -rounded : rounded;
}

/** The rows' fields a conversion reads (an InvoiceListRow has them). */
export interface ConvertibleRow {
  currency: string;
  total: number | null;
  balance: number | null;
  invoiceDate: string | null;
}

/**
 * Every row converted once, into typed columns beside the rows (no second copy of them): amounts in
 * corporate minor units (NaN when the row has no rate or no amount) and the rate slot used (an index into
 * table.used, or −1 − a NoRateReason code). Totals are sums of these rounded rows.
 */
export interface ConvertedRows {
  corporate: string;
  decimals: number;
  basis: ConversionBasis;
  asOf: string;
  total: Float64Array;
  balance: Float64Array;
  rate: Int32Array;
}

export function convertRows(rows: readonly ConvertibleRow[], table: RateTable, basis: ConversionBasis, asOf: string, invoiceDays?: ArrayLike<number>): ConvertedRows {
  const n = rows.length;
  const total = new Float64Array(n);
  const balance = new Float64Array(n);
  const rate = new Int32Array(n);
  const asOfDay = dayNumber(asOf);
  const { decimals } = table;
  // On the as-of basis each currency has one rate: looked up once.
  const byCurrency = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    let slot: number;
    if (basis === 'asOf') {
      slot = byCurrency.get(row.currency) ?? rateSlot(table, row.currency, asOfDay);
      byCurrency.set(row.currency, slot);
    } else {
      slot = rateSlot(table, row.currency, invoiceDays ? invoiceDays[i]! : dayNumber(row.invoiceDate));
    }
    rate[i] = slot;
    if (slot < 0) {
      total[i] = Number.NaN;
      balance[i] = Number.NaN;
      continue;
    }
    const r = table.used[slot]!.rate;
    total[i] = row.total === null ? Number.NaN : convertToMinor(row.total, r, decimals);
    balance[i] = row.balance === null ? Number.NaN : convertToMinor(row.balance, r, decimals);
  }
  return { corporate: table.corporate, decimals, basis, asOf, total, balance, rate };
}

export interface ConvertedTotals {
  corporate: string;
  /** Invoices converted (and so in the sums). */
  count: number;
  /** Sums of the rounded rows, in corporate major units. */
  total: number;
  balance: number;
  /** Invoices left out for want of a rate: how many, per invoice currency and per reason. */
  missing: number;
  missingByCurrency: Record<string, number>;
  missingByReason: Partial<Record<NoRateReason, number>>;
}

/** The sums over some rows (indexes into the converted rows): what the cards and the totals show. */
export function convertedTotals(converted: ConvertedRows, rows: readonly { currency: string }[], indexes: ArrayLike<number>): ConvertedTotals {
  let count = 0;
  let total = 0;
  let balance = 0;
  let missing = 0;
  const missingByCurrency: Record<string, number> = {};
  const missingByReason: Partial<Record<NoRateReason, number>> = {};
  for (let k = 0; k < indexes.length; k++) {
    const i = indexes[k]!;
    const slot = converted.rate[i]!;
    if (slot < 0) {
      missing++;
      const currency = rows[i]!.currency;
      missingByCurrency[currency] = (missingByCurrency[currency] ?? 0) + 1;
      const reason = NO_RATE_REASONS[-1 - slot]!;
      missingByReason[reason] = (missingByReason[reason] ?? 0) + 1;
      continue;
    }
    count++;
    const t = converted.total[i]!;
    const b = converted.balance[i]!;
    if (!Number.isNaN(t)) total += t;
    if (!Number.isNaN(b)) balance += b;
  }
  const scale = 10 ** converted.decimals;
  return { corporate: converted.corporate, count, total: total / scale, balance: balance / scale, missing, missingByCurrency, missingByReason };
}
