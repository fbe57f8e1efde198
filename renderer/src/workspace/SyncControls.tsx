import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/locale-context';
import type { SyncState } from '../api/use-invoices';
import { formatCount } from '../invoices/money';
import { useShortcutLabel } from '../lib/use-shortcut-label';

interface Props {
  sync: SyncState;
  /** How fresh the copy is (freshness/FreshnessMessage), said where the progress is while a sync runs. */
  freshness: ReactNode;
  disabled: boolean;
}

/** Sync now (Ctrl/Cmd+R), live progress with cancel, and otherwise how fresh the data is. */
export function SyncControls({ sync, freshness, disabled }: Props) {
  const { t } = useTranslation('workspace');
  const shortcut = useShortcutLabel();
  const locale = useLocale();
  const phaseLabels: Record<string, string> = { describe: t('syncDescribe'), certificates: t('syncCertificates'), deletions: t('syncDeletions'), saving: t('syncSaving') };
  const progress = sync.progress;
  const total = progress?.total ?? 0;
  const fetched = progress?.fetched ?? 0;
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
          {freshness}
          <button type="button" className="primary" onClick={sync.start} disabled={disabled} title={t('syncTitle', { keys: shortcut('R') })} data-testid="sync-button" aria-keyshortcuts="Control+R Meta+R">
            {t('sync')}
          </button>
        </>
      )}
    </div>
  );
}
