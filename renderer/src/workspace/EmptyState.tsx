import { Trans, useTranslation } from 'react-i18next';

interface Props {
  hasInvoices: boolean;
  filtered: boolean;
  syncing: boolean;
  onClearFilters: () => void;
  onSync: () => void;
}

/** What the table says when it has no rows to show, and what to do about it. */
export function EmptyState({ hasInvoices, filtered, syncing, onClearFilters, onSync }: Props) {
  const { t } = useTranslation('workspace');
  if (hasInvoices && filtered) {
    return (
      <p className="empty" data-testid="empty-filtered">
        <Trans t={t} i18nKey="emptyFiltered" components={{ clear: <button type="button" className="link" onClick={onClearFilters} /> }} />
      </p>
    );
  }
  if (syncing) return <p className="empty">{t('emptyFetching')}</p>;
  return (
    <p className="empty" data-testid="empty-none">
      <Trans t={t} i18nKey="emptyNone" components={{ sync: <button type="button" className="link" onClick={onSync} /> }} />
    </p>
  );
}
