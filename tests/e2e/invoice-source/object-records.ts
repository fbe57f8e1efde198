import type { OrgInvoice } from '../workspace/expected';

/** Which field of an org object holds each invoice value (a relationship name for the customer). */
export interface ObjectFields {
  number: string;
  customerRelationship: string;
  invoiceDate: string;
  dueDate: string;
  status: string;
  total: string;
  balance: string;
}

export const BILLING_FIELDS: ObjectFields = {
  number: 'Name',
  customerRelationship: 'blng__Account__r',
  invoiceDate: 'blng__InvoiceDate__c',
  dueDate: 'blng__DueDate__c',
  status: 'blng__InvoiceStatus__c',
  total: 'blng__TotalAmount__c',
  balance: 'blng__Balance__c',
};

export const CUSTOM_FIELDS: ObjectFields = {
  number: 'Name',
  customerRelationship: 'Account__r',
  invoiceDate: 'Invoice_Date__c',
  dueDate: 'Due_Date__c',
  status: 'Status__c',
  total: 'Amount__c',
  balance: 'Amount_Due__c',
};

/** An org object's records (`org.control.records(object)`) as the workspace should show them under `fields`. */
export function invoicesOf(records: Record<string, unknown>[], fields: ObjectFields): OrgInvoice[] {
  return records.map((r) => ({
    id: String(r.Id),
    number: String(r[fields.number]),
    customer: ((r[fields.customerRelationship] as { Name?: string } | null)?.Name ?? null) || null,
    invoiceDate: (r[fields.invoiceDate] as string | null) ?? null,
    dueDate: (r[fields.dueDate] as string | null) ?? null,
    status: (r[fields.status] as string | null) ?? null,
    total: (r[fields.total] as number | null) ?? null,
    balance: (r[fields.balance] as number | null) ?? null,
    currency: String(r.CurrencyIsoCode ?? 'USD'),
  }));
}
