import { useTranslation } from 'react-i18next';
import { useNow } from '../freshness/use-now';
import { useLocale } from '../i18n/locale-context';
import type { SyncState } from '../api/use-invoices';
import { formatCount } from '../invoices/money';
import { formatInstant, formatRelative } from '../lib/relative-time';

interface Props {
  sync: SyncState;
  lastSyncedAt: string | null;
  disabled: boolean;
}


/** Sync now (Ctrl/Cmd+R), live progress with cancel, and when the data was last fetched. */
export function SyncControls({ sync, lastSyncedAt, disabled }: Props) {
  const { t } = useTranslation(['workspace', 'freshness']);
  const locale = useLocale();
  const phaseLabels: Record<string, string> = { describe: t('syncDescribe'), deletions: t('syncDeletions'), saving: t('syncSaving') };
  const now = useNow(30_000);
  const progress = sync.progress;
  const total = progress?.total ?? 0;
  const fetched = progress?.fetched ?? 0;
  const lastSyncedText = lastSyncedAt ? t('lastSynced', { when: formatRelative(lastSyncedAt, now, locale, t('freshness:justNow')) }) : t('notSynced');
  // Whole in the tooltip (the top bar may cut it short), with the exact time.
  const lastSyncedTitle = lastSyncedAt ? [lastSyncedText, formatInstant(lastSyncedAt, locale)].join('\n') : undefined;
  return (
    <div className="sync" data-testid="sync-controls">
      {sync.running ? (
        <>
          <div className="sync-progress" role="status" data-testid="sync-progress">
            <span>
              {progress && phaseLabels[progress.phase]
                ? phaseLabels[progress.phase]
                : total > 0
                  ? t('syncingOf', { fetched: formatCount(fetched, locale), total: formatCount(total, locale) })
                  : t('syncing')}
            </span>
            <progress aria-label={t('syncProgress')} max={total || undefined} value={total ? fetched : undefined} />
          </div>
          <button type="button" onClick={sync.cancel} data-testid="sync-cancel">
            {t('cancel')}
          </button>
        </>
      ) : (
        <>
          <span className="hint" data-testid="last-synced" title={lastSyncedTitle}>
            {lastSyncedText}
          </span>
          <button type="button" className="primary" onClick={sync.start} disabled={disabled} title={t('syncTitle')} data-testid="sync-button" aria-keyshortcuts="Control+R Meta+R">
            {t('sync')}
          </button>
        </>
      )}
    </div>
  );
}
