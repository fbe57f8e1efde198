import type { TFunction } from 'i18next';
import type { Connection, ConnectionFreshness, InvoicesChanged } from '../../../electron/contract';

type T = TFunction<'freshness'>;

/**
 * "3 changed", "1 new · 2 changed · 1 deleted", "no changes": what the last sync did, in a few words. The first
 * sync of a connection loaded every invoice: "5,000 invoices loaded", never "5,000 new".
 */
export function changeSummary(t: T, changes: Pick<InvoicesChanged, 'added' | 'changed' | 'deleted' | 'first'>, locale?: string): string {
  const n = (count: number) => ({ count, n: count.toLocaleString(locale) });
  if (changes.first) return t('loaded', n(changes.added ?? 0));
  const added = changes.added ?? 0;
  const changed = changes.changed ?? 0;
  const deleted = changes.deleted ?? 0;
  if (added + changed + deleted === 0) return t('noChanges');
  if (added === 0 && deleted === 0) return t('countChanged', n(changed));
  return [added && t('countNew', n(added)), changed && t('countChanged', n(changed)), deleted && t('countDeleted', n(deleted))].filter(Boolean).join(' · ');
}

export type FailureReason = 'offline' | 'reconnect-needed' | 'limit-reached' | 'failed';

/** Why the last attempt did not bring fresh invoices, if it did not. */
export function failureReason(connection: Connection, plan: ConnectionFreshness | undefined, online: boolean): FailureReason | null {
  if (connection.status === 'reconnect-needed' || plan?.paused === 'reconnect-needed' || connection.lastError?.code === 'RECONNECT_REQUIRED') return 'reconnect-needed';
  if (!online || connection.lastError?.code === 'NETWORK') return 'offline';
  if (connection.lastError?.code === 'SALESFORCE_LIMIT') return 'limit-reached';
  return connection.lastError ? 'failed' : null;
}

export function reasonLabel(t: T, reason: FailureReason): string {
  return { offline: t('reasonOffline'), 'reconnect-needed': t('reasonReconnect'), 'limit-reached': t('reasonLimit'), failed: t('reasonFailed') }[reason];
}

/** When the next background sync happens, or why none is planned. */
export function nextAttemptText(t: T, plan: ConnectionFreshness | undefined, locale?: string): string | null {
  if (!plan) return null;
  if (plan.nextAttemptAt) {
    const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(Date.parse(plan.nextAttemptAt));
    return plan.failures > 0 ? t('retryingAt', { time }) : t('nextUpdate', { time });
  }
  switch (plan.paused) {
    case 'offline':
      return t('pausedOffline');
    case 'reconnect-needed':
      return t('pausedReconnect');
    case 'off':
      return t('pausedOff');
    default:
      return null;
  }
}
