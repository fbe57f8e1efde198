import { describe, expect, it } from 'vitest';
import type { ObjectDescribe } from '../../../electron/core/invoices/mapping/describe-types';
import type { SyncMapping } from '../../../electron/core/invoices/mapping/mapping-service';
import type { OrgMetadata } from '../../../electron/core/invoices/mapping/org-metadata';
import { planRecord } from '../../../electron/core/invoices/record/record-plan';
import type { SalesforceConnection } from '../../../electron/core/salesforce/jsforce-adapter';

/** Describe answers as an org gives them (the org's word: a name need not be one SOQL can carry). */
function orgOf(...describes: ObjectDescribe[]): OrgMetadata {
  return { describe: async (_conn: unknown, name: string) => describes.find((d) => d.name === name)! } as unknown as OrgMetadata;
}
const conn = {} as SalesforceConnection;
const mapping: SyncMapping = {
  object: 'Invoice', signature: 'm', defaultCurrency: 'USD', warnings: [],
  plan: { object: 'Invoice', paths: { number: 'DocumentNumber', total: 'TotalAmountWithTax' }, modstamp: 'SystemModstamp' },
};
const invoice = (fields: string[], lines = true): ObjectDescribe => ({
  name: 'Invoice', label: 'Invoice',
  fields: ['Id', 'DocumentNumber', 'TotalAmountWithTax', 'SystemModstamp', ...fields].map((name) => ({ name, label: name, type: 'string' })),
  childRelationships: lines ? [{ childSObject: 'InvoiceLine', field: 'InvoiceId', relationshipName: 'InvoiceLines' }] : [],
});
const invoiceLine = (hidden: string[] = []): ObjectDescribe => ({
  name: 'InvoiceLine', label: 'Invoice Line',
  fields: [
    { name: 'Id', label: 'Id', type: 'id' }, { name: 'InvoiceId', label: 'Invoice', type: 'reference' }, { name: 'Name', label: 'Invoice Line Name', type: 'string' },
    { name: 'Description', label: 'Description', type: 'string' }, { name: 'Quantity', label: 'Quantity', type: 'double' },
    { name: 'UnitPrice', label: 'Unit Price', type: 'currency' }, { name: 'LineAmount', label: 'Line Amount', type: 'currency' },
    { name: 'SystemModstamp', label: 'System Modstamp', type: 'datetime' },
  ].filter((field) => !hidden.includes(field.name)),
});

describe('what the record phase selects, and what it says it leaves out (issue #13, lows)', () => {
  it('a describe field whose name SOQL cannot carry is left out and said; every other field is kept', async () => {
    const plan = await planRecord(orgOf(invoice(['Memo__c', 'Bad Name, (SELECT Id FROM User)', 'Note__c']), invoiceLine()), conn, mapping);
    expect(plan.fields.select).toEqual(expect.arrayContaining(['Id', 'DocumentNumber', 'Memo__c', 'Note__c']));
    expect(plan.fields.select.some((name) => name.includes(' '))).toBe(false);
    expect(plan.warnings).toEqual(['The field “Bad Name, (SELECT Id FROM User)” of Invoice has a name Budgetly cannot ask Salesforce for: it is left out of the invoices kept offline.']);
    expect(plan.lines?.columns).toEqual({ name: 'Name', description: 'Description', quantity: 'Quantity', unitPrice: 'UnitPrice', amount: 'LineAmount' });
  });

  it('says nothing when every field is there', async () => {
    expect((await planRecord(orgOf(invoice(['Memo__c']), invoiceLine()), conn, mapping)).warnings).toEqual([]);
  });

  it('a line field of a known line object hidden by field-level security: said, the other columns kept', async () => {
    const plan = await planRecord(orgOf(invoice([]), invoiceLine(['Quantity', 'UnitPrice'])), conn, mapping);
    expect(plan.lines?.columns).toEqual({ name: 'Name', description: 'Description', amount: 'LineAmount' });
    expect(plan.warnings).toEqual([
      'Lines kept offline: the field Quantity of InvoiceLine is hidden from you (field-level security) and left blank.',
      'Lines kept offline: the field UnitPrice of InvoiceLine is hidden from you (field-level security) and left blank.',
    ]);
  });

  it('the lines’ link to their invoice hidden: no lines are kept, and that is said', async () => {
    const plan = await planRecord(orgOf(invoice([]), invoiceLine(['InvoiceId'])), conn, mapping);
    expect(plan.lines).toBeNull();
    expect(plan.warnings).toEqual(['No lines are kept offline: the field InvoiceId that links InvoiceLine to their invoice is hidden from you (field-level security).']);
  });
});
