import { useTranslation } from 'react-i18next';
import type { Connection, FreshnessStatus } from '../../../electron/contract';
import { useLocale } from '../i18n/locale-context';
import { formatInstant, formatRelative } from '../lib/relative-time';
import { failureReason, nextAttemptText, reasonLabel } from './freshness-text';
import { useNow } from './use-now';

interface Props {
  connection: Connection;
  status: FreshnessStatus | null;
}

/** The status area's word on freshness: last success, why the last attempt failed, and the next attempt. */
export function FreshnessLine({ connection, status }: Props) {
  const { t } = useTranslation('freshness');
  const locale = useLocale();
  const now = useNow(30_000, connection.lastSyncAt);
  const plan = status?.connections.find((c) => c.connectionId === connection.id);
  const reason = failureReason(connection, plan, status?.online ?? true);
  const next = nextAttemptText(t, plan, locale);
  const parts = [
    connection.lastSyncAt ? t('synced', { when: formatRelative(connection.lastSyncAt, now, locale, t('justNow')) }) : t('notSynced'),
    reason && reasonLabel(t, reason),
    plan?.slowedForApiLimit && t('apiSlowed'),
    next,
  ].filter(Boolean);
  return (
    <span
      className="freshness-line"
      data-testid="freshness-status"
      data-reason={reason ?? ''}
      data-next-attempt={plan?.nextAttemptAt ?? ''}
      data-api-slowed={plan?.slowedForApiLimit ? 'true' : undefined}
      title={[connection.lastSyncAt && t('lastSuccessfulSync', { when: formatInstant(connection.lastSyncAt, locale) }), connection.lastError?.message].filter(Boolean).join('\n')}
    >
      {parts.join(' · ')}
    </span>
  );
}
