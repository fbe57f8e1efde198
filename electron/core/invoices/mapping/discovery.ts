import type { InvoiceObject } from '../../../contract';
import { supportsStandardInvoice } from './api-version';
import type { GlobalObject } from './describe-types';

export type InvoiceShape = InvoiceObject['shape'];

/** Salesforce's own bills to the org (not customer invoices): never offered. */
const EXCLUDED = new Set(['salesforceinvoice']);

/** Line-item, history, share and feed objects mention "invoice" too but are not invoices. */
const NOT_AN_INVOICE = /(line|lines|item|items|history|share|feed|changeevent|__mdt|__e|__x)$|line__c$|item__c$|__history$/i;
/** Nor are the payment and credit objects around invoices (e.g. blng__PaymentAllocationInvoice__c). */
const MONEY_AROUND_INVOICES = /payment|allocation|credit|refund|debit/i;

export function shapeOf(name: string): InvoiceShape {
  if (name === 'Invoice') return 'Invoice';
  if (name === 'blng__Invoice__c') return 'blng__Invoice__c';
  return 'custom';
}

function looksLikeCustomInvoice(object: GlobalObject): boolean {
  if (!object.custom || !object.name.endsWith('__c')) return false;
  if (NOT_AN_INVOICE.test(object.name) || /line|item/i.test(object.label) || MONEY_AROUND_INVOICES.test(object.name)) return false;
  return /invoice/i.test(object.name) || /invoice/i.test(object.label);
}

/**
 * The org's invoice objects from describeGlobal, best first. Only queryable objects count.
 * Recommendation order: the standard `Invoice` (Revenue Cloud, where Salesforce is heading), then
 * Salesforce Billing's `blng__Invoice__c`, then the first custom invoice object.
 */
export function findInvoiceObjects(globals: readonly GlobalObject[], apiVersion: string): InvoiceObject[] {
  const found: InvoiceObject[] = [];
  for (const object of globals) {
    if (!object.queryable || EXCLUDED.has(object.name.toLowerCase())) continue;
    if (object.name === 'Invoice') {
      if (supportsStandardInvoice(apiVersion)) found.push({ name: object.name, label: object.label, shape: 'Invoice', recommended: false });
    } else if (object.name === 'blng__Invoice__c') {
      found.push({ name: object.name, label: object.label, shape: 'blng__Invoice__c', recommended: false });
    } else if (looksLikeCustomInvoice(object)) {
      found.push({ name: object.name, label: object.label, shape: 'custom', recommended: false });
    }
  }
  const rank = (object: InvoiceObject) => ({ Invoice: 0, blng__Invoice__c: 1, custom: 2 })[object.shape];
  found.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  if (found[0]) found[0] = { ...found[0], recommended: true };
  return found;
}
