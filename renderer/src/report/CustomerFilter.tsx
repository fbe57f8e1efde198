import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDirectory } from '../../../electron/contract/customer-directory';
import type { InvoiceFilters } from '../invoices/filters';
import { customerLabel, customerOfText } from './customer-filter';

interface Props {
  filters: InvoiceFilters;
  /** The customers of the rows (customerDirectory(prepared.rows)): each under a label no other one has. */
  customers: CustomerDirectory;
  onChange: (next: InvoiceFilters) => void;
}

/**
 * The customer filter: a box that suggests the customers of the rows; the filter follows as soon as the text is
 * exactly one of their labels (or empty: any customer) — an account by its id, two accounts of one name apart. Keyed by the filter in the panel, so a chip removed or a drill-down
 * from the report shows here at once.
 */
export function CustomerFilter({ filters, customers, onChange }: Props) {
  const { t } = useTranslation('report');
  const id = useId();
  const noCustomer = t('noCustomer');
  const words = { noCustomer };
  const [text, setText] = useState(filters.customer === null ? '' : customerLabel(words, customers.label(filters.customer)));
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
const CustomerOptions = memo(function CustomerOptions({ id, customers, noCustomer }: { id: string; customers: CustomerDirectory; noCustomer: string }) {
  return (
    <datalist id={id}>
      {customers.keys.map((key) => (
        <option key={key} value={customerLabel({ noCustomer }, customers.label(key))} />
      ))}
    </datalist>
  );
});
