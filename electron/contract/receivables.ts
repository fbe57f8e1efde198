import { z } from 'zod';
import { id, isoDate } from './models';

/** One application of money to an invoice: a payment or credit applied, or such an application taken back. */
export const receivableEntrySchema = z.object({
  /** The application record's id (open it in Salesforce with `invoices.openInSalesforce`). */
  id,
  /**
   * `refund`: a refund line of a payment (or Billing credit note) applied to this invoice — money of it paid back to the customer.
   * Shown as information: its effect is always 0 (Salesforce applies refunds to payments and credit notes, never to invoices).
   */
  kind: z.enum(['payment', 'credit', 'refund']),
  /** Of a `refund`: 'credit' when it pays back money of a Billing credit note applied here (through the note's line), absent for a payment's. */
  refundOf: z.literal('credit').optional(),
  /** An Unallocation / Unapplied record: it takes an earlier application back (adds to the balance). */
  reversal: z.boolean(),
  /**
   * The day it was applied on the computer's clock (core read/local-day.ts): a `date` its own day, an instant (CreatedDate,
   * Revenue Cloud's AppliedDate) the day it was there — as "today" and the as-of date are, not UTC's.
   */
  date: isoDate.nullable(),
  /** As Salesforce states it (reversals too are positive there). */
  amount: z.number().nullable(),
  currency: z.string(),
  /** What the balance moves by: negative for applications, positive for reversals; 0 when it cannot be counted. */
  effect: z.number(),
  /** The payment or credit note: id, number, method (payment type), date. */
  sourceId: z.string().nullable(),
  sourceNumber: z.string().nullable(),
  method: z.string().nullable(),
  /** Why this entry is not counted, or is counted with doubt (another currency, zero or negative amount, payment deleted …). */
  problems: z.array(z.string()),
});
export type ReceivableEntry = z.infer<typeof receivableEntrySchema>;

export const invoiceReceivablesSchema = z.object({
  /** False when the org has no payment objects for this invoice object (then `note` says why). */
  available: z.boolean(),
  note: z.string().nullable(),
  currency: z.string(),
  /** Oldest first. */
  entries: z.array(receivableEntrySchema),
  /** total − payments − credits = computed balance, next to the balance Salesforce states. */
  arithmetic: z.object({
    total: z.number().nullable(),
    payments: z.number(),
    credits: z.number(),
    computedBalance: z.number().nullable(),
    balance: z.number().nullable(),
    /** Salesforce's balance − the computed one; 0 when they agree, null when either is unknown. Shown, never "fixed". */
    difference: z.number().nullable(),
  }),
  /** The day the applied money first reached the total (balance zero), or null. */
  fullyPaidOn: isoDate.nullable(),
  /** Objects or fields that could not be read, from the last sync. */
  warnings: z.array(z.string()),
});
export type InvoiceReceivables = z.infer<typeof invoiceReceivablesSchema>;

/**
 * Collection figures of one currency over the invoices asked for, from the offline copy. The four named by issue 13 follow
 * its definitions exactly (a reader checking `demo:headless`'s summary.json against the issue gets the issue's figure):
 * - paymentsApplied / creditsApplied: net amounts applied (applications minus reversals) to those invoices;
 * - unappliedCash: Σ over every payment of the copy in this currency, whatever its status, of (its amount − what of it is
 *   applied, net of reversals, wherever it points);
 * - averageDaysToPay: over those invoices that are fully paid, Σ(total × days to pay) ÷ Σ total, in days, one decimal
 *   (null when none is fully paid).
 * Beside them, the accountant's figures the app shows (README "Collection figures", the customer view, statements):
 * - unappliedCashReceivedLessRefunds: as unappliedCash over the payments received only (not Draft, Canceled, void …:
 *   counted-sources.ts), each less what refunds paid back of it — the customer's money still with us;
 * - averageDaysToPayExcludingCancelled: as averageDaysToPay without the cancelled invoices (a credit note cancelling an
 *   invoice is no payment) — what the currency cards show.
 * Both unapplied figures count "applied" as the detail panel does: an application of zero, below zero or no amount is left
 * out, and a payment applied in another currency than its own has its own currency used up (0: no rate here turns that
 * amount back into the payment's currency). With an as-of day, payments received and applications made later are not there.
 */
export const currencyReceivablesSchema = z.object({
  currency: z.string(),
  paymentsApplied: z.number(),
  creditsApplied: z.number(),
  unappliedCash: z.number(),
  averageDaysToPay: z.number().nullable(),
  unappliedCashReceivedLessRefunds: z.number(),
  averageDaysToPayExcludingCancelled: z.number().nullable(),
  /**
   * How many payments in this currency were refunded beyond what was left unapplied of them: their rest is below zero and
   * summed into unappliedCashReceivedLessRefunds as it is (never clamped). Absent: none.
   */
  overRefunded: z.number().optional(),
  /**
   * How many payments received in this currency were applied to invoices for more than their amount (the applications alone
   * exceed it): their rest is below zero and summed into unappliedCashReceivedLessRefunds (and unappliedCash) as it is (never
   * clamped). Absent: none.
   */
  overApplied: z.number().optional(),
  /**
   * The refund lines could not be read (object or a required field hidden from the user): unappliedCashReceivedLessRefunds is
   * amount − net applied, before any refund — it may be more than is left. Absent: read.
   */
  refundsUnread: z.literal(true).optional(),
});
export type CurrencyReceivables = z.infer<typeof currencyReceivablesSchema>;

/** A payment or credit note of one customer, with what of it is applied (net of reversals, to any invoice) and what is not. */
export const customerRecordSchema = z.object({
  /** The payment's or credit note's id (open it in Salesforce with `invoices.openInSalesforce`). */
  id,
  number: z.string().nullable(),
  date: isoDate.nullable(),
  status: z.string().nullable(),
  /** Payment type (payments only). */
  method: z.string().nullable(),
  currency: z.string(),
  /** As Salesforce states it. */
  amount: z.number().nullable(),
  /** Applied to invoices, net of applications taken back. */
  applied: z.number(),
  /** amount − applied − refunded − debited: received (or issued) but not allocated to any invoice, nor paid back, nor taken by a debit note. */
  unapplied: z.number(),
  /** Paid back to the customer by refund lines (of a payment; of a Billing credit note, through its lines), net of lines taken back (absent: none). */
  refunded: z.number().optional(),
  /**
   * Of a Billing credit note: what debit notes allocated to its lines took of it (Σ blng__CreditNoteLine__c.blng__Debits__c, which
   * Billing subtracts from the line's available balance), absent when none.
   */
  debited: z.number().optional(),
  /**
   * Why `unapplied` is below zero (shown as Salesforce's records give it, never clamped), each flagged only where that part pushed
   * it there (source-applied.ts belowZeroCauses; a rest below zero has at least one): `overApplied` — the applications alone exceed
   * the amount (then the only flag); `overRefunded` — refunds took more than the applications left; `overDebited` — of a Billing
   * credit note, debit notes (`debited`) did. Refunds and debit notes are both flagged when each alone fit and together they did not.
   */
  overApplied: z.literal(true).optional(),
  overRefunded: z.literal(true).optional(),
  overDebited: z.literal(true).optional(),
  /**
   * Applications in another currency than the record's own, net per currency: shown as they are, never summed into
   * `applied` or `unapplied` (Salesforce states no rate between them here).
   */
  otherCurrency: z.array(z.object({ currency: z.string(), amount: z.number() })).optional(),
});
export type CustomerRecord = z.infer<typeof customerRecordSchema>;

/**
 * A Salesforce Billing debit note of the customer (`blng__DebitNote__c`): its own receivable (a late fee, a price correction),
 * with the balance Salesforce states (`blng__Balance__c`, what is still to be settled). Never part of an invoice's arithmetic.
 */
export const customerDebitNoteSchema = z.object({
  id,
  number: z.string().nullable(),
  date: isoDate.nullable(),
  status: z.string().nullable(),
  currency: z.string(),
  amount: z.number().nullable(),
  balance: z.number().nullable(),
});
export type CustomerDebitNote = z.infer<typeof customerDebitNoteSchema>;

/**
 * A refund line of one of the customer's Salesforce Billing credit notes (`blng__RefundLineCreditNoteLine__c`, through the
 * note's line) that pays money back: Posted (or without a status), a positive amount. `amount` is signed as paid back: +
 * for a refund, − for a line that takes an earlier one back (Unallocation).
 */
export const customerCreditRefundSchema = z.object({
  /** The refund line's id (open it in Salesforce with `invoices.openInSalesforce`). */
  id,
  date: isoDate.nullable(),
  creditNoteId: id,
  creditNoteNumber: z.string().nullable(),
  currency: z.string(),
  amount: z.number(),
});
export type CustomerCreditRefund = z.infer<typeof customerCreditRefundSchema>;

/**
 * One customer's money besides their invoices, from the offline copy (works offline). A customer is an account
 * (`invoices.customer` with `account`: the invoices' `customerId`) or, without an id, the account name the invoices
 * show (`InvoiceRow.customer`); payments and credit notes carry their account's id and name, and by name alone
 * belong to the customer when that name is the same (so two accounts of one name are one customer: `accounts` says
 * how many accounts were matched).
 */
export const customerLedgerSchema = z.object({
  customer: z.string(),
  /** False when the org has no payment objects for this invoice object (then `note` says why). */
  available: z.boolean(),
  note: z.string().nullable(),
  /** Distinct Salesforce accounts whose name is this customer's. */
  accounts: z.number().int().nonnegative(),
  /** Every payment of the customer, newest first. */
  payments: z.array(customerRecordSchema),
  /** The customer's credit notes that are not wholly applied, newest first. */
  credits: z.array(customerRecordSchema),
  /**
   * The customer's debit notes still open (balance ≠ 0, not Draft / Cancelled), newest first; absent where the org has no
   * readable Billing debit note object (Revenue Cloud — its DebitMemo is not synced, invoices/README.md —, a custom invoice object, or hidden from the user).
   * Given whenever that object is read, even with the payments unreadable (`available` false): they need no payment.
   */
  debitNotes: z.array(customerDebitNoteSchema).optional(),
  /**
   * Refunds of the customer's Billing credit notes that count — every counted credit note of theirs, applied to an invoice or
   * not (money paid out to them; Billing refunds a credit note from its available balance, usually after unallocating it): what
   * a statement lists for a period. Oldest first; absent where the org has no readable credit note refund lines (Revenue Cloud, a custom invoice object, hidden
   * from the user).
   */
  creditRefunds: z.array(customerCreditRefundSchema).optional(),
  /**
   * Per currency: Σ unapplied of the payments (unapplied cash) and of the credit notes, each as it is (one below zero lowers the
   * sum, never clamped); `cashBelowZero` / `creditsBelowZero`: how many of those payments / credit notes are below zero (absent:
   * none), so the sum says so — each has its flag beside it (customerRecordSchema overApplied / overRefunded / overDebited).
   */
  unapplied: z.array(z.object({
    currency: z.string(), cash: z.number(), credits: z.number(),
    cashBelowZero: z.number().int().positive().optional(), creditsBelowZero: z.number().int().positive().optional(),
  })),
  /** Objects or fields that could not be read, from the last sync. */
  warnings: z.array(z.string()),
  /**
   * Which part of the customer's money could not be read (`warnings` name the objects and fields): 'payments' — a payment or
   * credit object or its applications (then `available` is false: no payments, credit notes or unapplied sums are given);
   * 'creditRefunds' — a Salesforce Billing org's credit notes, their lines or refund lines (then no `creditRefunds`).
   * Absent: everything the org has was read. `creditRefunds` are given whenever their own objects are read, payments or not.
   */
  unreadable: z.array(z.enum(['payments', 'creditRefunds'])).optional(),
});
export type CustomerLedger = z.infer<typeof customerLedgerSchema>;
