import { englishMessage } from '../../../contract/i18n/spoken-messages';
import type { InvoiceFieldKey } from '../../../contract';

/** What each canonical invoice field is called in the app (English, said in the user's language inside the messages that name it) and which Salesforce field types can fill it. */
export const CANONICAL_FIELDS: Record<InvoiceFieldKey, { label: string; types: readonly string[] }> = {
  number: { label: englishMessage('fieldNumber'), types: ['string', 'id', 'picklist', 'combobox', 'textarea', 'int', 'double', 'long'] },
  customer: { label: englishMessage('fieldCustomer'), types: ['reference', 'string', 'picklist', 'combobox', 'textarea'] },
  invoiceDate: { label: englishMessage('fieldInvoiceDate'), types: ['date', 'datetime'] },
  dueDate: { label: englishMessage('fieldDueDate'), types: ['date', 'datetime'] },
  status: { label: englishMessage('fieldStatus'), types: ['picklist', 'string', 'combobox', 'textarea'] },
  total: { label: englishMessage('fieldTotal'), types: ['currency', 'double', 'int', 'long', 'percent'] },
  balance: { label: englishMessage('fieldBalance'), types: ['currency', 'double', 'int', 'long', 'percent'] },
  currency: { label: englishMessage('fieldCurrency'), types: ['picklist', 'string', 'combobox'] },
  lastModified: { label: englishMessage('fieldLastModified'), types: ['datetime', 'date'] },
};

/** Default Salesforce fields per known object, in order of preference. */
export const KNOWN_DEFAULTS: Record<'Invoice' | 'blng__Invoice__c', Record<InvoiceFieldKey, readonly string[]>> = {
  Invoice: {
    number: ['DocumentNumber', 'Name'],
    customer: ['BillingAccountId'],
    invoiceDate: ['InvoiceDate'],
    dueDate: ['DueDate'],
    status: ['Status'],
    // The amount the balance is measured against is the total including tax.
    total: ['TotalAmountWithTax', 'TotalAmount'],
    balance: ['Balance'],
    currency: ['CurrencyIsoCode'],
    lastModified: ['LastModifiedDate', 'SystemModstamp'],
  },
  blng__Invoice__c: {
    number: ['Name'],
    customer: ['blng__Account__c'],
    invoiceDate: ['blng__InvoiceDate__c'],
    dueDate: ['blng__DueDate__c'],
    status: ['blng__InvoiceStatus__c'],
    total: ['blng__TotalAmount__c'],
    balance: ['blng__Balance__c'],
    currency: ['CurrencyIsoCode'],
    lastModified: ['LastModifiedDate', 'SystemModstamp'],
  },
};
