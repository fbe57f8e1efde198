import type { CurrencyReceivables, InvoiceListRow } from '../../../contract';
import { addDaysToPay, averageDaysToPay, noDaysToPay, type DaysToPaySums } from '../../../contract/collection-figures';
import { currencyDecimals } from '../../../contract/currency-decimals';
import { cellsOf, type RelatedCopy } from '../related/related-copy';
import { amountOf, day, text, toMinor } from './applied-ledger';
import { sourceCounts } from './counted-sources';
import { appliedBySource, appliedBySourceAsOf, belowZeroCauses, unappliedMinor } from './source-applied';
import { unappliedKnown } from './payment-figures';

interface Sums {
  payments: number;
  credits: number;
  unapplied: number;
  /** Payments refunded beyond what was left unapplied (their rest below zero, summed as it is). */
  overRefunded: number;
  /** Payments applied beyond their amount (their rest below zero, summed as it is). */
  overApplied: number;
  /** Of the fully paid invoices (contract/collection-figures.ts, shared with the currency cards). */
  days: DaysToPaySums;
}

/**
 * The collection figures per currency (see currencyReceivablesSchema): sums in minor units of each
 * currency. Applied amounts come from the rows' figures (the detail panel's counting); unapplied cash is
 * per payment record: its amount less its applications (applied minus taken back, wherever they point),
 * counted in the payment's currency, so a payment applied to an invoice outside the rows still counts.
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
    if (!entry) byCurrency.set(currency, (entry = { payments: 0, credits: 0, unapplied: 0, overRefunded: 0, overApplied: 0, days: noDaysToPay() }));
    return entry;
  };
  for (const row of rows) {
    if (row.paid === undefined) continue;
    const d = currencyDecimals(row.currency);
    const s = sums(row.currency);
    s.payments += toMinor(row.paid, d);
    s.credits += toMinor(row.credited ?? 0, d);
    // A cancelled invoice settled by its credit note was never paid: it is no days to pay (as the currency cards count it).
    if (!cancelled(row)) addDaysToPay(s.days, row);
  }
  for (const [currency, cash] of unappliedCash(copy, rows[0]?.currency ?? 'USD', asOf)) {
    sums(currency).unapplied += cash.minor;
    sums(currency).overRefunded += cash.overRefunded;
    sums(currency).overApplied += cash.overApplied;
  }
  // Refund lines the user cannot read (not in the copy while its payments are): unapplied cash is before refunds — said, not guessed.
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
        ...(s.overRefunded > 0 ? { overRefunded: s.overRefunded } : {}),
        ...(s.overApplied > 0 ? { overApplied: s.overApplied } : {}),
        ...(refundsUnread ? { refundsUnread: true as const } : {}),
      };
    });
}

/**
 * Per currency, Σ over every payment that counts (counted-sources.ts: not a draft, not cancelled) of what is unapplied
 * of it (source-applied.ts: amount − net applied − net refunded; 0 when applied in another currency), minor units; a payment without a currency is in `fallback` (a single-currency org).
 */
function unappliedCash(copy: RelatedCopy | null | undefined, fallback: string, asOf?: string): Map<string, { minor: number; overRefunded: number; overApplied: number }> {
  const out = new Map<string, { minor: number; overRefunded: number; overApplied: number }>();
  if (!copy || copy.none) return out;
  const sums = asOf === undefined ? appliedBySource(copy) : appliedBySourceAsOf(copy, asOf);
  // Read cell by cell (related-copy.ts cellsOf): no record object per payment.
  for (const object of copy.objects) {
    if (object.role !== 'payment') continue;
    const cells = cellsOf(object);
    const [amountAt, statusAt, dateAt, currencyAt] = ['amount', 'status', 'date', 'currency'].map((key) => cells.reader(key));
    for (let row = 0; row < cells.length; row++) {
      const amount = amountOf(amountAt!(row));
      if (amount === null || !sourceCounts(statusAt!(row))) continue;
      // As of a day, a payment received later was not money in yet.
      const received = day(dateAt!(row));
      if (asOf !== undefined && received !== null && received > asOf) continue;
      const currency = text(currencyAt!(row)) ?? fallback;
      const d = currencyDecimals(currency);
      const id = cells.id(row);
      // What a refund paid back is no longer the customer's money with us (refund-lines.ts); one used in another currency has none left.
      const minor = unappliedMinor(sums, 'payment', id, amount, d);
      const entry = out.get(currency) ?? { minor: 0, overRefunded: 0, overApplied: 0 };
      entry.minor += minor;
      // Applied beyond its amount, or refunded beyond what the applications left: summed as it is (never clamped), and counted
      // so the summary says so (source-applied.ts belowZeroCauses).
      const why = belowZeroCauses(sums, 'payment', id, amount, minor, d);
      if (why.overRefunded) entry.overRefunded += 1;
      if (why.overApplied) entry.overApplied += 1;
      out.set(currency, entry);
    }
  }
  return out;
}
