import type { SortingState } from '@tanstack/react-table';
import type { ColumnWidths } from '../../../electron/contract/column-widths';
import type { ViewColumn, ViewState } from '../../../electron/contract/saved-views';
import { gridColumnIds, VIEW_STATE_VERSION, type GridColumnId } from '../../../electron/contract/saved-view-limits';
import { DEFAULT_SORT } from '../../../electron/contract/invoice-order';
import type { AgingBasis } from '../invoices/aging';
import { isPaymentColumn, visibleColumnIds } from '../invoices/columns';
import type { InvoiceFilters } from '../invoices/filters';
import type { CurrencyView } from '../currency/currency-view';
import { labelOfFilterValue } from '../../../electron/contract/customer-directory';

/** Where the workspace keeps what a view holds (filters, sort, settings, "Show in", grouping). */
export interface WorkspaceState {
  filters: InvoiceFilters;
  sorting: SortingState;
  /** Settings → the columns shown (null = the default ones), the aging basis and the as-of day (null = today). */
  visibleColumns: string[] | null;
  agingBasis: AgingBasis;
  agingAsOf: string | null;
  currency: CurrencyView;
  groupByCustomer: boolean;
  /** Settings → the widths the user set (rem per column). Undefined from a view saved before widths: the widths on screen stay. */
  columnWidths?: ColumnWidths;
  /** "All connections": the orgs its org filter shows (empty: every org). Undefined in one org's workspace. */
  orgs?: ViewOrg[];
}

/** An org as a view names it: its connection's id, and its name (to say which one is gone). */
export interface ViewOrg {
  id: string;
  name: string;
}

const known = new Set<string>(gridColumnIds);
const isSortColumn = (id: string): id is GridColumnId => known.has(id);

/** The workspace's state as a view (what Save view… keeps). */
export function readViewState(state: WorkspaceState): ViewState {
  const sort = state.sorting[0];
  return {
    version: VIEW_STATE_VERSION,
    filters: { ...state.filters, statuses: [...state.filters.statuses], currencies: [...state.filters.currencies] },
    agingBasis: state.agingBasis,
    asOf: state.agingAsOf,
    sort: sort && isSortColumn(sort.id) ? { column: sort.id, desc: sort.desc } : { ...DEFAULT_SORT },
    columns: visibleColumnIds(state.visibleColumns),
    currency: { showIn: state.currency.showIn, basis: state.currency.basis },
    groupByCustomer: state.groupByCustomer,
    widths: { ...state.columnWidths },
    ...(state.orgs ? { orgs: state.orgs.map((org) => ({ ...org })) } : {}),
  };
}

/** What the org has now, against which a view is checked before it is applied. */
export interface Available {
  currencies: readonly string[];
  customers: readonly string[];
  /**
   * Whether a view's customer filter finds invoices (customer-directory.ts: an account by its id, a name by any
   * invoice of it); absent: the filter is one of `customers`.
   */
  customerFound?: (value: string) => boolean;
  statuses: readonly string[];
  /** Whether the payment columns can be filled (false when the org has no payment objects or they are hidden from the user). */
  paymentColumns: boolean;
  /** Columns whose invoice field no org can read (field-level security, a deleted field: the mapping dropped it). */
  unreadableColumns?: readonly string[];
  /** "All connections": the connected orgs (a view's org filter keeps those still here). Undefined in one org's workspace. */
  orgs?: readonly ViewOrg[];
}

/** Something a view named that the org no longer has, left out when the view was opened. */
export type Dropped =
  | { kind: 'currency'; value: string }
  | { kind: 'customer'; value: string }
  | { kind: 'status'; value: string }
  | { kind: 'column'; value: ViewColumn }
  | { kind: 'paymentFilters' }
  /** An org of the view's org filter whose connection is gone (by its name when the view was saved). */
  | { kind: 'org'; value: string };

/**
 * The view as the org can show it now: currencies, customers and statuses it no longer has are left out of the
 * filters (a filter on them would show an empty grid), and columns whose fields cannot be read (the payment columns
 * when the payment objects are hidden by field-level security) are left out, with the sort on one of them; each
 * one is listed in `dropped` so the workspace can say what was left out.
 */
export function fitViewState(view: ViewState, available: Available): { state: ViewState; dropped: Dropped[] } {
  const dropped: Dropped[] = [];
  const keep = <K extends 'currency' | 'status'>(kind: K, values: readonly string[], have: readonly string[]) => {
    const set = new Set(have);
    return values.filter((value) => set.has(value) || (dropped.push({ kind, value }), false));
  };
  const filters = { ...view.filters };
  filters.currencies = keep('currency', view.filters.currencies, available.currencies);
  filters.statuses = keep('status', view.filters.statuses, available.statuses);
  const customerFound = available.customerFound ?? ((value: string) => available.customers.includes(value));
  if (filters.customer !== null && !customerFound(filters.customer)) {
    dropped.push({ kind: 'customer', value: labelOfFilterValue(filters.customer) });
    filters.customer = null;
  }
  let columns = view.columns;
  let sort = view.sort;
  if (!available.paymentColumns) {
    columns = view.columns.filter((column) => !isPaymentColumn(column) || (dropped.push({ kind: 'column', value: column }), false));
    if (isPaymentColumn(sort.column)) sort = { ...DEFAULT_SORT };
    // The payment filters read the same applications: on, they would leave every row out.
    if (filters.paidLate || filters.partlyPaid || filters.hasCredits) {
      dropped.push({ kind: 'paymentFilters' });
      filters.paidLate = false;
      filters.partlyPaid = false;
      filters.hasCredits = false;
    }
  }
  // A column whose invoice field cannot be read would be empty: left out and said, with a sort on it.
  if (available.unreadableColumns && available.unreadableColumns.length > 0) {
    const hidden = new Set(available.unreadableColumns);
    columns = columns.filter((column) => !hidden.has(column) || (dropped.push({ kind: 'column', value: column }), false));
    if (hidden.has(sort.column)) sort = { ...DEFAULT_SORT };
  }
  // The Org column is only in "All connections": elsewhere a sort by it is the default sort.
  if (sort.column === 'org' && !available.orgs) sort = { ...DEFAULT_SORT };
  // The org filter: the orgs still connected (those gone are said); in one org's workspace it has no meaning.
  const { orgs: named, ...rest } = view;
  const here = available.orgs && new Set(available.orgs.map((org) => org.id));
  const orgs = named && here ? named.filter((org) => here.has(org.id) || (dropped.push({ kind: 'org', value: org.name }), false)) : undefined;
  return { state: { ...rest, filters, columns, sort, ...(orgs ? { orgs } : {}) }, dropped };
}

/** The workspace state a (fitted) view sets. */
export function workspaceStateOf(view: ViewState): WorkspaceState {
  return {
    filters: { ...view.filters },
    sorting: [{ id: view.sort.column, desc: view.sort.desc }],
    visibleColumns: [...view.columns],
    agingBasis: view.agingBasis,
    agingAsOf: view.asOf,
    currency: { ...view.currency },
    groupByCustomer: view.groupByCustomer,
    ...(view.widths ? { columnWidths: { ...view.widths } } : {}),
    ...(view.orgs ? { orgs: view.orgs.map((org) => ({ ...org })) } : {}),
  };
}
