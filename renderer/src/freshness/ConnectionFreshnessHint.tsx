import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../electron/contract';
import { useLocale } from '../i18n/locale-context';
import { formatRelative } from '../lib/relative-time';
import { failureReason, reasonLabel } from './freshness-text';
import { useNow } from './use-now';

/** In the connection switcher: when this org was last synced, and why its last sync failed (offline and reconnect have their own status). */
export function ConnectionFreshnessHint({ connection }: { connection: Connection }) {
  const { t } = useTranslation('freshness');
  const locale = useLocale();
  const now = useNow(30_000, connection.lastSyncAt);
  const reason = failureReason(connection, undefined, true);
  const failed = reason === 'limit-reached' || reason === 'failed' ? ` · ${reasonLabel(t, reason)}` : '';
  return (
    <span className="hint connection-freshness" data-testid="connection-freshness" data-reason={reason ?? ''} title={connection.lastError?.message}>
      {connection.lastSyncAt ? t('hintSynced', { when: formatRelative(connection.lastSyncAt, now, locale, t('justNow')) }) : t('hintNotSynced')}
      {failed}
    </span>
  );
}
