import { useId } from 'react';
import type { InvoiceFilters } from '../invoices/filters';

interface Props {
  filters: InvoiceFilters;
  statuses: string[];
  currencies: string[];
  onChange: (next: InvoiceFilters) => void;
}

function toggle(list: string[], value: string, on: boolean): string[] {
  return on ? [...list, value] : list.filter((v) => v !== value);
}

function DateRange({ legend, from, to, onChange, testId }: { legend: string; from: string | null; to: string | null; onChange: (from: string | null, to: string | null) => void; testId: string }) {
  const id = useId();
  return (
    <fieldset className="filter-group" data-testid={testId}>
      <legend>{legend}</legend>
      <div className="date-range">
        <label htmlFor={`${id}-from`}>From</label>
        <input id={`${id}-from`} type="date" value={from ?? ''} max={to ?? undefined} onChange={(e) => onChange(e.target.value || null, to)} />
        <label htmlFor={`${id}-to`}>To</label>
        <input id={`${id}-to`} type="date" value={to ?? ''} min={from ?? undefined} onChange={(e) => onChange(from, e.target.value || null)} />
      </div>
    </fieldset>
  );
}

/** Status (several), currency, invoice-date and due-date ranges, overdue only. */
export function FiltersPanel({ filters, statuses, currencies, onChange }: Props) {
  return (
    <aside className="filters" aria-label="Filters">
      <h2 className="panel-title">Filters</h2>
      <fieldset className="filter-group" data-testid="filter-status">
        <legend>Status</legend>
        {statuses.length === 0 && <span className="hint">No invoices yet</span>}
        {statuses.map((status) => (
          <label key={status} className="check">
            <input
              type="checkbox"
              checked={filters.statuses.includes(status)}
              onChange={(e) => onChange({ ...filters, statuses: toggle(filters.statuses, status, e.target.checked) })}
            />
            {status}
          </label>
        ))}
      </fieldset>
      {currencies.length > 1 && (
        <fieldset className="filter-group" data-testid="filter-currency">
          <legend>Currency</legend>
          {currencies.map((currency) => (
            <label key={currency} className="check">
              <input
                type="checkbox"
                checked={filters.currencies.includes(currency)}
                onChange={(e) => onChange({ ...filters, currencies: toggle(filters.currencies, currency, e.target.checked) })}
              />
              {currency}
            </label>
          ))}
        </fieldset>
      )}
      <fieldset className="filter-group">
        <legend>Payment</legend>
        <label className="check">
          <input type="checkbox" checked={filters.overdueOnly} onChange={(e) => onChange({ ...filters, overdueOnly: e.target.checked })} data-testid="filter-overdue" />
          Overdue only
        </label>
      </fieldset>
      <DateRange
        legend="Invoice date"
        testId="filter-invoice-date"
        from={filters.invoiceDateFrom}
        to={filters.invoiceDateTo}
        onChange={(invoiceDateFrom, invoiceDateTo) => onChange({ ...filters, invoiceDateFrom, invoiceDateTo })}
      />
      <DateRange
        legend="Due date"
        testId="filter-due-date"
        from={filters.dueDateFrom}
        to={filters.dueDateTo}
        onChange={(dueDateFrom, dueDateTo) => onChange({ ...filters, dueDateFrom, dueDateTo })}
      />
    </aside>
  );
}
