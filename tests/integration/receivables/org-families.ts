/**
 * The org's objects and field names per family (Revenue Cloud's `Invoice`, Billing's `blng__Invoice__c`), as Salesforce has
 * them, and the units money is counted in: what every expected figure of these tests reads the org's records with.
 */

/** Names of one family's objects and fields, as Salesforce has them (independent of the app's specs). */
export const FAMILIES = {
  Invoice: {
    total: 'TotalAmountWithTax', balance: 'Balance', status: 'Status', invoiceDate: 'InvoiceDate', dueDate: 'DueDate', appDate: 'AppliedDate',
    payment: 'Payment', paymentApp: 'PaymentLineInvoice', credit: 'CreditMemo', creditApp: 'CreditMemoInvApplication',
    appInvoice: 'InvoiceId', paymentRef: 'PaymentId', creditRef: 'CreditMemoId', amount: 'Amount', type: 'Type', reversal: 'Unapplied',
    sourceStatus: 'Status', paymentDate: 'Date',
    refundLine: 'RefundLinePayment', refundPayment: 'PaymentId', refundReversal: 'Unapplied', refundStatus: null, refundDate: 'AppliedDate',
  },
  blng__Invoice__c: {
    total: 'blng__TotalAmount__c', balance: 'blng__Balance__c', status: 'blng__InvoiceStatus__c', invoiceDate: 'blng__InvoiceDate__c', dueDate: 'blng__DueDate__c', appDate: 'CreatedDate',
    payment: 'blng__Payment__c', paymentApp: 'blng__PaymentAllocationInvoice__c', credit: 'blng__CreditNote__c', creditApp: 'blng__CreditNoteAllocation__c',
    appInvoice: 'blng__Invoice__c', paymentRef: 'blng__Payment__c', creditRef: 'blng__CreditNote__c', amount: 'blng__Amount__c', type: 'blng__Type__c', reversal: 'Unallocation',
    sourceStatus: 'blng__Status__c', paymentDate: 'blng__PaymentDate__c',
    refundLine: 'blng__RefundLinePayment__c', refundPayment: 'blng__Payment__c', refundReversal: 'Unallocation', refundStatus: 'blng__Status__c',
    refundDate: 'blng__RefundLineDate__c',
  },
} as const;

/** A payment or credit note that is money received / credit issued: the two statuses that are not are Draft and Canceled (both families' picklists). */
export const received = (record: Record<string, unknown>, statusField: string) => record[statusField] !== 'Draft' && record[statusField] !== 'Canceled';

/**
 * What an invoice's status means, as README ("Receivables are what is owed") gives each family's statuses — written out
 * here, not the app's status-kind code: Revenue Cloud's Draft, Pending and Error and Billing's Draft, Initiated and Error
 * are drafts; Canceled (Revenue Cloud), Cancelled and Rebilled (Billing) are cancelled; any other status, or none, is posted.
 */
export function invoiceStatusKind(status: unknown): 'draft' | 'posted' | 'cancelled' {
  if (status === 'Draft' || status === 'Pending' || status === 'Error' || status === 'Initiated') return 'draft';
  if (status === 'Canceled' || status === 'Cancelled' || status === 'Rebilled') return 'cancelled';
  return 'posted';
}

export const decimals = (currency: unknown) => (currency === 'JPY' ? 0 : 2);

/** Minor units of an amount (cents; whole yen), and back: how every expected figure here is counted. */
export const minor = (value: number, currency: string) => Math.round(value * 10 ** decimals(currency));
export const major = (minorUnits: number, currency: string) => minorUnits / 10 ** decimals(currency);
