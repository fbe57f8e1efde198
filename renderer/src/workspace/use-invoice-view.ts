import { useDeferredValue, useEffect, useMemo, useRef } from 'react';
import type { InvoiceListRow } from '../../../electron/contract';
import { DEFAULT_SORT } from '../../../electron/contract/invoice-order';
import { useLocale } from '../i18n/locale-context';
import type { AgingBasis } from '../invoices/aging';
import { datedAfter } from '../invoices/as-of';
import type { InvoiceFilters } from '../invoices/filters';
import { dayNumber } from '../invoices/plain-date';
import { prepareInvoices, type PreparedInvoices, type ReceivableRules } from '../invoices/prepared';
import { sortedOrder, warmSortKeys, type SortSpec } from '../invoices/sort';
import { visibleColumnIds } from '../invoices/columns';
import { filteredView, type ViewSums } from './filtered-views';
import { warmSearchParts } from '../invoices/text-search';
import { whenIdle } from '../lib/when-idle';
import { warmKeystroke } from './warm-keystroke';

const EMPTY: InvoiceListRow[] = [];
/** Above this many invoices filter changes render deferred (see below). */
const SYNC_FILTER_ROWS = 1_000_000;

const NO_SUMS: ViewSums = { totals: [], aging: [] };
const NO_MEMBERS = new Uint32Array(0);
/** What counts as a receivable, and whether the view is as of a chosen date (then invoices dated after it are left out). */
export interface ViewRules extends ReceivableRules {
  cutOff?: boolean;
}
const NO_RULES: ViewRules = {};
/** The columns whose sort keys are ranked ahead of a click (the grid's columns when nothing was chosen). */
const WARM_COLUMNS = visibleColumnIds(null);

/**
 * The rows of an incomplete first load as they arrived (already in the default order): nothing is
 * prepared, sorted, filtered or totalled until every row is there, so the first screen costs only
 * its rows, and no partial total can be shown.
 */
function arrivedView(rows: readonly InvoiceListRow[]): PreparedInvoices & { visible: Uint32Array } {
  const visible = new Uint32Array(rows.length);
  for (let i = 0; i < rows.length; i++) visible[i] = i;
  const none = new Float64Array(0);
  return { rows, invoiceDay: none, dueDay: none, search: { text: '', starts: new Uint32Array(1) }, statuses: [], currencies: [], customers: [], kind: new Uint8Array(0), counted: new Uint8Array(0), visible };
}

/**
 * The workspace's rows, memoized step by step: prepared once per sync, the full sort order
 * once per column, then one filter pass and one pass over the order per change.
 * For large sets filters are deferred so the search box and checkboxes never wait for the table.
 * While the first load is incomplete (`complete` false) there are no totals or aging, and in the
 * default order the rows are shown as they arrived (see arrivedView).
 */
export function useInvoiceView(
  rows: InvoiceListRow[] | undefined,
  filters: InvoiceFilters,
  sort: SortSpec | null,
  asOf: string,
  basis: AgingBasis,
  complete = true,
  rules: ViewRules = NO_RULES,
) {
  // A column sort asked for while loading sorts what has arrived (the count says it is not all yet).
  const sorted = complete || !(sort?.column === DEFAULT_SORT.column && sort.desc === DEFAULT_SORT.desc);
  const full = useInvoiceViewOf(sorted ? rows : undefined, filters, sort, asOf, basis, rules);
  const arrived = useMemo(() => (sorted ? null : arrivedView(rows ?? EMPTY)), [sorted, rows]);
  if (complete) return full;
  if (!arrived) return { ...full, sums: NO_SUMS, members: NO_MEMBERS, agingSet: NO_MEMBERS };
  return { ...full, prepared: arrived as PreparedInvoices, visible: arrived.visible, sums: NO_SUMS, members: NO_MEMBERS, agingSet: NO_MEMBERS, searchPending: false };
}

function useInvoiceViewOf(rows: InvoiceListRow[] | undefined, filters: InvoiceFilters, sort: SortSpec | null, asOf: string, basis: AgingBasis, rules: ViewRules) {
  const { statusKinds, statusKindsOf, includeDrafts, cutOff } = rules;
  const prepared = useMemo(() => prepareInvoices(rows ?? EMPTY, { statusKinds, statusKindsOf, includeDrafts }), [rows, statusKinds, statusKindsOf, includeDrafts]);
  // Typing and clicking update the controls at once; for large sets the rows follow in a deferred
  // render. Up to SYNC_FILTER_ROWS a synchronous pass is quicker to show: measured at 100,000
  // invoices (npm run bench, 2 cores), keystroke → table updated p95 was 88 ms deferred (React
  // renders the transition in slices between frames) and 42 ms synchronous, below the 50 ms budget.
  // Since the search session's pipeline (text-search.ts, typed totals) one synchronous pass over 300,000 rows (All
  // connections, 3 × 100k) is quicker too: `npm run bench -- --only "all connections" --runs 3`, lead, 2026-12-04,
  // threshold 150,000 (deferred at 300k) → 400,000: search p95 70.6 ms (64.6–104) → 40.4 ms (33.4–47.9) at load ~4,
  // 39.3 ms (33.8–62) under `stress-ng --cpu 2`.
  // At 1,000,000 too (search27, 2026-12-07): deferred, a keystroke rendered the whole workspace with the old rows,
  // committed, then again with the new ones in a transition; one synchronous pass over the million (the filter of a
  // warm first letter ~10–15 ms since session 25) cost less. Renderer main-thread CPU from keydown to the probe's
  // grid frame, 36 keys of `npm run bench -- --only grid`, traced, alternating: see BENCHMARKS.md (search27).
  // Below the threshold the deferred value is held still: a changing one would make React render the whole
  // workspace a second time after every keystroke (the deferred pass), only to find the same rows.
  const sync = prepared.rows.length <= SYNC_FILTER_ROWS;
  const later = useDeferredValue(sync ? null : filters);
  const deferred = sync ? filters : (later ?? filters);
  const asOfDay = dayNumber(asOf);
  const orderDay = sort?.column === 'daysOverdue' ? asOfDay : 0;
  const order = useMemo(() => sortedOrder(prepared, sort, orderDay), [prepared, sort, orderDay]);
  // Once the rows are there, each column's sort keys are ranked in the page's idle moments: every click is then one O(n) pass.
  useEffect(() => warmSortKeys(prepared, WARM_COLUMNS, asOfDay), [prepared, asOfDay]);
  const effective = deferred;
  const cutOffDay = cutOff ? asOfDay : Infinity;
  // Amounts in the search box are read the way the user's language writes them (amount-search.ts).
  const locale = useLocale();
  const context = useMemo(() => ({ asOfDay, agingBasis: basis, cutOffDay, locale }), [asOfDay, basis, cutOffDay, locale]);
  // …and the search text's parts (text-search.ts), so a first letter searches each customer once; then a keystroke's
  // passes run once (warm-keystroke.ts), with the order and as-of day of that moment.
  const now = useRef({ order, context, basis, cutOff: cutOff === true });
  useEffect(() => {
    now.current = { order, context, basis, cutOff: cutOff === true };
  });
  useEffect(
    () =>
      whenIdle(() => {
        warmSearchParts(prepared.search);
        const { order: at, context: as, basis: on, cutOff: cut } = now.current;
        if (at.length === prepared.rows.length) warmKeystroke(prepared, at, as, on, cut);
      }),
    [prepared],
  );
  const laterCount = useMemo(() => (cutOffDay === Infinity ? 0 : datedAfter(prepared, cutOffDay)), [prepared, cutOffDay]);
  // Rows, totals and aging of these filters: one filter pass and one pass over the order, or none for a search just
  // deleted back to (remembered) or one that keeps the same rows (the same objects: nothing below renders again).
  const { visible, sums, members, agingSet } = useMemo(
    () => filteredView({ prepared, order, context, basis }, effective),
    [prepared, order, context, basis, effective],
  );
  // members / agingSet: the rows the totals and the aging chart are over (what the corporate-currency view converts).
  return { prepared, visible, sums, members, agingSet, asOfDay, laterCount, searchPending: deferred !== filters };
}
