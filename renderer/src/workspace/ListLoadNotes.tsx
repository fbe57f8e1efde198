import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rememberedSummaryRoom } from './summary-room';
import type { InvoiceListState } from '../api/use-invoices';
import { UnreadableListWindow } from '../api/list-window-rows';
import { useLocale } from '../i18n/locale-context';
import { formatCount } from '../invoices/money';

/** A window of the list that could not be loaded: why, and a way to continue. */
export function ListLoadError({ list: { error, complete, retry } }: { list: InvoiceListState }) {
  const { t } = useTranslation('workspace');
  if (!error) return null;
  // The core's errors come said in the user's language; one the window found itself is said from the catalogue here.
  const reason = error instanceof UnreadableListWindow ? t(error.words) : error.message;
  return (
    <p className="banner banner-error" role="alert" data-testid="list-error">
      {complete ? t('listErrorLatest', { reason }) : t('listErrorRest', { reason })}{' '}
      <button type="button" onClick={retry}>
        {t('tryAgain')}
      </button>
    </p>
  );
}

/** In the grid while the first rows are on their way: not "No invoices" (EmptyState), which is not what is known yet. */
export function ListLoading() {
  const { t } = useTranslation('common');
  return (
    <p className="empty" aria-busy="true" data-testid="list-loading">
      {t('loading')}
    </p>
  );
}

/** Where the totals will be, while the first load is still bringing the invoices they add up. */
export function TotalsPending({ list: { progress } }: { list: InvoiceListState }) {
  const { t } = useTranslation('workspace');
  const locale = useLocale();
  // As tall as the cards were the last time (summary-room.ts): when they come, the grid does not move.
  const [room] = useState(rememberedSummaryRoom);
  if (!progress) return null;
  return (
    // Busy, but not dimmed with the lagging cards (summary-busy.css): its words are read for the whole first load.
    <section className="summary totals-pending" aria-busy="true" data-testid="summary-loading" style={room ? { minHeight: room, boxSizing: 'border-box' } : undefined}>
      <p className="hint">{t('totalsPending', { count: progress.total, total: formatCount(progress.total, locale) })}</p>
    </section>
  );
}
