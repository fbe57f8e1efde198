import { useTranslation } from 'react-i18next';

/** The list toolbar's "Group by customer" switch (a pressed button); its hint says the export stays invoices only. */
export function GroupByCustomerToggle({ on, disabled, onToggle }: { on: boolean; disabled: boolean; onToggle: (on: boolean) => void }) {
  const { t } = useTranslation('workspace');
  return (
    <button type="button" aria-pressed={on} disabled={disabled} onClick={() => onToggle(!on)} title={t('groupByCustomerHint')} data-testid="group-by-customer">
      {t('groupByCustomer')}
    </button>
  );
}
