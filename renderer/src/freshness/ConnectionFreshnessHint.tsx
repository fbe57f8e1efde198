import type { Connection } from '../../../electron/contract';
import { formatRelative } from '../lib/relative-time';
import { failureReason, reasonLabels } from './freshness-text';
import { useNow } from './use-now';

/** In the connection switcher: when this org was last synced, and why its last sync failed (offline and reconnect have their own status). */
export function ConnectionFreshnessHint({ connection, locale }: { connection: Connection; locale?: string }) {
  const now = useNow(30_000, connection.lastSyncAt);
  const reason = failureReason(connection, undefined, true);
  const failed = reason === 'limit-reached' || reason === 'failed' ? ` · ${reasonLabels[reason]}` : '';
  return (
    <span className="hint connection-freshness" data-testid="connection-freshness" data-reason={reason ?? ''} title={connection.lastError?.message}>
      {connection.lastSyncAt ? `synced ${formatRelative(connection.lastSyncAt, now, locale)}` : 'not synced yet'}
      {failed}
    </span>
  );
}
