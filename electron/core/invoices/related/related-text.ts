import { englishMessage } from '../../../contract/i18n/spoken-messages';

/**
 * Words the receivables core keeps with the offline copy (discovery warnings, why an application is not
 * counted): the catalogue's `coreMessages:related…`, built in English and said in the user's language where
 * they leave the core (invoices.receivables, invoices.list).
 */
export const relatedText = {
  notInCopyYet: englishMessage('relatedNotInCopyYet'),
  noReadableObjects: englishMessage('relatedNoReadableObjects'),
  someUnreadable: englishMessage('relatedSomeUnreadable'),
  noneForObject: (invoiceObject: string) => englishMessage('relatedNoneForObject', { invoiceObject }),
  objectUnreadable: (label: string, object: string) => englishMessage('relatedObjectUnreadable', { label, object }),
  requiredFieldsHidden: (label: string, hidden: string[]) =>
    englishMessage(hidden.length > 1 ? 'relatedRequiredHiddenMany' : 'relatedRequiredHiddenOne', { label, fields: hidden.join(', ') }),
  optionalFieldsHidden: (label: string, hidden: string[]) =>
    englishMessage(hidden.length > 1 ? 'relatedOptionalHiddenMany' : 'relatedOptionalHiddenOne', { label, fields: hidden.join(', ') }),
  otherCurrency: (entryCurrency: string, invoiceCurrency: string) => englishMessage('relatedOtherCurrency', { entryCurrency, invoiceCurrency }),
  notPositive: englishMessage('relatedNotPositive'),
  refundNotCounted: englishMessage('relatedRefundNotCounted'),
  refundOtherCurrency: (refundCurrency: string, paymentCurrency: string) => englishMessage('relatedRefundOtherCurrency', { refundCurrency, paymentCurrency }),
  creditRefundOtherCurrency: (refundCurrency: string, creditCurrency: string) => englishMessage('relatedCreditRefundOtherCurrency', { refundCurrency, creditCurrency }),
  sourceMissing: (kind: 'payment' | 'credit') => englishMessage(kind === 'payment' ? 'relatedPaymentMissing' : 'relatedCreditMissing'),
} as const;
