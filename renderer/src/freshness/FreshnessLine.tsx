import type { Connection, FreshnessStatus } from '../../../electron/contract';
import { useLocale } from '../i18n/locale-context';
import { formatInstant, formatRelative } from '../lib/relative-time';
import { API_SLOWED_TEXT, failureReason, nextAttemptText, reasonLabels } from './freshness-text';
import { useNow } from './use-now';

interface Props {
  connection: Connection;
  status: FreshnessStatus | null;
}

/** The status area's word on freshness: last success, why the last attempt failed, and the next attempt. */
export function FreshnessLine({ connection, status }: Props) {
  const locale = useLocale();
  const now = useNow(30_000, connection.lastSyncAt);
  const plan = status?.connections.find((c) => c.connectionId === connection.id);
  const reason = failureReason(connection, plan, status?.online ?? true);
  const next = nextAttemptText(plan, locale);
  const parts = [
    connection.lastSyncAt ? `Synced ${formatRelative(connection.lastSyncAt, now, locale)}` : 'Not synced yet',
    reason && reasonLabels[reason],
    plan?.slowedForApiLimit && API_SLOWED_TEXT,
    next,
  ].filter(Boolean);
  return (
    <span
      className="freshness-line"
      data-testid="freshness-status"
      data-reason={reason ?? ''}
      data-next-attempt={plan?.nextAttemptAt ?? ''}
      data-api-slowed={plan?.slowedForApiLimit ? 'true' : undefined}
      title={[connection.lastSyncAt && `Last successful sync: ${formatInstant(connection.lastSyncAt, locale)}`, connection.lastError?.message].filter(Boolean).join('\n')}
    >
      {parts.join(' · ')}
    </span>
  );
}
