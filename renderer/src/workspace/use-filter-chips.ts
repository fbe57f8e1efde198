import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/locale-context';
import { filterChips, type FilterChip } from '../invoices/chips';
import type { InvoiceFilters } from '../invoices/filters';
import { paymentFilterChips } from '../invoices/payment-filters';
import { customerFilterChips } from '../report/customer-filter';

/**
 * The active filters as chips in the user's language, as a function (one per language): the chips row calls it on
 * every render, the export only when a file is asked for — a keystroke in the search box does not word the filters
 * twice (issue #19).
 */
export function useFilterChipsOf(): (filters: InvoiceFilters) => FilterChip[] {
  const { t } = useTranslation(['workspace', 'receivables', 'report']);
  const locale = useLocale();
  return useCallback(
    (filters: InvoiceFilters) => {
      const payments = paymentFilterChips(filters, (key) => ({ paidLate: t('receivables:paidLate'), partlyPaid: t('receivables:partlyPaid'), hasCredits: t('receivables:hasCredits') })[key]);
      const customer = customerFilterChips(filters, { customer: t('report:customer'), noCustomer: t('report:noCustomer'), chip: (name, value) => t('chipValue', { name, value }) });
      return [...customer, ...filterChips(filters, t, locale), ...payments];
    },
    [t, locale],
  );
}

/** The active filters as chips in the user's language (the chips row, and the filters in words of an XLSX Summary sheet). */
export function useFilterChips(filters: InvoiceFilters): FilterChip[] {
  return useFilterChipsOf()(filters);
}
