import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/locale-context';
import { filterChips } from '../invoices/chips';
import { noFilters, type InvoiceFilters } from '../invoices/filters';
import { paymentFilterChips } from '../invoices/payment-filters';
import { customerFilterChips } from '../report/customer-filter';

interface Props {
  filters: InvoiceFilters;
  onChange: (next: InvoiceFilters) => void;
}

/** The active filters, each removable; "Clear all" when there are several. */
export function FilterChips({ filters, onChange }: Props) {
  const { t } = useTranslation(['workspace', 'receivables', 'report']);
  const locale = useLocale();
  const payments = paymentFilterChips(filters, (key) => ({ paidLate: t('receivables:paidLate'), partlyPaid: t('receivables:partlyPaid'), hasCredits: t('receivables:hasCredits') })[key]);
  const customer = customerFilterChips(filters, { customer: t('report:customer'), noCustomer: t('report:noCustomer'), chip: (name, value) => t('chipValue', { name, value }) });
  const chips = [...customer, ...filterChips(filters, t, locale), ...payments];
  if (chips.length === 0) return null;
  return (
    <ul className="chips" aria-label={t('activeFilters')} data-testid="filter-chips">
      {chips.map((chip) => (
        <li key={chip.key} className="chip">
          <span>{chip.label}</span>
          <button type="button" aria-label={t('removeFilter', { filter: chip.label })} onClick={() => onChange(chip.without(filters))}>
            ×
          </button>
        </li>
      ))}
      {chips.length > 1 && (
        <li>
          <button type="button" className="link" onClick={() => onChange({ ...noFilters })}>
            {t('clearAll')}
          </button>
        </li>
      )}
    </ul>
  );
}
