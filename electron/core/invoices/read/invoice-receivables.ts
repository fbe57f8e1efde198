import type { InvoiceReceivables, InvoiceRow, ReceivableEntry } from '../../../contract';
import { currencyDecimals } from '../../../contract/currency-decimals';
import type { RelatedCopy, RelatedRecord } from '../related/related-copy';
import { relatedText } from '../related/related-text';
import { isRateRole } from '../related/related-specs';
import { countedApplications, fullyPaidOn, ledgerFor, text, toMinor, type CountedApplication } from './applied-ledger';
import { refundEntries } from './refund-lines';

/**
 * Everything applied to one invoice from the offline copy: a dated list of applications and
 * reversals, and the arithmetic from the total to the balance in minor units. An entry that
 * cannot be counted (another currency, zero or negative amount) is listed with the reason and
 * left out of the sums; a difference from Salesforce's balance is reported, never corrected.
 */
export function invoiceReceivables(copy: RelatedCopy | null | undefined, invoice: InvoiceRow): InvoiceReceivables {
  const currency = invoice.currency;
  const decimals = currencyDecimals(currency);
  const major = (minor: number) => minor / 10 ** decimals;
  const unavailable = (note: string): InvoiceReceivables => ({
    available: false, note, currency, entries: [], fullyPaidOn: null, warnings: copy?.warnings ?? [],
    arithmetic: { total: invoice.total, payments: 0, credits: 0, computedBalance: null, balance: invoice.balance, difference: null },
  });
  if (!copy) return unavailable(relatedText.notInCopyYet);
  if (copy.none) return unavailable(copy.none);
  if (!copy.objects.some((o) => !isRateRole(o.role))) return unavailable(relatedText.noReadableObjects);

  // The whole index when made, else this invoice's entries alone (right after a sync's answer: applied-ledger.ts ledgerFor).
  const index = ledgerFor(copy, invoice.id);
  const applications = countedApplications(index, invoice.id, currency, decimals);
  let payments = 0;
  let credits = 0;
  for (const { kind, effectMinor } of applications) {
    if (kind === 'payment') payments -= effectMinor;
    else credits -= effectMinor;
  }
  const total = invoice.total === null ? null : toMinor(invoice.total, decimals);
  const computed = total === null ? null : total - payments - credits;
  const balance = invoice.balance === null ? null : toMinor(invoice.balance, decimals);
  const entries = applications.map(({ effectMinor, source, at: _at, ...entry }): ReceivableEntry => ({
    ...entry, effect: major(effectMinor), sourceNumber: text(source?.number), method: text(source?.method),
  }));
  // Refunds of the payments (and credit notes) still applied here: information (effect 0), in date order among the applications. A
  // payment whose applications here were all taken back settles nothing of this invoice: its refunds are not this invoice's story
  // (the customer view keeps them with the payment) — the same rule as a credit note's, below.
  const paid = stillApplied(applications, 'payment');
  const words = { notCounted: relatedText.refundNotCounted, otherCurrency: relatedText.refundOtherCurrency };
  const refunds = paid.size ? refundEntries(index.refundsByPayment, paid, currency, words) : [];
  // Refunds of the Billing credit notes applied here (through their lines): information too, effect 0 — only of those still
  // applied here (net > 0): one whose application to this invoice was taken back settles nothing of it, so its refunds are not
  // this invoice's story (the customer view keeps them with the credit note).
  const credited = stillApplied(applications, 'credit');
  // Their words name the credit note, not a payment (a refund line in another currency than the note's).
  const creditWords = { notCounted: relatedText.refundNotCounted, otherCurrency: relatedText.creditRefundOtherCurrency };
  if (credited.size && index.refundsByCreditNote.size) refunds.push(...refundEntries(index.refundsByCreditNote, credited, currency, creditWords, 'credit'));
  if (refunds.length) entries.push(...refunds);
  if (refunds.length) entries.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  return {
    available: true, note: null, currency, fullyPaidOn: fullyPaidOn(total, applications), warnings: copy.warnings,
    entries,
    arithmetic: {
      total: invoice.total, payments: major(payments), credits: major(credits),
      computedBalance: computed === null ? null : major(computed), balance: invoice.balance,
      difference: computed === null || balance === null ? null : major(balance - computed),
    },
  };
}

/**
 * The payments (credit notes) of `kind` applied to the invoice and not wholly taken back: their applications here (as Salesforce
 * states the amounts, reversals subtracted), summed per currency in that currency's minor units, > 0 in some currency. An
 * application the arithmetic does not count (another currency) still applies its source here; amounts of two currencies are never
 * added (a reversal in one cannot cancel an application in another). By source id, with the source record.
 */
function stillApplied(applications: readonly CountedApplication[], kind: 'payment' | 'credit'): Map<string, RelatedRecord | undefined> {
  const net = new Map<string, { byCurrency: Map<string, number>; source: RelatedRecord | undefined }>();
  for (const a of applications) {
    if (a.kind !== kind || !a.sourceId || a.amount === null || !(a.amount > 0)) continue;
    const signed = toMinor(a.amount, currencyDecimals(a.currency)) * (a.reversal ? -1 : 1);
    let entry = net.get(a.sourceId);
    if (!entry) net.set(a.sourceId, (entry = { byCurrency: new Map(), source: a.source }));
    entry.byCurrency.set(a.currency, (entry.byCurrency.get(a.currency) ?? 0) + signed);
  }
  return new Map([...net].filter(([, entry]) => [...entry.byCurrency.values()].some((minor) => minor > 0)).map(([id, entry]) => [id, entry.source]));
}
