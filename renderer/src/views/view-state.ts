import type { SortingState } from '@tanstack/react-table';
import type { ColumnWidths } from '../../../electron/contract/column-widths';
import type { ViewColumn, ViewState } from '../../../electron/contract/saved-views';
import { VIEW_STATE_VERSION, viewColumnIds } from '../../../electron/contract/saved-view-limits';
import { DEFAULT_SORT } from '../../../electron/contract/invoice-order';
import type { AgingBasis } from '../invoices/aging';
import { isPaymentColumn, visibleColumnIds } from '../invoices/columns';
import type { InvoiceFilters } from '../invoices/filters';
import type { CurrencyView } from '../currency/currency-view';

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
}

const known = new Set<string>(viewColumnIds);
const isViewColumn = (id: string): id is ViewColumn => known.has(id);

/** The workspace's state as a view (what Save view… keeps). */
export function readViewState(state: WorkspaceState): ViewState {
  const sort = state.sorting[0];
  return {
    version: VIEW_STATE_VERSION,
    filters: { ...state.filters, statuses: [...state.filters.statuses], currencies: [...state.filters.currencies] },
    agingBasis: state.agingBasis,
    asOf: state.agingAsOf,
    sort: sort && isViewColumn(sort.id) ? { column: sort.id, desc: sort.desc } : { ...DEFAULT_SORT },
    columns: visibleColumnIds(state.visibleColumns),
    currency: { showIn: state.currency.showIn, basis: state.currency.basis },
    groupByCustomer: state.groupByCustomer,
    widths: { ...state.columnWidths },
  };
}

/** What the org has now, against which a view is checked before it is applied. */
export interface Available {
  currencies: readonly string[];
  customers: readonly string[];
  statuses: readonly string[];
  /** Whether the payment columns can be filled (false when the org has no payment objects or they are hidden from the user). */
  paymentColumns: boolean;
}

/** Something a view named that the org no longer has, left out when the view was opened. */
export type Dropped =
  | { kind: 'currency'; value: string }
  | { kind: 'customer'; value: string }
  | { kind: 'status'; value: string }
  | { kind: 'column'; value: ViewColumn }
  | { kind: 'paymentFilters' };

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
  if (filters.customer !== null && !available.customers.includes(filters.customer)) {
    dropped.push({ kind: 'customer', value: filters.customer });
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
  return { state: { ...view, filters, columns, sort }, dropped };
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
  };
}
