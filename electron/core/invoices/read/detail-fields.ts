import type { InvoiceDetail } from '../../../contract';
import { isScalarField, type FieldDescribe, type ObjectDescribe } from '../mapping/describe-types';
import { readPath, type SalesforceRecord } from '../mapping/row-mapper';

type Field = InvoiceDetail['fields'][number];
type Value = Field['value'];

/**
 * The record's bookkeeping, which no accountant reads: shown under "More" in the detail panel. Lookups (ids) that
 * are not shown by name go there too; the customer and the payment terms are shown by their names.
 */
const SYSTEM_FIELDS = new Set([
  'id', 'isdeleted', 'systemmodstamp', 'createdbyid', 'createddate', 'lastmodifiedbyid', 'lastvieweddate',
  'lastreferenceddate', 'ownerid', 'recordtypeid', 'connectionreceivedid', 'connectionsentid', 'setupownerid',
]);

const TERMS = /payment[\s_]*terms?\b|payment[\s_]*terms?_{0,2}c$/i;
const TERMS_TYPES = new Set(['picklist', 'string', 'combobox', 'textarea', 'reference']);

/**
 * The invoice object's payment-terms field, if describe offers one (a field named or labelled "Payment Term(s)":
 * `blng__PaymentTerm__c`, a custom `Payment_Terms__c`, a lookup `PaymentTermId` to the PaymentTerm object).
 * A lookup is read by the related record's Name.
 */
export function termsField(describe: ObjectDescribe): { field: FieldDescribe; path: string } | null {
  for (const field of describe.fields) {
    if (!TERMS_TYPES.has(field.type) || !(TERMS.test(field.name) || TERMS.test(field.label))) continue;
    if (field.type !== 'reference') return { field, path: field.name };
    if (field.relationshipName) return { field, path: `${field.relationshipName}.Name` };
  }
  return null;
}

function scalar(value: unknown): Value {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

/** Names to SELECT for the detail: every readable field, the mapped paths and the terms (by name for a lookup). */
export function detailSelect(describe: ObjectDescribe, extra: string[]): string[] {
  const terms = termsField(describe);
  return [...describe.fields.filter(isScalarField).map((field) => field.name), ...extra, ...(terms ? [terms.path] : [])];
}

/**
 * Every readable field of the record, labelled, in describe order. A lookup that the mapping reads by name
 * (`namedPaths`, the mapping plan's paths: the customer's BillingAccountId → BillingAccount.Name) shows that name, as does the terms lookup; other lookups
 * (ids) and the system's bookkeeping are marked `system` (the panel folds them under "More").
 */
export function detailFields(describe: ObjectDescribe, namedPaths: Iterable<string>, record: SalesforceRecord): { fields: Field[]; terms: string | null } {
  const named = new Set(namedPaths);
  const terms = termsField(describe);
  if (terms?.field.type === 'reference') named.add(terms.path);
  const fields = describe.fields.filter(isScalarField).map((field): Field => {
    const byName = field.type === 'reference' && field.relationshipName ? `${field.relationshipName}.Name` : null;
    if (byName && named.has(byName)) return { name: field.name, label: field.label, value: scalar(readPath(record, byName)), type: 'string' };
    const system = SYSTEM_FIELDS.has(field.name.toLowerCase()) || field.type === 'id' || field.type === 'reference';
    return { name: field.name, label: field.label, value: scalar(record[field.name]), type: field.type, ...(system ? { system } : {}) };
  });
  const termsValue = terms ? scalar(readPath(record, terms.path)) : null;
  return { fields, terms: termsValue === null || termsValue === '' ? null : String(termsValue) };
}
