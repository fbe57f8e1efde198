import { amountMatches, parseAmountQuery, type AmountQuery } from './amount-search';
import { agingBucketOf, type AgingBasis, type AgingBucketKey } from './aging';
import { dayNumber } from './plain-date';
import { paymentFilter } from './payment-filters';
import { rowsMatching } from './text-search';
import { NO_STATUS, daysOverdueAt, type PreparedInvoices } from './prepared';
import { customerMatcher } from '../../../electron/contract/customer-directory';

/** What narrows the workspace's rows. Empty arrays and nulls mean "any". */
export interface InvoiceFilters {
  search: string;
  statuses: string[];
  currencies: string[];
  invoiceDateFrom: string | null;
  invoiceDateTo: string | null;
  dueDateFrom: string | null;
  dueDateTo: string | null;
  overdueOnly: boolean;
  /** Set by clicking a bar of the aging chart. */
  aging: AgingBucketKey | null;
  /** From the payments applied (see payment-filters.ts). */
  paidLate: boolean;
  partlyPaid: boolean;
  hasCredits: boolean;
  /**
   * One customer's key (customer-directory.ts), or NO_CUSTOMER for the invoices without one: an account
   * (`accountKey(id)`: its invoices, whatever name each was synced with — two accounts of one name are two
   * customers) or, for a text customer and in views saved before account keys, a name (every invoice of that name).
   */
  customer: string | null;
  /** What changed: invoices Salesforce modified at or after this instant (ISO), e.g. since the user's last visit. */
  changedSince: string | null;
}

export const noFilters: InvoiceFilters = {
  search: '',
  statuses: [],
  currencies: [],
  invoiceDateFrom: null,
  invoiceDateTo: null,
  dueDateFrom: null,
  dueDateTo: null,
  overdueOnly: false,
  aging: null,
  paidLate: false,
  partlyPaid: false,
  hasCredits: false,
  customer: null,
  changedSince: null,
};

export interface FilterContext {
  asOfDay: number;
  agingBasis: AgingBasis;
  /** An as-of view leaves out invoices dated after this day (absent: none are left out). */
  cutOffDay?: number;
  /** The locale amounts are typed in (search `9.536,86` in de-DE); absent: search is text only. */
  locale?: string;
}

const modifiedCache = new WeakMap<PreparedInvoices, Float64Array>();

/** Each row's modification time in ms (NaN when unknown), parsed once per prepared set, only when "Changed since" is used. */
function modifiedTimes(prepared: PreparedInvoices): Float64Array {
  let times = modifiedCache.get(prepared);
  if (!times) {
    times = new Float64Array(prepared.rows.length);
    for (let i = 0; i < times.length; i++) times[i] = Date.parse(prepared.rows[i]!.lastModified ?? '');
    modifiedCache.set(prepared, times);
  }
  return times;
}

function range(from: string | null, to: string | null): [number, number] {
  const lo = dayNumber(from);
  const hi = dayNumber(to);
  return [Number.isNaN(lo) ? -Infinity : lo, Number.isNaN(hi) ? Infinity : hi];
}

/**
 * One pass over every row; returns a mask (1 = visible). Date ranges are inclusive and an
 * empty date never matches a range. Search matches number or customer, case-insensitively, or — when it
 * reads as an amount in the context's locale (amount-search.ts) — the total or the balance.
 */
export function filterMask(prepared: PreparedInvoices, filters: InvoiceFilters, context: FilterContext): Uint8Array {
  return filterRows(prepared, filters, context).mask;
}

/**
 * filterMask's mask, and the rows it keeps (ascending) when the filter found them on the way: a search and nothing
 * else (typing in the box) is the text search's own rows, and they need no second pass over the mask.
 */
export function filterRows(prepared: PreparedInvoices, filters: InvoiceFilters, context: FilterContext): { mask: Uint8Array; members: Uint32Array | null } {
  const n = prepared.rows.length;
  const query = filters.search.trim().toLocaleLowerCase();
  const amount = query && context.locale ? parseAmountQuery(filters.search, context.locale) : null;
  // The text search first, over one string (text-search.ts): the rows it matches, ascending.
  const text = query ? textMatches(prepared, query, amount) : null;
  const found = text?.mask ?? null;
  const statuses = filters.statuses.length ? new Set(filters.statuses) : null;
  const currencies = filters.currencies.length ? new Set(filters.currencies) : null;
  const [invLo, invHi] = range(filters.invoiceDateFrom, filters.invoiceDateTo);
  const [dueLo, dueHi] = range(filters.dueDateFrom, filters.dueDateTo);
  const invRange = filters.invoiceDateFrom !== null || filters.invoiceDateTo !== null;
  const dueRange = filters.dueDateFrom !== null || filters.dueDateTo !== null;
  const payments = paymentFilter(filters);
  const customer = filters.customer === null ? null : customerMatcher(filters.customer);
  const cutOff = context.cutOffDay ?? Infinity;
  const since = filters.changedSince === null ? null : Date.parse(filters.changedSince);
  const modified = since === null ? null : modifiedTimes(prepared);
  const others = statuses || currencies || customer || invRange || dueRange || filters.overdueOnly || filters.aging || payments || modified || cutOff !== Infinity;
  // Nothing but the search (typing in the box): its matches are the mask.
  if (!others) return text ?? { mask: new Uint8Array(n).fill(1), members: null };
  const mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (found && !found[i]) continue;
    const row = prepared.rows[i]!;
    // An invoice without a date stays (NaN is never after the cut-off).
    if (prepared.invoiceDay[i]! > cutOff) continue;
    if (statuses && !statuses.has(row.status ?? NO_STATUS)) continue;
    if (currencies && !currencies.has(row.currency)) continue;
    if (customer && !customer(row)) continue;
    if (invRange) {
      const day = prepared.invoiceDay[i]!;
      if (!(day >= invLo && day <= invHi)) continue;
    }
    if (dueRange) {
      const day = prepared.dueDay[i]!;
      if (!(day >= dueLo && day <= dueHi)) continue;
    }
    if (filters.overdueOnly && daysOverdueAt(prepared, i, context.asOfDay) <= 0) continue;
    if (filters.aging && agingBucketOf(prepared, i, context.asOfDay, context.agingBasis) !== filters.aging) continue;
    if (payments && !payments(row)) continue;
    // An invoice without a modification time is not known to have changed.
    if (modified && !(modified[i]! >= since!)) continue;
    mask[i] = 1;
  }
  return { mask, members: null };
}

/**
 * 1 for each row the search matches: its number or customer holds the text, or its total or balance is the amount;
 * and the rows themselves, ascending, when the text alone matched them (no amount read in the query).
 */
function textMatches(prepared: PreparedInvoices, query: string, amount: AmountQuery | null): { mask: Uint8Array; members: Uint32Array | null } {
  const n = prepared.rows.length;
  const found = new Uint8Array(n);
  const rows = rowsMatching(prepared.search, query);
  for (let k = 0; k < rows.length; k++) found[rows[k]!] = 1;
  if (amount) {
    for (let i = 0; i < n; i++) {
      const row = prepared.rows[i]!;
      if (!found[i] && (amountMatches(row.total, amount) || amountMatches(row.balance, amount))) found[i] = 1;
    }
  }
  return { mask: found, members: amount ? null : rows };
}

export function hasActiveFilters(filters: InvoiceFilters): boolean {
  return (
    filters.search.trim() !== '' ||
    filters.statuses.length > 0 ||
    filters.currencies.length > 0 ||
    filters.invoiceDateFrom !== null ||
    filters.invoiceDateTo !== null ||
    filters.dueDateFrom !== null ||
    filters.dueDateTo !== null ||
    filters.overdueOnly ||
    filters.aging !== null ||
    filters.paidLate ||
    filters.partlyPaid ||
    filters.hasCredits ||
    filters.customer !== null ||
    filters.changedSince !== null
  );
}
