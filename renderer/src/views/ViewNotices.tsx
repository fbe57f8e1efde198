import { useTranslation } from 'react-i18next';
import { NO_CUSTOMER } from '../invoices/prepared';
import type { Dropped } from './view-state';
import type { ViewsOutcome } from './use-saved-views';

interface Props {
  /** The view last opened and what of it the org no longer has (empty: opened whole). */
  opened: { name: string; dropped: Dropped[] } | null;
  outcome: ViewsOutcome | null;
  unreadable: number;
  onDismiss: () => void;
  /** In "All connections": what the view named is gone from every org (or the org itself is). */
  everyOrg?: boolean;
}

/** Under the toolbar: what an opened view left out (never a silently empty grid), and what Export / Import did. */
export function ViewNotices({ opened, outcome, unreadable, onDismiss, everyOrg = false }: Props) {
  const { t } = useTranslation('views');
  const { t: column } = useTranslation('columns');
  const said = (item: Dropped) => {
    switch (item.kind) {
      case 'currency':
        return t('droppedCurrency', { value: item.value });
      case 'customer':
        return t('droppedCustomer', { value: item.value === NO_CUSTOMER ? t('noCustomer') : item.value });
      case 'status':
        return t('droppedStatus', { value: item.value });
      case 'column':
        return t('droppedColumn', { value: column(item.value) });
      case 'paymentFilters':
        return t('droppedPaymentFilters');
      case 'org':
        return t('droppedOrg', { value: item.value });
    }
  };
  const dropped = opened?.dropped ?? [];
  if (dropped.length === 0 && !outcome && unreadable === 0) {
    return (
      <p className="visually-hidden" role="status">
        {opened ? t('opened', { name: opened.name }) : ''}
      </p>
    );
  }
  return (
    <div className="view-notices" role="status" data-testid="view-notice">
      {dropped.length > 0 && (
        <div data-testid="view-dropped">
          {everyOrg ? t('droppedIntroAll', { name: opened!.name }) : t('droppedIntro', { name: opened!.name })}
          <ul>
            {dropped.map((item, i) => (
              <li key={i} data-kind={item.kind}>
                {said(item)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {outcome?.kind === 'exported' && <p data-testid="views-outcome">{t('exported', { count: outcome.count, path: outcome.path })}</p>}
      {outcome?.kind === 'imported' && <p data-testid="views-outcome">{t('imported', { count: outcome.names.length, names: outcome.names.join(', ') })}</p>}
      {outcome?.kind === 'failed' && (
        <p role="alert" data-testid="views-error">
          {outcome.message}
        </p>
      )}
      {unreadable > 0 && <p data-testid="views-unreadable">{t('unreadable', { count: unreadable })}</p>}
      <button type="button" onClick={onDismiss} data-testid="view-notice-dismiss">
        {t('dismiss')}
      </button>
    </div>
  );
}
