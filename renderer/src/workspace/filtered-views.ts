import { computeAging, type AgingBasis, type CurrencyAging } from '../invoices/aging';
import { filterMask, type FilterContext, type InvoiceFilters } from '../invoices/filters';
import type { PreparedInvoices } from '../invoices/prepared';
import { maskIndexes, visibleIndexes } from '../invoices/sort';
import { computeTotals, type CurrencyTotals } from '../invoices/totals';

/** What one set of filters shows: the rows in display order, and what the cards and the aging chart are over. */
export interface FilteredView {
  /** Indexes into the prepared rows, in the sort's order. */
  visible: Uint32Array;
  /** The rows shown, in data order: what the totals (and the corporate-currency view) are over. */
  members: Uint32Array;
  totals: CurrencyTotals[];
  /** The rows shown before the aging chart's own bucket filter (so its other bars stay visible). */
  agingSet: Uint32Array;
  aging: CurrencyAging[];
}

/** What every view of one cache shares: a new one of any of these starts a new cache. */
interface Scope {
  prepared: PreparedInvoices;
  order: Uint32Array;
  context: FilterContext;
  basis: AgingBasis;
}

/** Views remembered per scope (a customer's name typed, then deleted again); more than this, the oldest go first. */
const MAX_VIEWS = 80;
/** …and never more than this many bytes of index arrays (at 1,000,000 invoices a view of every row is ~12 MB). */
const MAX_BYTES = 48 * 1024 * 1024;

interface Cache extends Scope {
  views: Map<string, FilteredView>;
  bytes: number;
  /** The view answered last: a new filter that shows exactly its rows gets it back, the same objects. */
  last: { view: FilteredView; aging: InvoiceFilters['aging'] } | null;
}

const caches = new WeakMap<PreparedInvoices, Cache>();

const sizeOf = (view: FilteredView) => 4 * (view.visible.length + view.members.length + (view.agingSet === view.members ? 0 : view.agingSet.length));

function sameIndexes(a: Uint32Array, b: Uint32Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The view of these filters; `last` itself when they keep exactly its rows (then the order, and so the rows on screen,
 * are the same too: one scope has one order) and neither has an aging bucket of its own (whose chart is over other rows).
 */
function computeView({ prepared, order, context, basis }: Scope, filters: InvoiceFilters, last: Cache['last']): FilteredView {
  const mask = filterMask(prepared, filters, context);
  const members = maskIndexes(mask);
  if (last && filters.aging === null && last.aging === null && sameIndexes(last.view.members, members)) return last.view;
  const agingSet = filters.aging ? maskIndexes(filterMask(prepared, { ...filters, aging: null }, context)) : members;
  return {
    visible: visibleIndexes(order, mask),
    members,
    totals: computeTotals(prepared, members),
    agingSet,
    aging: computeAging(prepared, agingSet, context.asOfDay, basis),
  };
}

/**
 * The rows, totals and aging one set of filters shows — exact, the same as computing them afresh — with two shortcuts
 * that make a keystroke in the search box cheap:
 * - a filter seen before in the same scope (same rows, order, as-of day and rules) answers from memory: deleting what
 *   was just typed shows the views it passed through again without a pass over the rows;
 * - a filter that keeps exactly the rows of the last one (typing on in a name that already picked its invoices) answers
 *   the last view itself, the same arrays and totals, so nothing that renders from them renders again.
 */
export function filteredView(scope: Scope, filters: InvoiceFilters): FilteredView {
  let cache = caches.get(scope.prepared);
  if (!cache || cache.order !== scope.order || cache.context !== scope.context || cache.basis !== scope.basis) {
    cache = { ...scope, views: new Map(), bytes: 0, last: null };
    caches.set(scope.prepared, cache);
  }
  const key = JSON.stringify(filters);
  const known = cache.views.get(key);
  if (known) {
    // Most recently used last (the Map keeps insertion order).
    cache.views.delete(key);
    cache.views.set(key, known);
    cache.last = { view: known, aging: filters.aging };
    return known;
  }
  const view = computeView(scope, filters, cache.last);
  remember(cache, key, view);
  cache.last = { view, aging: filters.aging };
  return view;
}

function remember(cache: Cache, key: string, view: FilteredView): void {
  const size = sizeOf(view);
  if (size > MAX_BYTES) return;
  cache.views.set(key, view);
  cache.bytes += size;
  for (const [oldKey, old] of cache.views) {
    if (cache.views.size <= MAX_VIEWS && cache.bytes <= MAX_BYTES) break;
    cache.views.delete(oldKey);
    cache.bytes -= sizeOf(old);
  }
}
