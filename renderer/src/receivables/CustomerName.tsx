import { useTranslation } from 'react-i18next';

/** The invoice's customer as a button: it opens the customer view (keyboard reachable in the detail panel). */
export function CustomerName({ name, onOpen }: { name: string; onOpen: (customer: string) => void }) {
  const { t } = useTranslation('customer');
  return (
    <button type="button" className="customer-name" onClick={() => onOpen(name)} title={t('show', { customer: name })} data-testid="detail-customer">
      {name}
    </button>
  );
}
