import type { CurrencyReceivables, InvoiceListRow } from '../../../contract';
import { addDaysToPay, averageDaysToPay, noDaysToPay, type DaysToPaySums } from '../../../contract/collection-figures';
import { currencyDecimals } from '../../../contract/currency-decimals';
import { cellsOf, type RelatedCopy } from '../related/related-copy';
import { amountOf, day, text, toMinor } from './applied-ledger';
import { sourceCounts } from './counted-sources';
import { appliedBySource, appliedBySourceAsOf, belowZeroCauses, notAppliedMinor, unappliedMinor } from './source-applied';
import { unappliedKnown } from './payment-figures';

interface Sums {
  payments: number;
  credits: number;
  /** Issue 13's literal unapplied cash: every payment's amount − net applied (see currencyReceivablesSchema). */
  unapplied: number;
  /** The accountant's: the payments received only, each less what refunds paid back. */
  unappliedReceived: number;
  /** Payments refunded beyond what was left unapplied (their rest below zero, summed as it is). */
  overRefunded: number;
  /** Payments applied beyond their amount (their rest below zero, summed as it is). */
  overApplied: number;
  /** Of the fully paid invoices (contract/collection-figures.ts, shared with the currency cards): all of them, and the not cancelled. */
  days: DaysToPaySums;
  daysNotCancelled: DaysToPaySums;
}

/**
 * The collection figures per currency (see currencyReceivablesSchema: the issue's four, and the accountant's two beside them):
 * sums in minor units of each currency. Applied amounts come from the rows' figures (the detail panel's counting); unapplied
 * cash is per payment record: its amount less its applications (applied minus taken back, wherever they point), counted in
 * the payment's currency, so a payment applied to an invoice outside the rows still counts.
 */
export function collectionFigures(
  copy: RelatedCopy | null | undefined,
  rows: readonly InvoiceListRow[],
  cancelled: (row: InvoiceListRow) => boolean = () => false,
  /** As of a day: the rows' figures are already as of it (receivables-as-of.ts); payments dated later and applications made later are left out of unapplied cash. */
  asOf?: string,
): CurrencyReceivables[] {
  // Without every payment and credit object (none in the org, or one hidden from the user) the figures would be
  // wrong, not incomplete (every payment unapplied, nothing paid): none are given.
  if (!unappliedKnown(copy)) return [];
  const byCurrency = new Map<string, Sums>();
  const sums = (currency: string) => {
    let entry = byCurrency.get(currency);
    if (!entry) {
      entry = { payments: 0, credits: 0, unapplied: 0, unappliedReceived: 0, overRefunded: 0, overApplied: 0, days: noDaysToPay(), daysNotCancelled: noDaysToPay() };
      byCurrency.set(currency, entry);
    }
    return entry;
  };
  for (const row of rows) {
    if (row.paid === undefined) continue;
    const d = currencyDecimals(row.currency);
    const s = sums(row.currency);
    s.payments += toMinor(row.paid, d);
    s.credits += toMinor(row.credited ?? 0, d);
    addDaysToPay(s.days, row);
    // The accountant's figure: a cancelled invoice settled by its credit note was never paid — no days to pay (as the currency cards count it).
    if (!cancelled(row)) addDaysToPay(s.daysNotCancelled, row);
  }
  for (const [currency, cash] of unappliedCash(copy, rows[0]?.currency ?? 'USD', asOf)) {
    const s = sums(currency);
    s.unapplied += cash.all;
    s.unappliedReceived += cash.received;
    s.overRefunded += cash.overRefunded;
    s.overApplied += cash.overApplied;
  }
  // Refund lines the user cannot read (not in the copy while its payments are): the received cash is before refunds — said, not guessed.
  const refundsUnread = !copy!.objects.some((o) => o.role === 'refundApplication');

  return [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, s]) => {
      const scale = 10 ** currencyDecimals(currency);
      return {
        currency,
        paymentsApplied: s.payments / scale,
        creditsApplied: s.credits / scale,
        unappliedCash: s.unapplied / scale,
        averageDaysToPay: averageDaysToPay(s.days),
        unappliedCashReceivedLessRefunds: s.unappliedReceived / scale,
        averageDaysToPayExcludingCancelled: averageDaysToPay(s.daysNotCancelled),
        ...(s.overRefunded > 0 ? { overRefunded: s.overRefunded } : {}),
        ...(s.overApplied > 0 ? { overApplied: s.overApplied } : {}),
        ...(refundsUnread ? { refundsUnread: true as const } : {}),
      };
    });
}

/** Per currency, the two unapplied cash sums (minor units) and the flags of the payments received below zero. */
interface CashSums {
  /** Σ over every payment (any status) of amount − net applied (source-applied.ts notAppliedMinor; 0 when applied in another currency). */
  all: number;
  /** Σ over every payment that counts (counted-sources.ts: not a draft, not cancelled) of amount − net applied − net refunded (unappliedMinor). */
  received: number;
  overRefunded: number;
  overApplied: number;
}

/**
 * Per currency, unapplied cash both ways (CashSums), in minor units; a payment without a currency is in `fallback` (a
 * single-currency org). One pass over the payments, read cell by cell (related-copy.ts cellsOf): no record object per payment.
 */
function unappliedCash(copy: RelatedCopy | null | undefined, fallback: string, asOf?: string): Map<string, CashSums> {
  const out = new Map<string, CashSums>();
  if (!copy || copy.none) return out;
  const sums = asOf === undefined ? appliedBySource(copy) : appliedBySourceAsOf(copy, asOf);
  for (const object of copy.objects) {
    if (object.role !== 'payment') continue;
    const cells = cellsOf(object);
    const [amountAt, statusAt, dateAt, currencyAt] = ['amount', 'status', 'date', 'currency'].map((key) => cells.reader(key));
    for (let row = 0; row < cells.length; row++) {
      const amount = amountOf(amountAt!(row));
      if (amount === null) continue;
      // As of a day, a payment received later was not money in yet.
      const received = day(dateAt!(row));
      if (asOf !== undefined && received !== null && received > asOf) continue;
      const currency = text(currencyAt!(row)) ?? fallback;
      const d = currencyDecimals(currency);
      const id = cells.id(row);
      let entry = out.get(currency);
      if (!entry) out.set(currency, (entry = { all: 0, received: 0, overRefunded: 0, overApplied: 0 }));
      // The figure: every payment, whatever its status, before refunds.
      entry.all += notAppliedMinor(sums, 'payment', id, amount, d) ?? 0;
      if (!sourceCounts(statusAt!(row))) continue;
      // What a refund paid back is no longer the customer's money with us (refund-lines.ts); one used in another currency has none left.
      const minor = unappliedMinor(sums, 'payment', id, amount, d);
      entry.received += minor;
      // Applied beyond its amount, or refunded beyond what the applications left: summed as it is (never clamped), and counted
      // so the summary says so (source-applied.ts belowZeroCauses).
      const why = belowZeroCauses(sums, 'payment', id, amount, minor, d);
      if (why.overRefunded) entry.overRefunded += 1;
      if (why.overApplied) entry.overApplied += 1;
    }
  }
  return out;
}
