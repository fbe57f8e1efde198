import { describe, expect, it } from 'vitest';
import { chooseApiVersion } from '../../../electron/core/invoices/mapping/api-version';
import type { FieldDescribe, ObjectDescribe } from '../../../electron/core/invoices/mapping/describe-types';
import { findInvoiceObjects } from '../../../electron/core/invoices/mapping/discovery';
import { defaultMapping, resolveMapping, validateUserMapping } from '../../../electron/core/invoices/mapping/field-mapping';

const global = (name: string, label = name, custom = name.endsWith('__c'), queryable = true) => ({ name, label, custom, queryable });
const field = (name: string, type: string, label = name, extra: Partial<FieldDescribe> = {}): FieldDescribe => ({ name, type, label, ...extra });

describe('API version', () => {
  it('pins the highest version the org offers, up to 67.0', () => {
    expect(chooseApiVersion([{ version: '58.0' }, { version: '66.0' }, { version: '67.0' }, { version: '68.0' }])).toBe('67.0');
    expect(chooseApiVersion([{ version: '59.0' }, { version: '61.0' }])).toBe('61.0');
  });
  it('refuses an org with no usable version, with a clear message', () => {
    expect(() => chooseApiVersion([{ version: '31.0' }])).toThrow(/API version/);
  });
});

describe('finding invoice objects', () => {
  const globals = [
    global('Account'),
    global('SalesforceInvoice', 'Salesforce Invoice', false),
    global('Invoice_Line__c', 'Invoice Line'),
    global('blng__InvoiceLine__c', 'Invoice Line'),
    global('Invoice__c', 'Invoice'),
    global('Bill__c', 'Customer Invoice'),
    global('Invoice__History', 'Invoice History', false),
    global('blng__Invoice__c', 'Invoice'),
    global('Invoice', 'Invoice', false),
    global('Hidden_Invoice__c', 'Invoice', true, false),
  ];

  it('lists standard, Billing and custom invoice objects (queryable only, never SalesforceInvoice), standard recommended', () => {
    expect(findInvoiceObjects(globals, '67.0')).toEqual([
      { name: 'Invoice', label: 'Invoice', shape: 'Invoice', recommended: true },
      { name: 'blng__Invoice__c', label: 'Invoice', shape: 'blng__Invoice__c', recommended: false },
      { name: 'Bill__c', label: 'Customer Invoice', shape: 'custom', recommended: false },
      { name: 'Invoice__c', label: 'Invoice', shape: 'custom', recommended: false },
    ]);
  });

  it('leaves the standard Invoice out below API 62.0', () => {
    const found = findInvoiceObjects(globals, '61.0');
    expect(found.map((object) => object.name)).not.toContain('Invoice');
    expect(found[0]).toMatchObject({ name: 'blng__Invoice__c', recommended: true });
  });
});

const customInvoice: ObjectDescribe = {
  name: 'Invoice__c',
  label: 'Invoice',
  fields: [
    field('Id', 'id'),
    field('Name', 'string', 'Invoice Name'),
    field('Account__c', 'reference', 'Account', { referenceTo: ['Account'], relationshipName: 'Account__r' }),
    field('Invoice_Date__c', 'date', 'Invoice Date'),
    field('Due_Date__c', 'date', 'Due Date'),
    field('Status__c', 'picklist', 'Status'),
    field('Amount__c', 'currency', 'Amount'),
    field('Tax__c', 'currency', 'Tax'),
    field('Amount_Due__c', 'currency', 'Amount Due'),
    field('LastModifiedDate', 'datetime', 'Last Modified Date'),
    field('SystemModstamp', 'datetime', 'System Modstamp'),
  ],
};

describe('field mapping', () => {
  it('guesses a custom object’s fields from names, labels and types', () => {
    expect(defaultMapping(customInvoice, 'custom')).toEqual({
      number: 'Name',
      customer: 'Account__c',
      invoiceDate: 'Invoice_Date__c',
      dueDate: 'Due_Date__c',
      status: 'Status__c',
      total: 'Amount__c',
      balance: 'Amount_Due__c',
      lastModified: 'LastModifiedDate',
    });
  });

  it('drops a saved field that field-level security now hides, with a warning (no failure)', () => {
    const hidden = { ...customInvoice, fields: customInvoice.fields.filter((f) => f.name !== 'Amount_Due__c') };
    const { fields, warnings } = resolveMapping(hidden, 'custom', { balance: 'Amount_Due__c' });
    expect(fields.balance).toBeUndefined();
    expect(fields.total).toBe('Amount__c');
    expect(warnings).toEqual([expect.stringMatching(/^Balance is left empty: the field Amount_Due__c is not readable .*field-level security/)]);
  });

  it('warns about a hidden default field of a known object', () => {
    const invoice: ObjectDescribe = { name: 'Invoice', label: 'Invoice', fields: [field('Id', 'id'), field('DocumentNumber', 'string'), field('Balance', 'currency')] };
    const { warnings } = resolveMapping(invoice, 'Invoice', {});
    expect(warnings.some((warning) => /Due date is left empty: the field DueDate/.test(warning))).toBe(true);
  });

  it('accepts only fields describe returned, with a fitting type: hostile names never get through', () => {
    expect(validateUserMapping(customInvoice, { total: 'amount__c' })).toEqual({ total: 'Amount__c' });
    for (const hostile of ["Name FROM Invoice__c WHERE Name != ''", 'Name, (SELECT Id FROM Lines__r)', "x' OR '1'='1", 'Account__r.Name']) {
      expect(() => validateUserMapping(customInvoice, { number: hostile })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    }
    expect(() => validateUserMapping(customInvoice, { invoiceDate: 'Status__c' })).toThrow(/holds picklist values/);
  });
});
