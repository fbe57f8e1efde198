import { filterChips } from '../invoices/chips';
import { noFilters, type InvoiceFilters } from '../invoices/filters';

interface Props {
  filters: InvoiceFilters;
  locale: string | undefined;
  onChange: (next: InvoiceFilters) => void;
}

/** The active filters, each removable; "Clear all" when there are several. */
export function FilterChips({ filters, locale, onChange }: Props) {
  const chips = filterChips(filters, locale);
  if (chips.length === 0) return null;
  return (
    <ul className="chips" aria-label="Active filters" data-testid="filter-chips">
      {chips.map((chip) => (
        <li key={chip.key} className="chip">
          <span>{chip.label}</span>
          <button type="button" aria-label={`Remove filter ${chip.label}`} onClick={() => onChange(chip.without(filters))}>
            ×
          </button>
        </li>
      ))}
      {chips.length > 1 && (
        <li>
          <button type="button" className="link" onClick={() => onChange({ ...noFilters })}>
            Clear all
          </button>
        </li>
      )}
    </ul>
  );
}
