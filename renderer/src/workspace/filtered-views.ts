import { computeAging, type AgingBasis, type CurrencyAging } from '../invoices/aging';
import { filterMask, filterRows, type FilterContext, type InvoiceFilters } from '../invoices/filters';
import type { PreparedInvoices } from '../invoices/prepared';
import { maskIndexes, visibleIndexes, visibleRowsInOrder } from '../invoices/sort';
import { computeTotals, type CurrencyTotals } from '../invoices/totals';

/**
 * The cards' sums of one view: worked out when first read (the summary's render), then kept — so a keystroke whose
 * summary follows in the next frame (use-figures-after-paint.ts) does not add them up in the frame of the grid's rows.
 * One object per view: the same object while the view is the same.
 */
export interface ViewSums {
  readonly totals: CurrencyTotals[];
  readonly aging: CurrencyAging[];
}

/** What one set of filters shows: the rows in display order, and what the cards and the aging chart are over. */
export interface FilteredView {
  /** Indexes into the prepared rows, in the sort's order. */
  visible: Uint32Array;
  /** The rows shown, in data order: what the totals (and the corporate-currency view) are over. */
  members: Uint32Array;
  /** The rows shown before the aging chart's own bucket filter (so its other bars stay visible). */
  agingSet: Uint32Array;
  /** Totals over `members`, aging over `agingSet`. */
  sums: ViewSums;
}

/** A view's sums, each added up on its first read. */
function lazySums(prepared: PreparedInvoices, members: Uint32Array, agingSet: Uint32Array, asOfDay: number, basis: AgingBasis): ViewSums {
  let totals: CurrencyTotals[] | null = null;
  let aging: CurrencyAging[] | null = null;
  return {
    get totals() {
      return (totals ??= computeTotals(prepared, members));
    },
    get aging() {
      return (aging ??= computeAging(prepared, agingSet, asOfDay, basis));
    },
  };
}

/** What every view of one cache shares: a new one of any of these starts a new cache (a new sort order does not). */
interface Scope {
  prepared: PreparedInvoices;
  order: Uint32Array;
  context: FilterContext;
  basis: AgingBasis;
}

/** Views remembered per scope (a customer's name typed, then deleted again); more than this, the oldest go first. */
const MAX_VIEWS = 80;
/** …and never more than this many bytes of masks and index arrays (at 1,000,000 invoices a view of every row is ~13 MB). */
const MAX_BYTES = 48 * 1024 * 1024;

/** One filter's rows and figures (which do not depend on the order) and its rows in the last order asked for. */
interface Entry extends Omit<FilteredView, 'visible'> {
  mask: Uint8Array;
  sorted: { order: Uint32Array; visible: Uint32Array } | null;
}

interface Cache extends Omit<Scope, 'order'> {
  views: Map<string, Entry>;
  bytes: number;
  /** The view answered last: a new filter that shows exactly its rows gets it back, the same objects. */
  last: { entry: Entry; aging: InvoiceFilters['aging'] } | null;
}

const caches = new WeakMap<PreparedInvoices, Cache>();

/** Its bytes, the rows in order counted (as many as its members) whether or not they are made yet. */
const sizeOf = (entry: Entry) => entry.mask.length + 4 * (2 * entry.members.length + (entry.agingSet === entry.members ? 0 : entry.agingSet.length));

function sameIndexes(a: Uint32Array, b: Uint32Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The entry of these filters; `last` itself when they keep exactly its rows and neither has an aging bucket of its own
 * (whose chart is over other rows).
 */
function computeEntry({ prepared, context, basis }: Scope, filters: InvoiceFilters, last: Cache['last']): Entry {
  const found = filterRows(prepared, filters, context);
  const mask = found.mask;
  const members = found.members ?? maskIndexes(mask);
  if (last && filters.aging === null && last.aging === null && sameIndexes(last.entry.members, members)) return last.entry;
  const agingSet = filters.aging ? maskIndexes(filterMask(prepared, { ...filters, aging: null }, context)) : members;
  return { mask, members, agingSet, sums: lazySums(prepared, members, agingSet, context.asOfDay, basis), sorted: null };
}

/**
 * The entry's rows in this order: one pass over the order, once per order (a sort click keeps the totals and aging).
 * A view whose rows are all among the last view's (typing on) passes over the last view's rows in this order instead:
 * they are the order's own, fewer, and keep the same rows in the same order (at 1,000,000 invoices a second letter's
 * view no longer reads the whole order).
 */
function visibleIn(entry: Entry, order: Uint32Array, last: Entry | undefined): Uint32Array {
  if (entry.sorted?.order === order) return entry.sorted.visible;
  const outer = last && last !== entry && last.sorted?.order === order && withinLast(entry, last, order) ? last.sorted.visible : null;
  entry.sorted = { order, visible: outer ? visibleIndexes(outer, entry.mask, entry.members.length) : visibleRowsInOrder(order, entry.mask, entry.members) };
  return entry.sorted.visible;
}

/**
 * Whether `entry`'s rows are all in `last`, when that is worth asking: the last view is not every row, and this one is
 * large enough that it would be put in order by a pass over the whole order (visibleRowsInOrder).
 */
function withinLast(entry: Entry, last: Entry, order: Uint32Array): boolean {
  const { members } = entry;
  if (order.length !== entry.mask.length || last.mask.length !== entry.mask.length || last.members.length >= order.length || members.length * 16 <= order.length) return false;
  for (let k = 0; k < members.length; k++) if (!last.mask[members[k]!]) return false;
  return true;
}

/**
 * The rows, totals and aging one set of filters shows — exact, the same as computing them afresh — with shortcuts that
 * make a keystroke in the search box cheap:
 * - a filter seen before in the same scope (same rows, as-of day and rules) answers from memory: deleting what was just
 *   typed shows the views it passed through again without a pass over the rows;
 * - a filter that keeps exactly the rows of the last one (typing on in a name that already picked its invoices) answers
 *   the last view's own arrays and totals, so nothing that renders from them renders again;
 * - a new sort order only redoes the rows' order: the totals and aging (and the cards) stay the same objects;
 * - the totals and aging are added up when first read (see ViewSums).
 */
export function filteredView(scope: Scope, filters: InvoiceFilters): FilteredView {
  let cache = caches.get(scope.prepared);
  if (!cache || cache.context !== scope.context || cache.basis !== scope.basis) {
    cache = { prepared: scope.prepared, context: scope.context, basis: scope.basis, views: new Map(), bytes: 0, last: null };
    caches.set(scope.prepared, cache);
  }
  const key = JSON.stringify(filters);
  let entry = cache.views.get(key);
  if (entry) {
    // Most recently used last (the Map keeps insertion order).
    cache.views.delete(key);
    cache.views.set(key, entry);
  } else {
    entry = computeEntry(scope, filters, cache.last);
    remember(cache, key, entry);
  }
  const before = cache.last?.entry;
  cache.last = { entry, aging: filters.aging };
  const { members, agingSet, sums } = entry;
  return { visible: visibleIn(entry, scope.order, before), members, agingSet, sums };
}

function remember(cache: Cache, key: string, entry: Entry): void {
  const size = sizeOf(entry);
  if (size > MAX_BYTES) return;
  cache.views.set(key, entry);
  cache.bytes += size;
  for (const [oldKey, old] of cache.views) {
    if (cache.views.size <= MAX_VIEWS && cache.bytes <= MAX_BYTES) break;
    cache.views.delete(oldKey);
    cache.bytes -= sizeOf(old);
  }
}
