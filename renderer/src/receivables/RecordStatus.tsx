import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordProgress } from '../../../electron/contract';
import { useBridgeEvent } from '../api/use-event';
import { useLocale } from '../i18n/locale-context';

/**
 * The status-bar line of the background phase after a sync that keeps every invoice's whole record (lines and every
 * field) offline (issue #13): "Keeping every invoice offline: 120,000 of 400,000 records" while it runs, a line when
 * it failed (the next sync tries again); nothing once done or cancelled.
 */
export function RecordStatus() {
  const { t } = useTranslation('invoiceDetail');
  const locale = useLocale();
  const [progress, setProgress] = useState<RecordProgress | null>(null);
  useBridgeEvent('invoices.recordProgress', setProgress);
  if (!progress || progress.phase === 'done' || progress.phase === 'cancelled') return null;
  const count = new Intl.NumberFormat(locale);
  const line = {
    fetching: t('recordFetching', { fetched: count.format(progress.fetched), total: count.format(progress.total) }),
    saving: t('recordSaving'),
    failed: t('recordFailed'),
  }[progress.phase];
  return (
    <span className="record-status" role="status" data-testid="record-status" data-phase={progress.phase}>
      {line}
    </span>
  );
}
