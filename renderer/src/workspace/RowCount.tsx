import { useTranslation } from 'react-i18next';
import type { InvoiceListState } from '../api/use-invoices';
import { useLocale } from '../i18n/locale-context';
import { formatCount } from '../invoices/money';

interface Props {
  list: InvoiceListState;
  /** Rows shown (after search and filters) and rows in all. */
  visible: number;
  total: number;
}

/** The count only once it is the count: while loading it says how far the loading is. */
export function RowCount({ list: { list, complete, progress, loading }, visible, total }: Props) {
  const { t } = useTranslation(['workspace', 'common']);
  const locale = useLocale();
  const partial = !complete && list !== null;
  return (
    <span
      className="row-count"
      role="status"
      data-testid="row-count"
      data-complete={list !== null && complete}
      aria-busy={partial || undefined}
      {...(!partial && { 'data-visible': visible, 'data-total': total })}
    >
      {progress ? (
        <>
          {t('loadingInvoices', { loaded: formatCount(progress.loaded, locale), total: formatCount(progress.total, locale) })}{' '}
          <progress value={progress.loaded} max={progress.total} aria-label={t('invoicesLoaded')} data-testid="list-progress" />
        </>
      ) : loading && !list ? (
        t('common:loading')
      ) : (
        t('rowCount', { count: total, visible: formatCount(visible, locale), total: formatCount(total, locale) })
      )}
    </span>
  );
}
