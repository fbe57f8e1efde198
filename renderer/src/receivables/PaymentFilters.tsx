import { useTranslation } from 'react-i18next';
import type { PaymentFiguresState } from '../../../electron/contract';
import type { InvoiceFilters } from '../invoices/filters';
import { paymentFilterKeys } from '../invoices/payment-filters';

interface Props {
  filters: InvoiceFilters;
  /** Whether the list's rows carry payment figures; without them the filters could only empty the list. */
  payments: PaymentFiguresState | undefined;
  onChange: (next: InvoiceFilters) => void;
}

/** Paid late, partly paid, has credit notes (the filters panel's "Payments received" group). */
export function PaymentFilters({ filters, payments, onChange }: Props) {
  const { t } = useTranslation('receivables');
  const words = {
    paidLate: { label: t('paidLate'), title: t('paidLateTitle') },
    partlyPaid: { label: t('partlyPaid'), title: t('partlyPaidTitle') },
    hasCredits: { label: t('hasCredits'), title: t('hasCreditsTitle') },
  };
  const unavailable = payments !== undefined && payments !== 'available';
  return (
    <fieldset className="filter-group" data-testid="filter-payments" disabled={unavailable}>
      <legend>{t('filterGroup')}</legend>
      {paymentFilterKeys.map((key) => (
        <label key={key} className="check" title={words[key].title}>
          <input type="checkbox" checked={filters[key]} onChange={(e) => onChange({ ...filters, [key]: e.target.checked })} data-testid={`filter-${key}`} />
          {words[key].label}
        </label>
      ))}
    </fieldset>
  );
}
