import type { InvoiceRow } from '../../../contract';
import type { QueryPlan } from '../sync/soql';

export type SalesforceRecord = Record<string, unknown> & { Id?: unknown };

/** Reads `A.B` paths of a query record (a null lookup gives null). */
const pathParts = new Map<string, string[]>();

export function readPath(record: Record<string, unknown>, path: string): unknown {
  // Split once per path, not once per record and field (a few distinct paths per org).
  let parts = pathParts.get(path);
  if (!parts) {
    parts = path.split('.');
    if (pathParts.size < 1000) pathParts.set(path, parts);
  }
  return readParts(record, parts);
}

function readParts(record: Record<string, unknown>, parts: readonly string[]): unknown {
  let current: unknown = record;
  for (let i = 0; i < parts.length; i++) {
    if (current === null || typeof current !== 'object') return null;
    current = (current as Record<string, unknown>)[parts[i]!];
  }
  return current ?? null;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The ASCII digit at `at` as a number, NaN for anything else (NaN then fails every range check below). */
function digit(value: string, at: number): number {
  const d = value.charCodeAt(at) - 48;
  return d >= 0 && d <= 9 ? d : Number.NaN;
}

/**
 * Salesforce's own UTC form (2026-11-29T12:00:00.000+0000) with a real calendar day and time, in
 * ms since the epoch; NaN for anything else (which then goes the general way). Read character by
 * character, each field's digits in one expression (no loop, no call TurboFan does not inline): two per
 * record in a sync, where a regex with captures, Date.parse and then a digit loop per field showed in profiles.
 */
function salesforceUtcMs(value: string): number {
  return salesforceUtc(value, true);
}

/** `salesforceUtcMs` when `ms`; else 0 for a valid value (the check alone: no Date.UTC, one per record in a sync). */
function salesforceUtc(value: string, ms: boolean): number {
  if (
    value.length !== 28 ||
    value.charCodeAt(4) !== 45 || // -
    value.charCodeAt(7) !== 45 ||
    value.charCodeAt(10) !== 84 || // T
    value.charCodeAt(13) !== 58 || // :
    value.charCodeAt(16) !== 58 ||
    value.charCodeAt(19) !== 46 || // .
    value.charCodeAt(23) !== 43 || // +0000
    value.charCodeAt(24) !== 48 ||
    value.charCodeAt(25) !== 48 ||
    value.charCodeAt(26) !== 48 ||
    value.charCodeAt(27) !== 48
  ) {
    return Number.NaN;
  }
  const year = digit(value, 0) * 1000 + digit(value, 1) * 100 + digit(value, 2) * 10 + digit(value, 3);
  const month = digit(value, 5) * 10 + digit(value, 6);
  const day = digit(value, 8) * 10 + digit(value, 9);
  const hour = digit(value, 11) * 10 + digit(value, 12);
  const minute = digit(value, 14) * 10 + digit(value, 15);
  const second = digit(value, 17) * 10 + digit(value, 18);
  const millis = digit(value, 20) * 100 + digit(value, 21) * 10 + digit(value, 22);
  // Years before 1000 go the general way (Date.UTC reads 0–99 as 1900–1999). Written so that NaN fails each test.
  if (!(year >= 1000 && millis >= 0 && hour <= 23 && minute <= 59 && second <= 59 && month >= 1 && month <= 12 && day >= 1)) return Number.NaN;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1]!)) return Number.NaN;
  return ms ? Date.UTC(year, month - 1, day, hour, minute, second, millis) : 0;
}

/** Whether `value` is Salesforce's own UTC form of a real moment (what `toInstant` rewrites without parsing). */
export function isSalesforceUtc(value: string): boolean {
  return !Number.isNaN(salesforceUtc(value, false));
}

/**
 * The same value already as the ISO instant but for the zone: rewritten, not parsed and printed. Made one flat
 * string (`normalize` leaves ASCII as it is): `slice` + 'Z' alone is a rope of two strings over the whole original
 * value, three objects per row that a full sync keeps (−64 bytes a row, and no rope to flatten when the copy is
 * written).
 */
function fastInstant(value: string): string | null {
  return isSalesforceUtc(value) ? `${value.slice(0, 23)}Z`.normalize() : null;
}

/** Salesforce datetimes look like 2026-11-29T12:00:00.000+0000; the app keeps ISO instants. */
export function toInstant(value: unknown): string | null {
  if (typeof value === 'string') {
    const fast = fastInstant(value);
    if (fast) return fast;
  }
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  // A number past the range of Date (±8.64e15 ms) is no instant either: null, not a RangeError that fails the sync.
  const date = new Date(typeof value === 'number' ? value : Date.parse(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** YYYY-MM-DD in ASCII digits (what /^\d{4}-\d{2}-\d{2}$/ accepts), read without a regex: two per record in a sync. */
export function isPlainDate(value: string): boolean {
  const digits = digit(value, 0) + digit(value, 1) + digit(value, 2) + digit(value, 3) + digit(value, 5) + digit(value, 6) + digit(value, 8) + digit(value, 9);
  return value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45 && !Number.isNaN(digits);
}

/** Plain calendar dates stay Y-M-D strings (never instants: no off-by-one west of UTC). */
export function toDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (value.length === 10 && isPlainDate(value)) return value;
  const instant = toInstant(value);
  return instant ? instant.slice(0, 10) : null;
}

export function toText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : String(value);
}

export function toAmount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

export type Reader = (record: SalesforceRecord) => unknown;

export function readerFor(path: string | undefined): Reader {
  if (!path) return () => null;
  if (!path.includes('.')) return (record) => record[path] ?? null;
  // The path split here, once per sync: no lookup of its parts per record and field.
  const parts = path.split('.');
  return (record) => readParts(record, parts);
}

/** A reader per canonical field of the plan, resolved once per sync (the row mapper's and the column writer's). */
export function fieldReaders(plan: QueryPlan) {
  const { paths } = plan;
  return {
    number: readerFor(paths.number),
    customer: readerFor(paths.customer),
    invoiceDate: readerFor(paths.invoiceDate),
    dueDate: readerFor(paths.dueDate),
    status: readerFor(paths.status),
    total: readerFor(paths.total),
    balance: readerFor(paths.balance),
    currency: readerFor(paths.currency),
    lastModified: readerFor(paths.lastModified),
  };
}

/**
 * The mapping of one sync, compiled once: a function from a Salesforce record to the canonical
 * row (the field paths resolved up front, not per record and field).
 */
export function rowMapper(plan: QueryPlan, defaultCurrency: string): (record: SalesforceRecord) => InvoiceRow {
  const { number, customer, invoiceDate, dueDate, status, total, balance, currency, lastModified } = fieldReaders(plan);
  const customerId = plan.customerId ? readerFor(plan.customerId) : null;
  return (record) => {
    const id = String(record.Id);
    return {
      id,
      number: toText(number(record)) ?? id,
      customer: toText(customer(record)),
      invoiceDate: toDate(invoiceDate(record)),
      dueDate: toDate(dueDate(record)),
      status: toText(status(record)),
      total: toAmount(total(record)),
      balance: toAmount(balance(record)),
      currency: toText(currency(record)) ?? defaultCurrency,
      lastModified: toInstant(lastModified(record)),
      customerId: customerId ? (toText(customerId(record)) ?? undefined) : undefined,
    };
  };
}

/** One Salesforce record onto the canonical row. */
export function toInvoiceRow(record: SalesforceRecord, plan: QueryPlan, defaultCurrency: string): InvoiceRow {
  return rowMapper(plan, defaultCurrency)(record);
}

/** The modification stamp in ms of each record (for the incremental watermark), or null. */
export function modstampReader(plan: QueryPlan): (record: SalesforceRecord) => number | null {
  const field = plan.modstamp;
  if (!field) return () => null;
  return (record) => {
    const value = record[field];
    if (typeof value === 'string') {
      const ms = salesforceUtcMs(value);
      if (!Number.isNaN(ms)) return ms;
    }
    const instant = toInstant(value);
    return instant ? Date.parse(instant) : null;
  };
}
