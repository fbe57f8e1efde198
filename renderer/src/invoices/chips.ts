import { agingLabel, type InvoiceFilters } from './filters';
import { formatPlainDate } from './plain-date';

export interface FilterChip {
  key: string;
  label: string;
  /** The filters without this one. */
  without: (filters: InvoiceFilters) => InvoiceFilters;
}

function rangeLabel(name: string, from: string | null, to: string | null, locale?: string): string {
  const f = from ? formatPlainDate(from, locale) : null;
  const t = to ? formatPlainDate(to, locale) : null;
  if (f && t) return `${name}: ${f} – ${t}`;
  if (f) return `${name}: from ${f}`;
  return `${name}: until ${t}`;
}

/** The active filters as removable chips, in a stable order. */
export function filterChips(filters: InvoiceFilters, locale?: string): FilterChip[] {
  const chips: FilterChip[] = [];
  if (filters.search.trim()) {
    chips.push({ key: 'search', label: `Search: “${filters.search.trim()}”`, without: (f) => ({ ...f, search: '' }) });
  }
  for (const status of filters.statuses) {
    chips.push({ key: `status:${status}`, label: `Status: ${status}`, without: (f) => ({ ...f, statuses: f.statuses.filter((s) => s !== status) }) });
  }
  for (const currency of filters.currencies) {
    chips.push({
      key: `currency:${currency}`,
      label: `Currency: ${currency}`,
      without: (f) => ({ ...f, currencies: f.currencies.filter((c) => c !== currency) }),
    });
  }
  if (filters.invoiceDateFrom || filters.invoiceDateTo) {
    chips.push({
      key: 'invoiceDate',
      label: rangeLabel('Invoice date', filters.invoiceDateFrom, filters.invoiceDateTo, locale),
      without: (f) => ({ ...f, invoiceDateFrom: null, invoiceDateTo: null }),
    });
  }
  if (filters.dueDateFrom || filters.dueDateTo) {
    chips.push({
      key: 'dueDate',
      label: rangeLabel('Due date', filters.dueDateFrom, filters.dueDateTo, locale),
      without: (f) => ({ ...f, dueDateFrom: null, dueDateTo: null }),
    });
  }
  if (filters.overdueOnly) chips.push({ key: 'overdue', label: 'Overdue only', without: (f) => ({ ...f, overdueOnly: false }) });
  if (filters.aging) {
    const aging = filters.aging;
    chips.push({ key: 'aging', label: `Aging: ${agingLabel(aging)}`, without: (f) => ({ ...f, aging: null }) });
  }
  return chips;
}
