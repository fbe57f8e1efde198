import type { RelatedValue } from '../related/related-copy';

/**
 * THE definition of "a payment that counts" (and of a credit note that counts), used by every figure that adds up
 * payments or credit notes as money: the customer view (payments, unapplied cash, credit notes not yet applied), the
 * statement's payments received, and `invoices.receivablesSummary`'s `unappliedCashReceivedLessRefunds` (the issue's literal `unappliedCash` counts every payment).
 *
 * A payment counts unless its status says it was never money received: a draft (Revenue Cloud and Billing: Draft),
 * one cancelled (Canceled), or voided, reversed, failed or declined by a gateway. The same words make a credit note
 * one that was never issued (Draft, Canceled, Void). A status the app does not know (or none, the field hidden)
 * counts, as an unknown invoice status counts as posted.
 *
 * The invoice's own arithmetic (detail panel, paid / credited columns) does not ask this: it follows the
 * applications, as Salesforce's balance does.
 */
const NOT_RECEIVED = /draft|cancel|void|revers|fail|declin/i;

/** Whether a payment or credit note with this status is money received / credit issued. */
export function statusCounts(status: string | null | undefined): boolean {
  return !(typeof status === 'string' && NOT_RECEIVED.test(status));
}

/** Whether a payment or credit note of the copy counts, by its `status` (the record's, or its cell read from the columns: see statusCounts). */
export function sourceCounts(status: RelatedValue | undefined): boolean {
  return statusCounts(typeof status === 'string' ? status : null);
}
