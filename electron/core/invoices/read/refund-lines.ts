import type { ReceivableEntry } from '../../../contract';
import type { RelatedCopy, RelatedRecord } from '../related/related-copy';
import { REVERSAL_TYPES } from '../related/related-specs';
import { creditRefundLines, day, text, toMinor } from './applied-ledger';
import { statusCounts } from './counted-sources';

/**
 * THE rule for refund lines (Billing `blng__RefundLinePayment__c` and `blng__RefundLineCreditNoteLine__c`, Revenue Cloud
 * `RefundLinePayment`): a line pays money of a payment (a credit note) back to the customer. It counts unless its status says it is a draft or cancelled (Billing's blng__Status__c;
 * Revenue Cloud lines have none) or its amount is not positive; an Unallocation / Unapplied line takes an earlier one back.
 * It never applies to an invoice (Salesforce has no refund-to-invoice object): it lowers what is unapplied of its payment (credit note).
 */
export function refundEffect(record: RelatedRecord): number {
  if (typeof record.amount !== 'number' || !(record.amount > 0)) return 0;
  if (!statusCounts(typeof record.status === 'string' ? record.status : null)) return 0;
  return REVERSAL_TYPES.has(String(record.type ?? '').toLowerCase()) ? -record.amount : record.amount;
}

/**
 * Every refund line of the copy with the payment or credit note it pays money back out of: a payment's refund line names its
 * payment; a Billing credit note's (`blng__RefundLineCreditNoteLine__c`) names a credit note *line*, whose credit note the
 * synced credit note lines tell. A credit note refund line whose line is not in the copy (deleted, hidden) has no source and is
 * left out (its credit note's unapplied part stays as the applications leave it; the copy's warnings say what was unreadable).
 */
export function* refundLinesBySource(copy: RelatedCopy): Generator<[sourceId: string, record: RelatedRecord]> {
  for (const object of copy.objects) {
    if (object.role !== 'refundApplication') continue;
    for (const record of object.records) {
      const source = text(record.payment);
      if (source) yield [source, record];
    }
  }
  yield* creditRefundLines(copy);
}

/** The day a refund line was made (its refund line / applied date, else its creation). */
export function refundDay(record: RelatedRecord): string | null {
  return day(record.date) ?? day(record.created);
}

/**
 * The refunds of the payments (Billing credit notes: `refundOf` 'credit') applied to one invoice, as information for its timeline
 * (effect 0: the invoice's arithmetic is the applications' alone, as Salesforce's balance is). `payments`: the payments (credit
 * notes) applied to the invoice; `refundsByPayment`: their refund lines by payment (credit note) id.
 */
export function refundEntries(
  refundsByPayment: Map<string, RelatedRecord[]>,
  payments: ReadonlyMap<string, RelatedRecord | undefined>,
  invoiceCurrency: string,
  words: { notCounted: string; otherCurrency: (refundCurrency: string, paymentCurrency: string) => string },
  refundOf: 'payment' | 'credit' = 'payment',
): ReceivableEntry[] {
  const entries: ReceivableEntry[] = [];
  for (const [paymentId, payment] of payments) {
    for (const record of refundsByPayment.get(paymentId) ?? []) {
      const amount = typeof record.amount === 'number' ? record.amount : null;
      const own = text(payment?.currency);
      const currency = text(record.currency) ?? own ?? invoiceCurrency;
      const problems = refundEffect(record) === 0 ? [words.notCounted] : [];
      // Not taken off its payment (source-applied.ts): said, as an application in another currency is.
      if (own && currency !== own) problems.push(words.otherCurrency(currency, own));
      entries.push({
        id: record.id, kind: 'refund', reversal: REVERSAL_TYPES.has(String(record.type ?? '').toLowerCase()), date: refundDay(record), amount, currency,
        effect: 0, sourceId: paymentId, sourceNumber: text(payment?.number), method: text(payment?.method),
        ...(refundOf === 'credit' ? { refundOf } : {}), problems,
      });
    }
  }
  return entries;
}

/** Net refunded of a payment or credit note in minor units (see SourceApplied.refunded). */
export const refundedMinor = (refunded: ReadonlyMap<string, number>, sourceId: string, decimals: number) => toMinor(refunded.get(sourceId) ?? 0, decimals);
