import type { TFunction } from 'i18next';
import type { InvoiceFieldKey, InvoiceObject, Mapping } from '../../../electron/contract';

type T = TFunction<['invoiceSource', 'columns']>;

/** What each kind of invoice object is, in the words of an accountant rather than an admin. */
export function shapeText(t: T, shape: InvoiceObject['shape']): { title: string; explain: string } {
  switch (shape) {
    case 'Invoice':
      return { title: t('shapeInvoiceTitle'), explain: t('shapeInvoiceExplain') };
    case 'blng__Invoice__c':
      return { title: t('shapeBillingTitle'), explain: t('shapeBillingExplain') };
    default:
      return { title: t('shapeCustomTitle'), explain: t('shapeCustomExplain') };
  }
}

/** The invoice fields Budgetly shows, in the order the mapping editor lists them. */
export const canonicalFields: readonly InvoiceFieldKey[] = ['number', 'customer', 'invoiceDate', 'dueDate', 'status', 'total', 'balance', 'currency', 'lastModified'];

/** Each invoice field's name and what it is for. */
export function fieldText(t: T, key: InvoiceFieldKey): { label: string; hint: string } {
  return {
    number: { label: t('fieldNumber'), hint: t('hintNumber') },
    customer: { label: t('columns:customer'), hint: t('hintCustomer') },
    invoiceDate: { label: t('columns:invoiceDate'), hint: t('hintInvoiceDate') },
    dueDate: { label: t('columns:dueDate'), hint: t('hintDueDate') },
    status: { label: t('columns:status'), hint: t('hintStatus') },
    total: { label: t('columns:total'), hint: t('hintTotal') },
    balance: { label: t('columns:balance'), hint: t('hintBalance') },
    currency: { label: t('columns:currency'), hint: t('hintCurrency') },
    lastModified: { label: t('columns:lastModified'), hint: t('hintLastModified') },
  }[key];
}

export type AvailableField = Mapping['available'][number];

/** The fields that can fill `key` (by type), the currently mapped one always among them. */
export function compatibleFields(available: readonly AvailableField[], key: InvoiceFieldKey, current: string | undefined): AvailableField[] {
  return available.filter((field) => field.name === current || (field.fits ?? []).includes(key));
}
