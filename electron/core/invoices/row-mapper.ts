import type { InvoiceRow } from '../../contract';
import type { QueryPlan } from './soql';

export type SalesforceRecord = Record<string, unknown> & { Id?: unknown };

/** Reads `A.B` paths of a query record (a null lookup gives null). */
export function readPath(record: Record<string, unknown>, path: string): unknown {
  let current: unknown = record;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return null;
    current = (current as Record<string, unknown>)[part];
  }
  return current ?? null;
}

/** Salesforce datetimes look like 2026-11-29T12:00:00.000+0000; the app keeps ISO instants. */
export function toInstant(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const ms = typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** Plain calendar dates stay Y-M-D strings (never instants: no off-by-one west of UTC). */
function toDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const instant = toInstant(value);
  return instant ? instant.slice(0, 10) : null;
}

function toText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : String(value);
}

function toAmount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** One Salesforce record onto the canonical row. */
export function toInvoiceRow(record: SalesforceRecord, plan: QueryPlan, defaultCurrency: string): InvoiceRow {
  const id = String(record.Id);
  const read = (key: keyof QueryPlan['paths']) => {
    const path = plan.paths[key];
    return path ? readPath(record, path) : null;
  };
  return {
    id,
    number: toText(read('number')) ?? id,
    customer: toText(read('customer')),
    invoiceDate: toDate(read('invoiceDate')),
    dueDate: toDate(read('dueDate')),
    status: toText(read('status')),
    total: toAmount(read('total')),
    balance: toAmount(read('balance')),
    currency: toText(read('currency')) ?? defaultCurrency,
    lastModified: toInstant(read('lastModified')),
  };
}

/** The record's modification stamp in ms (for the incremental watermark), or null. */
export function modstampOf(record: SalesforceRecord, plan: QueryPlan): number | null {
  if (!plan.modstamp) return null;
  const instant = toInstant(record[plan.modstamp]);
  return instant ? Date.parse(instant) : null;
}
