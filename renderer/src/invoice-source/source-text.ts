import type { InvoiceFieldKey, InvoiceObject, Mapping } from '../../../electron/contract';

/** What each kind of invoice object is, in the words of an accountant rather than an admin. */
export const shapeText: Record<InvoiceObject['shape'], { title: string; explain: string }> = {
  Invoice: {
    title: 'Revenue Cloud invoices',
    explain: 'Salesforce’s standard Invoice object, used by Revenue Cloud billing.',
  },
  blng__Invoice__c: {
    title: 'Salesforce Billing',
    explain: 'Invoices from the Salesforce Billing package (blng).',
  },
  custom: {
    title: 'Custom object',
    explain: 'An invoice object your company built itself. Check that its fields are matched correctly.',
  },
};

/** The invoice fields Budgetly shows, in the order the mapping editor lists them. */
export const canonicalFields: readonly { key: InvoiceFieldKey; label: string; hint: string }[] = [
  { key: 'number', label: 'Invoice number', hint: 'The number your customers see.' },
  { key: 'customer', label: 'Customer', hint: 'The account billed; Budgetly shows its name.' },
  { key: 'invoiceDate', label: 'Invoice date', hint: 'The day the invoice was issued.' },
  { key: 'dueDate', label: 'Due date', hint: 'Used for aging and days overdue.' },
  { key: 'status', label: 'Status', hint: 'e.g. Draft, Posted, Paid.' },
  { key: 'total', label: 'Total', hint: 'The amount invoiced, including tax.' },
  { key: 'balance', label: 'Balance', hint: 'What is still open.' },
  { key: 'currency', label: 'Currency', hint: 'Empty in single-currency orgs: the org’s currency is used.' },
  { key: 'lastModified', label: 'Last modified', hint: 'Lets Budgetly fetch only what changed.' },
];

export type AvailableField = Mapping['available'][number];

/** The fields that can fill `key` (by type), the currently mapped one always among them. */
export function compatibleFields(available: readonly AvailableField[], key: InvoiceFieldKey, current: string | undefined): AvailableField[] {
  return available.filter((field) => field.name === current || (field.fits ?? []).includes(key));
}
