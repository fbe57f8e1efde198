import { englishMessage } from '../../../contract/i18n/spoken-messages';
/**
 * Objects synced with the invoices (besides the invoices themselves): what each one is for (its
 * role), which Salesforce object plays it for a given invoice object, and which of its fields fill
 * which canonical key. New families (currency rates, documents …) add specs here; discovery, sync,
 * the offline copy and its journal handle every spec the same way (see ../README.md).
 */
export interface RelatedFieldSpec {
  /** The field's API name in this family. */
  name: string;
  /** Without it the object is of no use (its absence is a warning and the object is skipped). */
  required?: boolean;
  /** A lookup whose record name is also kept (`<relationship>.Name`, or the target's name field). */
  withName?: string;
}

export interface RelatedObjectSpec {
  role: RelatedRole;
  /**
   * Always fetched whole (a full query every sync): small objects without IsDeleted, whose removed records
   * an incremental queryAll could not see (the currency rates).
   */
  whole?: boolean;
  /** What the user calls it, for warnings. */
  label: string;
  object: string;
  fields: Record<string, RelatedFieldSpec>;
}

/**
 * `refundApplication`: a refund line applied to (or, reversed, taken back from) a payment — never to an invoice (issue 13,
 * ../README.md "Refunds and debit notes"): it lowers what is unapplied of its payment and enters no invoice's arithmetic.
 */
/**
 * `debitNote`: a Salesforce Billing debit note — its own receivable with its own balance, not an application to an invoice
 * (../README.md "Debit notes"): shown among the customer's money, never in an invoice's arithmetic.
 */
/**
 * `creditNoteLine` / `creditRefundApplication`: Salesforce Billing refunds a credit note through a refund line on one of its
 * *lines* (`blng__RefundLineCreditNoteLine__c` → `blng__CreditNoteLine__c` → `blng__CreditNote__c`); the credit note lines are
 * synced only as far as the refund lines need them (which credit note each belongs to). A refund lowers what is not yet applied
 * of its credit note (read/refund-lines.ts) and enters no invoice's arithmetic.
 */
export type RelatedRole = 'payment' | 'paymentApplication' | 'creditNote' | 'creditApplication' | 'refundApplication' | 'debitNote'
  | 'creditNoteLine' | 'creditRefundApplication' | 'currency' | 'datedRate';

const f = (name: string, extra: Omit<RelatedFieldSpec, 'name'> = {}): RelatedFieldSpec => ({ name, ...extra });

/** Revenue Cloud (standard `Invoice`): Payment / PaymentLineInvoice, CreditMemo / CreditMemoInvApplication. */
const REVENUE_CLOUD: RelatedObjectSpec[] = [
  {
    role: 'payment', label: englishMessage('objectPayments'), object: 'Payment',
    fields: { number: f('PaymentNumber'), account: f('AccountId', { withName: 'Account.Name' }), amount: f('Amount', { required: true }),
      date: f('Date'), status: f('Status'), method: f('Type'), currency: f('CurrencyIsoCode') },
  },
  {
    role: 'paymentApplication', label: englishMessage('objectPaymentApplications'), object: 'PaymentLineInvoice',
    fields: { source: f('PaymentId', { required: true }), invoice: f('InvoiceId', { required: true }),
      amount: f('Amount', { required: true }), type: f('Type', { required: true }), date: f('AppliedDate'), created: f('CreatedDate'), currency: f('CurrencyIsoCode') },
  },
  {
    role: 'creditNote', label: englishMessage('objectCreditMemos'), object: 'CreditMemo',
    fields: { number: f('DocumentNumber'), account: f('BillingAccountId', { withName: 'BillingAccount.Name' }), amount: f('TotalAmountWithTax', { required: true }),
      date: f('CreditDate'), status: f('Status'), currency: f('CurrencyIsoCode') },
  },
  {
    role: 'creditApplication', label: englishMessage('objectCreditMemoApplications'), object: 'CreditMemoInvApplication',
    fields: { source: f('CreditMemoId', { required: true }), invoice: f('InvoiceId', { required: true }),
      amount: f('Amount', { required: true }), type: f('Type', { required: true }), date: f('AppliedDate'), created: f('CreatedDate'), currency: f('CurrencyIsoCode') },
  },
  {
    // Object reference, RefundLinePayment (API 48+): PaymentId, RefundId, Amount, Type Applied / Unapplied, AppliedDate.
    role: 'refundApplication', label: englishMessage('objectRefundLines'), object: 'RefundLinePayment',
    fields: { number: f('RefundLinePaymentNumber'), payment: f('PaymentId', { required: true }), refund: f('RefundId'), amount: f('Amount', { required: true }),
      type: f('Type', { required: true }), date: f('AppliedDate'), created: f('CreatedDate'), currency: f('CurrencyIsoCode') },
  },
];

/** Salesforce Billing (`blng__Invoice__c`): payments, payment allocations, credit notes, credit note allocations. */
const BILLING: RelatedObjectSpec[] = [
  {
    role: 'payment', label: englishMessage('objectBillingPayments'), object: 'blng__Payment__c',
    fields: { number: f('Name'), account: f('blng__Account__c', { withName: 'blng__Account__r.Name' }), amount: f('blng__Amount__c', { required: true }),
      date: f('blng__PaymentDate__c'), status: f('blng__Status__c'), method: f('blng__PaymentType__c'), currency: f('CurrencyIsoCode') },
  },
  {
    role: 'paymentApplication', label: englishMessage('objectPaymentAllocations'), object: 'blng__PaymentAllocationInvoice__c',
    fields: { source: f('blng__Payment__c', { required: true }), invoice: f('blng__Invoice__c', { required: true }),
      amount: f('blng__Amount__c', { required: true }), type: f('blng__Type__c', { required: true }), created: f('CreatedDate'), currency: f('CurrencyIsoCode') },
  },
  {
    role: 'creditNote', label: englishMessage('objectCreditNotes'), object: 'blng__CreditNote__c',
    fields: { number: f('Name'), account: f('blng__Account__c', { withName: 'blng__Account__r.Name' }), amount: f('blng__TotalAmount__c', { required: true }),
      date: f('blng__CreditNoteDate__c'), status: f('blng__Status__c'), currency: f('CurrencyIsoCode') },
  },
  {
    role: 'creditApplication', label: englishMessage('objectCreditNoteAllocations'), object: 'blng__CreditNoteAllocation__c',
    fields: { source: f('blng__CreditNote__c', { required: true }), invoice: f('blng__Invoice__c', { required: true }),
      amount: f('blng__Amount__c', { required: true }), type: f('blng__Type__c', { required: true }), created: f('CreatedDate'), currency: f('CurrencyIsoCode') },
  },
  {
    // Billing developer guide, blng__RefundLinePayment__c: blng__Payment__c and blng__Refund__c (master-detail), blng__Amount__c,
    // blng__RefundLineDate__c, blng__Status__c (Draft / Posted / Cancelled), blng__Type__c (Allocation / Unallocation).
    role: 'refundApplication', label: englishMessage('objectRefundLines'), object: 'blng__RefundLinePayment__c',
    fields: { number: f('Name'), payment: f('blng__Payment__c', { required: true }), refund: f('blng__Refund__c'), amount: f('blng__Amount__c', { required: true }),
      type: f('blng__Type__c', { required: true }), date: f('blng__RefundLineDate__c'), status: f('blng__Status__c'), created: f('CreatedDate'),
      currency: f('CurrencyIsoCode') },
  },
  {
    // Billing developer guide, blng__DebitNote__c: blng__Account__c (master-detail), blng__DebitNoteDate__c, blng__Status__c
    // (Cancelled / Draft / Posted), blng__TotalAmount__c and blng__Balance__c ("available for application"), both calculated.
    role: 'debitNote', label: englishMessage('objectDebitNotes'), object: 'blng__DebitNote__c',
    fields: { number: f('Name'), account: f('blng__Account__c', { withName: 'blng__Account__r.Name' }), amount: f('blng__TotalAmount__c', { required: true }),
      balance: f('blng__Balance__c', { required: true }), date: f('blng__DebitNoteDate__c'), status: f('blng__Status__c'), currency: f('CurrencyIsoCode') },
  },
  {
    // Billing developer guide, blng__CreditNoteLine__c: blng__CreditNote__c (master-detail). Only what ties a refund line to its
    // credit note is synced (no amounts, products or tax: the credit note states those), and blng__Debits__c (calculated: the debit
    // notes allocated to the line; the guide's blng__Balance__c = total − allocations + unallocations − refunds − debits), which
    // lowers what is not yet applied of the credit note as a refund does (read/source-applied.ts).
    role: 'creditNoteLine', label: englishMessage('objectCreditNoteLines'), object: 'blng__CreditNoteLine__c',
    fields: { number: f('Name'), creditNote: f('blng__CreditNote__c', { required: true }), debits: f('blng__Debits__c'), currency: f('CurrencyIsoCode') },
  },
  {
    // Billing developer guide, blng__RefundLineCreditNoteLine__c: blng__CreditNoteLine__c and blng__Refund__c (master-detail),
    // blng__Amount__c, blng__Status__c (Cancelled / Draft / Posted), blng__Type__c (Allocation / Unallocation); no date field of
    // its own (CreatedDate is its day).
    role: 'creditRefundApplication', label: englishMessage('objectCreditNoteRefundLines'), object: 'blng__RefundLineCreditNoteLine__c',
    fields: { number: f('Name'), creditNoteLine: f('blng__CreditNoteLine__c', { required: true }), refund: f('blng__Refund__c'),
      amount: f('blng__Amount__c', { required: true }), type: f('blng__Type__c', { required: true }), status: f('blng__Status__c'), created: f('CreatedDate'),
      currency: f('CurrencyIsoCode') },
  },
];

/**
 * The org's currencies and rates (multi-currency orgs, whatever the invoice object): `CurrencyType` (one
 * record per currency, the corporate one at rate 1) and, with advanced currency management,
 * `DatedConversionRate` periods [StartDate, NextStartDate). Issue #14; read by electron/contract/conversion/.
 */
export const RATE_SPECS: RelatedObjectSpec[] = [
  {
    role: 'currency', label: englishMessage('objectCurrencies'), object: 'CurrencyType', whole: true,
    fields: { iso: f('IsoCode', { required: true }), rate: f('ConversionRate', { required: true }), decimals: f('DecimalPlaces'),
      active: f('IsActive'), corporate: f('IsCorporate', { required: true }) },
  },
  {
    role: 'datedRate', label: englishMessage('objectDatedRates'), object: 'DatedConversionRate', whole: true,
    fields: { iso: f('IsoCode', { required: true }), rate: f('ConversionRate', { required: true }), start: f('StartDate', { required: true }),
      next: f('NextStartDate') },
  },
];

/** The currency roles, which are no payment or credit record. */
export function isRateRole(role: RelatedRole): boolean {
  return role === 'currency' || role === 'datedRate';
}

/** Application types that take an earlier application back. */
export const REVERSAL_TYPES = new Set(['unapplied', 'unallocation']);

/**
 * Whether the family of related objects a copy holds (Revenue Cloud's or Billing's, told by the objects it has) has an object
 * playing `role`: one that is not in the copy then was not readable (hidden from the user, or not in this org).
 */
export function familyHasRole(objects: readonly { object: string }[], role: RelatedRole): boolean {
  return [REVENUE_CLOUD, BILLING].some((family) => family.some((spec) => spec.role === role) && family.some((spec) => objects.some((o) => o.object === spec.object)));
}

/** The related objects that go with an invoice object; none for a custom invoice object. */
export function relatedSpecsFor(invoiceObject: string): RelatedObjectSpec[] {
  if (invoiceObject === 'Invoice') return REVENUE_CLOUD;
  if (invoiceObject === 'blng__Invoice__c') return BILLING;
  return [];
}
