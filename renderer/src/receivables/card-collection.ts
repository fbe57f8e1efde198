import { addDaysToPay, averageDaysToPay, daysSalesOutstanding, DSO_PERIOD_DAYS, noDaysToPay, type DaysToPaySums } from '../../../electron/contract/collection-figures';
import { currencyDecimals } from '../../../electron/contract/currency-decimals';
import { dayNumber } from '../invoices/plain-date';
import { KIND_CANCELLED, type PreparedInvoices } from '../invoices/prepared';

/** A currency card's collection figures (issue 13), over the invoices of the current view. */
export interface CardCollection {
  /** Days sales outstanding, standard method over DSO_PERIOD_DAYS to the as-of day; null without sales in the period. */
  dso: number | null;
  /** Weighted by total, over the fully paid invoices shown (as `demo:headless` counts it); null when none is. */
  averageDaysToPay: number | null;
  /** What DSO is made of: the receivables' open balance and their invoiced total over the period (major units). */
  receivables: number;
  sales: number;
}

interface Sums {
  receivables: number;
  sales: number;
  days: DaysToPaySums;
}

/**
 * Per currency, over the rows of the view (`members`): DSO = open balance of the receivables shown ÷ the total of
 * those of them dated in the DSO_PERIOD_DAYS up to the as-of day × DSO_PERIOD_DAYS (receivables as the cards count
 * them: posted, drafts when included; balances as of the day in an as-of view); average days to pay over every
 * invoice shown that is fully paid and not cancelled — by the as-of day, in an as-of view (`cutOff`). Sums in minor units.
 */
export function cardCollection(prepared: PreparedInvoices, members: ArrayLike<number>, asOfDay: number, cutOff: boolean): Map<string, CardCollection> {
  const byCurrency = new Map<string, Sums>();
  const from = asOfDay - DSO_PERIOD_DAYS;
  for (let k = 0; k < members.length; k++) {
    const i = members[k]!;
    const row = prepared.rows[i]!;
    let sums = byCurrency.get(row.currency);
    if (!sums) byCurrency.set(row.currency, (sums = { receivables: 0, sales: 0, days: noDaysToPay() }));
    const scale = 10 ** currencyDecimals(row.currency);
    if (prepared.counted[i]) {
      sums.receivables += Math.round((row.balance ?? 0) * scale);
      const day = prepared.invoiceDay[i]!;
      if (day > from && day <= asOfDay) sums.sales += Math.round((row.total ?? 0) * scale);
    }
    // A cancelled invoice settled by its credit note was never paid: it is no days to pay (as demo:headless counts it).
    if (prepared.kind[i] !== KIND_CANCELLED && (!cutOff || (row.fullyPaidOn && dayNumber(row.fullyPaidOn) <= asOfDay))) addDaysToPay(sums.days, row);
  }
  const out = new Map<string, CardCollection>();
  for (const [currency, sums] of byCurrency) {
    const scale = 10 ** currencyDecimals(currency);
    out.set(currency, {
      dso: daysSalesOutstanding(sums.receivables, sums.sales),
      averageDaysToPay: averageDaysToPay(sums.days),
      receivables: sums.receivables / scale,
      sales: sums.sales / scale,
    });
  }
  return out;
}
