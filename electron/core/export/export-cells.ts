import type { AgingBasis, ExportColumn, InvoiceListRow, InvoiceRow } from '../../contract';
import { agingBucketLabels, bucketOfDays, type AgingBucketKey } from '../../contract/aging-buckets';
import type { CatalogueT } from '../../contract/i18n/catalogue';
import type { RowConversion } from './export-conversion';
import { kindOfStatus, type StatusKindMap } from '../../contract/invoice-status';
import { currencyDecimals } from '../../contract/currency-decimals';

/**
 * Row → cell conversion shared by the CSV and XLSX writers (pure; both formats show the same values).
 */

export type Cell =
  | { kind: 'empty' }
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'money'; value: number; currency: string }
  /** A plain calendar date, YYYY-MM-DD. */
  | { kind: 'date'; value: string }
  /** An instant, ISO 8601 UTC. */
  | { kind: 'instant'; value: string };

/** Header labels in the user's language: the catalogue's column names, so the file reads like the screen. */
export function columnLabels(t: CatalogueT, corporate = ''): Record<ExportColumn, string> {
  return {
    number: t('columns:number'),
    customer: t('columns:customer'),
    invoiceDate: t('columns:invoiceDate'),
    dueDate: t('columns:dueDate'),
    status: t('columns:status'),
    total: t('columns:total'),
    balance: t('columns:balance'),
    currency: t('columns:currency'),
    lastModified: t('columns:lastModified'),
    daysOverdue: t('columns:daysOverdue'),
    paid: t('columns:paid'),
    lastPaymentDate: t('columns:lastPaymentDate'),
    fullyPaidOn: t('columns:fullyPaidOn'),
    daysToPay: t('columns:daysToPay'),
    convertedTotal: t('columns:convertedTotal', { currency: corporate }),
    convertedBalance: t('columns:convertedBalance', { currency: corporate }),
    conversionRate: t('columns:conversionRate'),
    conversionRateDate: t('columns:conversionRateDate'),
    agingBucket: t('columns:agingBucket'),
    org: t('columns:org'),
  };
}

/** What a row's cells depend on besides the row: the as-of date and the receivable rules the screen used. */
export interface CellContext {
  asOf: string;
  /** What status values mean for receivables, and whether drafts count (absent: every invoice counts). */
  statusKinds?: StatusKindMap;
  /** Each row's own meanings, over `statusKinds` (a combined export: the meanings of the row's own org). */
  statusKindsOf?: RowStatusKinds;
  includeDrafts?: boolean;
  basis?: AgingBasis;
  /** "Current" in the user's language (the other buckets read 1–30 … 90+). */
  currentLabel?: string;
}

/** The status meanings of one row (All connections: its org's), by the row object itself. */
export type RowStatusKinds = (row: object) => StatusKindMap | undefined;

function isReceivable(row: Pick<InvoiceRow, 'status'>, context: CellContext): boolean {
  const kind = kindOfStatus(context.statusKindsOf ? context.statusKindsOf(row) : context.statusKinds, row.status);
  return kind === 'posted' || (kind === 'draft' && context.includeDrafts === true);
}

/**
 * The aging bucket as of the context's date, by the same rule as the workspace's chart (renderer/src/invoices/aging.ts):
 * null when nothing is owed (balance empty or zero) or the invoice is not a receivable; an invoice without the
 * basis date is current.
 */
export function agingBucket(row: Pick<InvoiceRow, 'status' | 'balance' | 'dueDate' | 'invoiceDate'>, context: CellContext): string | null {
  const key = agingBucketKeyOf(row, context);
  if (key === null) return null;
  return key === 'current' ? (context.currentLabel ?? 'Current') : agingBucketLabels[key];
}

/** The same bucket as its key (what the aging-by-customer report and the Summary sheet add up by). */
export function agingBucketKeyOf(row: Pick<InvoiceRow, 'status' | 'balance' | 'dueDate' | 'invoiceDate'>, context: CellContext): AgingBucketKey | null {
  if (!row.balance || !isReceivable(row, context)) return null;
  const from = context.basis === 'invoiceDate' ? row.invoiceDate : row.dueDate;
  return from ? bucketOfDays(asOfDayNumber(context.asOf) - dayNumber(from)) : 'current';
}

const DAY_MS = 86_400_000;

let lastAsOf: string | null = null;
let lastAsOfDay = 0;

/** The as-of date is the same for every row of an export: parse it once. */
function asOfDayNumber(asOf: string): number {
  if (asOf !== lastAsOf) {
    lastAsOfDay = dayNumber(asOf);
    lastAsOf = asOf;
  }
  return lastAsOfDay;
}

/** Day numbers of the dates seen (due and invoice dates repeat a lot; bounded whatever the data). */
const dayNumbers = new Map<string, number>();

function dayNumber(isoDate: string): number {
  let days = dayNumbers.get(isoDate);
  if (days === undefined) {
    const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
    days = Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
    if (dayNumbers.size >= 10_000) dayNumbers.clear();
    dayNumbers.set(isoDate, days);
  }
  return days;
}

/**
 * Days overdue as of `asOf` (YYYY-MM-DD), in calendar days, the same rule as the workspace column
 * (renderer/src/invoices/prepared.ts) so the file equals the screen:
 * - not a receivable (a draft unless drafts count, a cancelled invoice) → 0;
 * - nothing is owed (balance missing, zero or negative) or there is no due date → 0;
 * - something is owed and the due date is `asOf` or later → 0;
 * - otherwise asOf − dueDate (due 2026-01-01, as of 2026-01-31 → 30).
 */
export function daysOverdue(row: Pick<InvoiceRow, 'balance' | 'dueDate' | 'status'>, asOf: string, context: CellContext = { asOf }): number {
  if (!isReceivable(row, context)) return 0;
  if (row.balance === null || !(row.balance > 0) || !row.dueDate) return 0;
  return Math.max(0, asOfDayNumber(asOf) - dayNumber(row.dueDate));
}

// Module-level helpers (not closures made per cell: an export asks for a million cells).
const EMPTY: Cell = Object.freeze({ kind: 'empty' });
const text = (value: string | null): Cell => (value === null || value === '' ? EMPTY : { kind: 'text', value });
const moneyOf = (value: number | null, currency: string): Cell => (value === null ? EMPTY : { kind: 'money', value, currency });
const date = (value: string | null | undefined): Cell => (value ? { kind: 'date', value } : EMPTY);

/** One cell. As on screen: Days overdue is empty when the invoice is not overdue (the grid shows no 0 there). */
export function toCell(row: InvoiceListRow, column: ExportColumn, context: CellContext, conversion?: RowConversion): Cell {
  switch (column) {
    case 'number':
      return text(row.number);
    case 'customer':
      return text(row.customer);
    case 'status':
      return text(row.status);
    case 'currency':
      return text(row.currency);
    case 'invoiceDate':
      return date(row.invoiceDate);
    case 'dueDate':
      return date(row.dueDate);
    case 'total':
      return moneyOf(row.total, row.currency);
    case 'balance':
      return moneyOf(row.balance, row.currency);
    case 'lastModified':
      return row.lastModified ? { kind: 'instant', value: row.lastModified } : { kind: 'empty' };
    case 'daysOverdue': {
      const days = daysOverdue(row, context.asOf, context);
      return days > 0 ? { kind: 'number', value: days } : EMPTY;
    }
    case 'agingBucket':
      return text(agingBucket(row, context));
    // Computed from the applications; empty when the copy has no payment figures (a custom invoice object).
    case 'paid':
      return moneyOf(row.paid ?? null, row.currency);
    case 'lastPaymentDate':
      return date(row.lastPaymentDate);
    case 'fullyPaidOn':
      return date(row.fullyPaidOn);
    case 'daysToPay':
      return row.daysToPay === null || row.daysToPay === undefined ? EMPTY : { kind: 'number', value: row.daysToPay };
    // The corporate-currency view: empty without a conversion, and for an invoice without a rate.
    case 'convertedTotal':
      return conversion ? moneyOf(conversion.of(row).total, conversion.corporate) : EMPTY;
    case 'convertedBalance':
      return conversion ? moneyOf(conversion.of(row).balance, conversion.corporate) : EMPTY;
    case 'conversionRate': {
      const rate = conversion?.of(row).rate ?? null;
      return rate === null ? EMPTY : { kind: 'number', value: rate };
    }
    case 'conversionRateDate':
      return date(conversion?.of(row).rateDate);
    // "All connections": the row's connection name (export-combined.ts tags each row); user text, formula-escaped like any.
    case 'org':
      return text((row as InvoiceListRow & { org?: string }).org ?? null);
  }
}

/**
 * Text that a spreadsheet would run as a formula (= + - @, or tab / carriage return that some
 * programs strip first) gets a leading apostrophe. Numbers are never escaped: -12.5 is an amount.
 */
export function escapeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A cell as CSV text: plain numbers (no grouping, no symbol; a decimal comma when asked), dates as YYYY-MM-DD. */
export function csvText(cell: Cell, decimalComma = false): string {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'text':
      return escapeFormula(cell.value);
    case 'number':
    case 'money':
      return decimalComma ? String(cell.value).replace('.', ',') : String(cell.value);
    case 'date':
    case 'instant':
      return cell.value;
  }
}

const formats = new Map<string, string>();

/** Excel number format for an amount in `currency`: grouped, the currency's decimals, negatives in parentheses. */
export function currencyNumberFormat(currency: string): string {
  let format = formats.get(currency);
  if (format === undefined) {
    // Intl.NumberFormat is costly to create: once per currency, not once per cell.
    const decimals = currencyDecimals(currency);
    const number = decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
    const code = currency.replace(/[^A-Za-z]/g, '').slice(0, 3);
    format = `${number} "${code}";(${number}) "${code}"`;
    formats.set(currency, format);
  }
  return format;
}
