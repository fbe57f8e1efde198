import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceFilters } from '../invoices/filters';
import { customerLabel, customerOfText } from './customer-filter';

interface Props {
  filters: InvoiceFilters;
  /** The distinct customers of the rows (prepared.customers). */
  customers: readonly string[];
  onChange: (next: InvoiceFilters) => void;
}

/**
 * The customer filter: a box that suggests the customers of the rows; the filter follows as soon as the text is
 * exactly one of them (or empty: any customer). Keyed by the filter in the panel, so a chip removed or a drill-down
 * from the report shows here at once.
 */
export function CustomerFilter({ filters, customers, onChange }: Props) {
  const { t } = useTranslation('report');
  const id = useId();
  const noCustomer = t('noCustomer');
  const words = { noCustomer };
  const [text, setText] = useState(filters.customer === null ? '' : customerLabel(words, filters.customer));
  const pick = (next: string) => {
    setText(next);
    const customer = customerOfText(next, customers, words);
    if (customer !== undefined && customer !== filters.customer) onChange({ ...filters, customer });
  };
  return (
    <fieldset className="filter-group" data-testid="filter-customer">
      <legend>{t('customer')}</legend>
      <input
        type="search"
        className="customer-filter-input"
        list={`${id}-customers`}
        value={text}
        placeholder={t('anyCustomer')}
        aria-label={t('customer')}
        title={t('customerHint')}
        onChange={(e) => pick(e.target.value)}
        data-testid="filter-customer-input"
      />
      <CustomerOptions id={`${id}-customers`} customers={customers} noCustomer={noCustomer} />
    </fieldset>
  );
}

/** The suggestions: thousands of accounts in a large org, so drawn again only when the rows (or the language) change. */
const CustomerOptions = memo(function CustomerOptions({ id, customers, noCustomer }: { id: string; customers: readonly string[]; noCustomer: string }) {
  return (
    <datalist id={id}>
      {customers.map((customer) => (
        <option key={customer} value={customerLabel({ noCustomer }, customer)} />
      ))}
    </datalist>
  );
});
