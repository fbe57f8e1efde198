import { currencyDecimals } from './currency-decimals';
import type { InvoiceListRow } from './models';

/**
 * Issue 13's collection figures, one definition for the core (`invoices.receivablesSummary`, `demo:headless`) and
 * the workspace's currency cards. Amounts in minor units of one currency.
 */

/** Σ total × days to pay and Σ total of the fully paid invoices of one currency (minor units). */
export interface DaysToPaySums {
  weighted: number;
  totals: number;
}

export const noDaysToPay = (): DaysToPaySums => ({ weighted: 0, totals: 0 });

/** Counts one invoice when it is fully paid (fullyPaidOn and daysToPay known) and has a total. */
export function addDaysToPay(sums: DaysToPaySums, row: Pick<InvoiceListRow, 'currency' | 'total' | 'fullyPaidOn' | 'daysToPay'>): void {
  if (!row.fullyPaidOn || row.daysToPay === null || row.daysToPay === undefined || row.total === null) return;
  const total = Math.round(row.total * 10 ** currencyDecimals(row.currency));
  sums.weighted += total * row.daysToPay;
  sums.totals += total;
}

/** Average days to pay weighted by amount: Σ(total × (fully paid on − invoice date)) ÷ Σ total, in days, one decimal; null when nothing is fully paid. */
export function averageDaysToPay(sums: DaysToPaySums): number | null {
  return sums.totals > 0 ? Math.round((sums.weighted / sums.totals) * 10) / 10 : null;
}

/** The period the standard DSO looks back over, in days, ending on the as-of date. */
export const DSO_PERIOD_DAYS = 90;

/**
 * Days sales outstanding, standard method: receivables at the period's end ÷ credit sales over the period × the
 * period's days (both in minor units of one currency), one decimal; null without sales in the period.
 */
export function daysSalesOutstanding(receivables: number, sales: number, days = DSO_PERIOD_DAYS): number | null {
  return sales > 0 ? Math.round((receivables / sales) * days * 10) / 10 : null;
}
