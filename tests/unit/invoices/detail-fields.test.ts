import { describe, expect, it } from 'vitest';
import { detailFields, detailSelect, termsField } from '../../../electron/core/invoices/read/detail-fields';
import type { FieldDescribe, ObjectDescribe } from '../../../electron/core/invoices/mapping/describe-types';

const field = (name: string, label: string, type: string, more: Partial<FieldDescribe> = {}): FieldDescribe => ({ name, label, type, ...more });
const object = (fields: FieldDescribe[]): ObjectDescribe => ({ name: 'Invoice', label: 'Invoice', fields });
const plan = { object: 'Invoice', paths: { number: 'DocumentNumber', customer: 'BillingAccount.Name' }, modstamp: 'SystemModstamp' };

describe('the detail panel’s fields', () => {
  it('finds a payment-terms field by name or label, a lookup read by its record’s name; nothing else that says "payment"', () => {
    expect(termsField(object([field('blng__PaymentStatus__c', 'Payment Status', 'picklist'), field('blng__PaymentTerm__c', 'Payment Term', 'picklist')]))?.path).toBe('blng__PaymentTerm__c');
    expect(termsField(object([field('PaymentTermId', 'Payment Term ID', 'reference', { relationshipName: 'PaymentTerm', referenceTo: ['PaymentTerm'] })]))?.path).toBe('PaymentTerm.Name');
    expect(termsField(object([field('Terms__c', 'Payment terms', 'string')]))?.path).toBe('Terms__c');
    expect(termsField(object([field('blng__PaymentStatus__c', 'Payment Status', 'picklist'), field('Payment_Count__c', 'Payments', 'double')]))).toBeNull();
    // A lookup without a relationship name cannot be read by name: not offered as terms (its id would show).
    expect(termsField(object([field('PaymentTermId', 'Payment Term ID', 'reference')]))).toBeNull();
  });

  it('shows the customer lookup and the terms lookup by name, and folds ids and bookkeeping under system', () => {
    const describe = object([
      field('Id', 'Invoice ID', 'id'),
      field('IsDeleted', 'Deleted', 'boolean'),
      field('DocumentNumber', 'Document Number', 'string'),
      field('BillingAccountId', 'Billing Account ID', 'reference', { relationshipName: 'BillingAccount', referenceTo: ['Account'] }),
      field('BillToContactId', 'Contact ID', 'reference', { relationshipName: 'BillToContact', referenceTo: ['Contact'] }),
      field('PaymentTermId', 'Payment Term ID', 'reference', { relationshipName: 'PaymentTerm', referenceTo: ['PaymentTerm'] }),
      field('BillingAddress', 'Billing Address', 'address'),
      field('LastModifiedDate', 'Last Modified Date', 'datetime'),
      field('SystemModstamp', 'System Modstamp', 'datetime'),
      field('CreatedById', 'Created By ID', 'reference', { relationshipName: 'CreatedBy', referenceTo: ['User'] }),
    ]);
    expect(detailSelect(describe, ['Id', 'BillingAccount.Name'])).toEqual(expect.arrayContaining(['PaymentTerm.Name', 'BillingAccount.Name', 'IsDeleted']));
    expect(detailSelect(describe, [])).not.toContain('BillingAddress');
    const record = {
      Id: '3tt000000000001AAA', IsDeleted: false, DocumentNumber: 'INV-1', BillingAccountId: '001000000000001AAA', BillingAccount: { Name: 'Müller GmbH' },
      BillToContactId: '003000000000001AAA', PaymentTermId: '9pt000000000001AAA', PaymentTerm: { Name: 'Net 30' },
      LastModifiedDate: '2026-01-01T00:00:00.000+0000', SystemModstamp: '2026-01-01T00:00:00.000+0000', CreatedById: '005000000000001AAA',
    };
    const { fields, terms } = detailFields(describe, Object.values(plan.paths), record);
    expect(terms).toBe('Net 30');
    expect(fields.find((f) => f.name === 'BillingAccountId')).toMatchObject({ name: 'BillingAccountId', label: 'Billing Account ID', value: 'Müller GmbH' });
    expect(fields.find((f) => f.name === 'PaymentTermId')?.value).toBe('Net 30');
    expect(fields.filter((f) => f.system).map((f) => f.name)).toEqual(['Id', 'IsDeleted', 'BillToContactId', 'SystemModstamp', 'CreatedById']);
    expect(fields.filter((f) => !f.system).map((f) => f.name)).toEqual(['DocumentNumber', 'BillingAccountId', 'PaymentTermId', 'LastModifiedDate']);
    // Empty terms are no terms.
    expect(detailFields(describe, Object.values(plan.paths), { ...record, PaymentTerm: { Name: '' } }).terms).toBeNull();
    expect(detailFields(describe, Object.values(plan.paths), { ...record, PaymentTerm: null }).terms).toBeNull();
  });
});
