import type { InvoiceFieldKey } from '../../../contract';

/** What each canonical invoice field is called in the app and which Salesforce field types can fill it. */
export const CANONICAL_FIELDS: Record<InvoiceFieldKey, { label: string; types: readonly string[] }> = {
  number: { label: 'Invoice number', types: ['string', 'id', 'picklist', 'combobox', 'textarea', 'int', 'double', 'long'] },
  customer: { label: 'Customer', types: ['reference', 'string', 'picklist', 'combobox', 'textarea'] },
  invoiceDate: { label: 'Invoice date', types: ['date', 'datetime'] },
  dueDate: { label: 'Due date', types: ['date', 'datetime'] },
  status: { label: 'Status', types: ['picklist', 'string', 'combobox', 'textarea'] },
  total: { label: 'Total', types: ['currency', 'double', 'int', 'long', 'percent'] },
  balance: { label: 'Balance', types: ['currency', 'double', 'int', 'long', 'percent'] },
  currency: { label: 'Currency', types: ['picklist', 'string', 'combobox'] },
  lastModified: { label: 'Last modified', types: ['datetime', 'date'] },
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
