import type { TFunction } from 'i18next';
import { agingBuckets, type AgingBucketKey } from './aging';
import type { InvoiceFilters } from './filters';
import { formatPlainDate } from './plain-date';
import { formatInstant } from '../lib/relative-time';
import { NO_STATUS } from './prepared';


type T = TFunction<'workspace'>;

export interface FilterChip {
  key: string;
  label: string;
  /** The filters without this one. */
  without: (filters: InvoiceFilters) => InvoiceFilters;
}

/** "Not yet due" or "31–60 days past due", in the user's language. */
export function agingLabel(t: T, key: AgingBucketKey): string {
  const bucket = agingBuckets.find((b) => b.key === key)!;
  return key === 'current' ? t('agingCurrent') : t('daysPastDue', { days: bucket.label });
}

/** A status as the user reads it: the invoices without one are "(no status)" in their language. */
export function statusLabel(t: T, status: string): string {
  return status === NO_STATUS ? t('noStatus') : status;
}

function rangeLabel(t: T, name: string, from: string | null, to: string | null, locale: string | undefined): string {
  const f = from ? formatPlainDate(from, locale) : null;
  const u = to ? formatPlainDate(to, locale) : null;
  if (f && u) return t('chipRange', { name, from: f, to: u });
  if (f) return t('chipFrom', { name, from: f });
  return t('chipUntil', { name, to: u ?? '' });
}

/** The active filters as removable chips, in a stable order, in the language of `t`. */
export function filterChips(filters: InvoiceFilters, t: T, locale: string | undefined): FilterChip[] {
  const chips: FilterChip[] = [];
  const named = (name: string, value: string) => t('chipValue', { name, value });
  if (filters.search.trim()) {
    chips.push({ key: 'search', label: t('chipSearch', { text: filters.search.trim() }), without: (f) => ({ ...f, search: '' }) });
  }
  for (const status of filters.statuses) {
    chips.push({
      key: `status:${status}`,
      label: named(t('status'), statusLabel(t, status)),
      without: (f) => ({ ...f, statuses: f.statuses.filter((s) => s !== status) }),
    });
  }
  for (const currency of filters.currencies) {
    chips.push({
      key: `currency:${currency}`,
      label: named(t('currency'), currency),
      without: (f) => ({ ...f, currencies: f.currencies.filter((c) => c !== currency) }),
    });
  }
  if (filters.invoiceDateFrom || filters.invoiceDateTo) {
    chips.push({
      key: 'invoiceDate',
      label: rangeLabel(t, t('invoiceDate'), filters.invoiceDateFrom, filters.invoiceDateTo, locale),
      without: (f) => ({ ...f, invoiceDateFrom: null, invoiceDateTo: null }),
    });
  }
  if (filters.dueDateFrom || filters.dueDateTo) {
    chips.push({
      key: 'dueDate',
      label: rangeLabel(t, t('dueDate'), filters.dueDateFrom, filters.dueDateTo, locale),
      without: (f) => ({ ...f, dueDateFrom: null, dueDateTo: null }),
    });
  }
  if (filters.overdueOnly) chips.push({ key: 'overdue', label: t('overdueOnly'), without: (f) => ({ ...f, overdueOnly: false }) });
  if (filters.aging) {
    chips.push({ key: 'aging', label: named(t('aging'), agingLabel(t, filters.aging)), without: (f) => ({ ...f, aging: null }) });
  }
  if (filters.changedSince !== null) {
    chips.push({ key: 'changedSince', label: t('chipChangedSince', { when: formatInstant(filters.changedSince, locale) }), without: (f) => ({ ...f, changedSince: null }) });
  }
  return chips;
}
