import { memo, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../i18n/DateField';
import { ChangedSinceFilter } from './ChangedSinceFilter';
import { statusLabel } from '../invoices/chips';
import type { PaymentFiguresState } from '../../../electron/contract';
import type { InvoiceFilters } from '../invoices/filters';
import type { CustomerDirectory } from '../../../electron/contract/customer-directory';
import { PaymentFilters } from '../receivables/PaymentFilters';
import { CustomerFilter } from '../report/CustomerFilter';

interface Props {
  filters: InvoiceFilters;
  statuses: string[];
  currencies: string[];
  customers: CustomerDirectory;
  /** Whether the rows carry payment figures (the payment filters need them). */
  payments?: PaymentFiguresState;
  onChange: (next: InvoiceFilters) => void;
  /** When the user last left this workspace: where "Changed since…" starts. */
  lastVisit?: string | null;
  /** Filters of a view of its own, first (the combined view's orgs). */
  children?: ReactNode;
}

function toggle(list: string[], value: string, on: boolean): string[] {
  return on ? [...list, value] : list.filter((v) => v !== value);
}

function DateRange({ legend, from, to, onChange, testId }: { legend: string; from: string | null; to: string | null; onChange: (from: string | null, to: string | null) => void; testId: string }) {
  const id = useId();
  const { t } = useTranslation('workspace');
  return (
    <fieldset className="filter-group" data-testid={testId}>
      <legend>{legend}</legend>
      <div className="date-range">
        <label htmlFor={`${id}-from`}>{t('from')}</label>
        <DateField id={`${id}-from`} value={from} max={to} onChange={(day) => onChange(day, to)} />
        <label htmlFor={`${id}-to`}>{t('to')}</label>
        <DateField id={`${id}-to`} value={to} min={from} onChange={(day) => onChange(from, day)} />
      </div>
    </fieldset>
  );
}

/**
 * Customer, status (several), currency, overdue only, payments received (paid late, partly paid, credit notes), invoice-date and due-date ranges.
 * Memoized: given the filters but the search (useFilters' `others`), it does not render on a keystroke in the search box.
 */
export const FiltersPanel = memo(function FiltersPanel({ filters, statuses, currencies, customers, payments, onChange, lastVisit = null, children }: Props) {
  const { t } = useTranslation('workspace');
  return (
    <aside className="filters" aria-label={t('filters')}>
      <h2 className="panel-title">{t('filters')}</h2>
      {children}
      <CustomerFilter key={filters.customer ?? ''} filters={filters} customers={customers} onChange={onChange} />
      <fieldset className="filter-group" data-testid="filter-status">
        <legend>{t('status')}</legend>
        {statuses.length === 0 && <span className="hint">{t('noInvoicesYet')}</span>}
        {statuses.map((status) => (
          <label key={status} className="check">
            <input
              type="checkbox"
              checked={filters.statuses.includes(status)}
              onChange={(e) => onChange({ ...filters, statuses: toggle(filters.statuses, status, e.target.checked) })}
            />
            {statusLabel(t, status)}
          </label>
        ))}
      </fieldset>
      {currencies.length > 1 && (
        <fieldset className="filter-group" data-testid="filter-currency">
          <legend>{t('currency')}</legend>
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
        <legend>{t('payment')}</legend>
        <label className="check">
          <input type="checkbox" checked={filters.overdueOnly} onChange={(e) => onChange({ ...filters, overdueOnly: e.target.checked })} data-testid="filter-overdue" />
          {t('overdueOnly')}
        </label>
      </fieldset>
      <PaymentFilters filters={filters} payments={payments} onChange={onChange} />
      <DateRange
        legend={t('invoiceDate')}
        testId="filter-invoice-date"
        from={filters.invoiceDateFrom}
        to={filters.invoiceDateTo}
        onChange={(invoiceDateFrom, invoiceDateTo) => onChange({ ...filters, invoiceDateFrom, invoiceDateTo })}
      />
      <DateRange
        legend={t('dueDate')}
        testId="filter-due-date"
        from={filters.dueDateFrom}
        to={filters.dueDateTo}
        onChange={(dueDateFrom, dueDateTo) => onChange({ ...filters, dueDateFrom, dueDateTo })}
      />
      <ChangedSinceFilter filters={filters} lastVisit={lastVisit} onChange={onChange} />
    </aside>
  );
});
