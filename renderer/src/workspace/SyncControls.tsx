import { useNow } from '../freshness/use-now';
import type { SyncState } from '../api/use-invoices';
import { formatCount } from '../invoices/money';
import { formatInstant, formatRelative } from '../lib/relative-time';

interface Props {
  sync: SyncState;
  lastSyncedAt: string | null;
  locale: string | undefined;
  disabled: boolean;
}

const phaseLabels: Record<string, string> = {
  describe: 'Looking up invoice fields…',
  deletions: 'Checking for deleted invoices…',
  saving: 'Saving…',
};

/** Sync now (Ctrl/Cmd+R), live progress with cancel, and when the data was last fetched. */
export function SyncControls({ sync, lastSyncedAt, locale, disabled }: Props) {
  const now = useNow(30_000);
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
                  ? `Syncing ${formatCount(fetched, locale)} of ${formatCount(total, locale)}`
                  : 'Syncing…'}
            </span>
            <progress aria-label="Sync progress" max={total || undefined} value={total ? fetched : undefined} />
          </div>
          <button type="button" onClick={sync.cancel} data-testid="sync-cancel">
            Cancel
          </button>
        </>
      ) : (
        <>
          <span className="hint" data-testid="last-synced" title={lastSyncedAt ? formatInstant(lastSyncedAt, locale) : undefined}>
            {/* English sentence until the workspace words move into the catalogue: its relative time stays English too. */}
            {lastSyncedAt ? `Last synced ${formatRelative(lastSyncedAt, now, 'en', 'just now')}` : 'Not synced yet'}
          </span>
          <button type="button" className="primary" onClick={sync.start} disabled={disabled} title="Sync (Ctrl+R)" data-testid="sync-button" aria-keyshortcuts="Control+R Meta+R">
            Sync
          </button>
        </>
      )}
    </div>
  );
}
