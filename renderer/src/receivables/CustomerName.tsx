import { useTranslation } from 'react-i18next';

/** The invoice's customer as a button: it opens the customer view (keyboard reachable in the detail panel). */
export function CustomerName({ name, account, onOpen }: { name: string; account?: string; onOpen: (customer: string, account?: string) => void }) {
  const { t } = useTranslation('customer');
  return (
    <button type="button" className="customer-name" onClick={() => onOpen(name, account)} title={t('show', { customer: name })} data-testid="detail-customer">
      {name}
    </button>
  );
}
