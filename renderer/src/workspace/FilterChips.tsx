import { useTranslation } from 'react-i18next';
import { noFilters, type InvoiceFilters } from '../invoices/filters';
import { useFilterChips } from './use-filter-chips';

interface Props {
  filters: InvoiceFilters;
  onChange: (next: InvoiceFilters) => void;
}

/** The active filters, each removable; "Clear all" when there are several. */
export function FilterChips({ filters, onChange }: Props) {
  const { t } = useTranslation('workspace');
  const chips = useFilterChips(filters);
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
