import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrefetchProgress } from '../../../electron/contract';
import { MB } from '../../../electron/contract/document-budget';
import { useBridgeEvent } from '../api/use-event';
import { budgetly } from '../bridge';
import { useLocale } from '../i18n/locale-context';

/**
 * The status-bar line of "Keep PDFs of open invoices offline": "Keeping PDFs offline: 120 of 430 · 62 MB of 500 MB"
 * with Cancel while it runs; how it ended (kept, budget full, paused until the next sync) after. Cancelled or switched
 * off: gone.
 */
export function PrefetchStatus({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation('settings');
  const locale = useLocale();
  const [progress, setProgress] = useState<PrefetchProgress | null>(null);
  useBridgeEvent('invoices.prefetchProgress', setProgress);
  // Switched off: no line, whatever the last run said.
  if (!enabled || !progress || progress.state === 'cancelled') return null;
  const mb = new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: progress.keptBytes < 10 * MB ? 1 : 0 });
  const values = {
    done: new Intl.NumberFormat(locale).format(progress.done),
    total: new Intl.NumberFormat(locale).format(progress.total),
    used: mb.format(progress.keptBytes / MB),
    budget: mb.format(progress.budgetBytes / MB),
  };
  const line = {
    running: t('prefetchRunning', values),
    done: t('prefetchDone', values),
    full: t('prefetchFull', values),
    stopped: t('prefetchStopped', values),
  }[progress.state];
  return (
    <span className="prefetch-status" data-testid="prefetch-status" data-state={progress.state}>
      <span role="status">
        {line}
        {progress.skipped > 0 && ` · ${t('prefetchSkipped', { count: progress.skipped })}`}
      </span>
      {progress.state === 'running' && (
        <>
          {' '}
          <button
            type="button"
            className="link-button"
            data-testid="prefetch-cancel"
            onClick={() => void budgetly().invoices.cancelPrefetch({ connectionId: progress.connectionId })}
          >
            {t('prefetchCancel')}
          </button>
        </>
      )}
    </span>
  );
}
