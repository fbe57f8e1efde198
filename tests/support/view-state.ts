import type { ViewState } from '../../electron/contract/saved-views';
import { noFilters } from '../../renderer/src/invoices/filters';

/** A saved view's state as the workspace reads it with nothing chosen: every invoice, default sort and columns. */
export const plainViewState: ViewState = {
  version: 1,
  filters: { ...noFilters },
  agingBasis: 'dueDate',
  asOf: null,
  sort: { column: 'invoiceDate', desc: true },
  columns: ['number', 'customer', 'invoiceDate', 'dueDate', 'status', 'total', 'balance', 'currency', 'daysOverdue'],
  currency: { showIn: 'own', basis: 'invoiceDate' },
  groupByCustomer: false,
};

/** A view state with `changes` applied to its filters and the rest. */
export function viewState(changes: Partial<Omit<ViewState, 'filters'>> & { filters?: Partial<ViewState['filters']> } = {}): ViewState {
  return { ...plainViewState, ...changes, filters: { ...plainViewState.filters, ...changes.filters } };
}
