import type { Connection, ConnectionFreshness, InvoicesChanged } from '../../../electron/contract';

/** "3 changed", "1 new · 2 changed · 1 deleted", "no changes": what the last sync did, in a few words. */
export function changeSummary(changes: Pick<InvoicesChanged, 'added' | 'changed' | 'deleted'>, locale?: string): string {
  const count = (n: number) => n.toLocaleString(locale);
  const added = changes.added ?? 0;
  const changed = changes.changed ?? 0;
  const deleted = changes.deleted ?? 0;
  if (added + changed + deleted === 0) return 'no changes';
  if (added === 0 && deleted === 0) return `${count(changed)} changed`;
  return [added && `${count(added)} new`, changed && `${count(changed)} changed`, deleted && `${count(deleted)} deleted`].filter(Boolean).join(' · ');
}

export type FailureReason = 'offline' | 'reconnect-needed' | 'limit-reached' | 'failed';

/** Why the last attempt did not bring fresh invoices, if it did not. */
export function failureReason(connection: Connection, plan: ConnectionFreshness | undefined, online: boolean): FailureReason | null {
  if (connection.status === 'reconnect-needed' || plan?.paused === 'reconnect-needed' || connection.lastError?.code === 'RECONNECT_REQUIRED') return 'reconnect-needed';
  if (!online || connection.lastError?.code === 'NETWORK') return 'offline';
  if (connection.lastError?.code === 'SALESFORCE_LIMIT') return 'limit-reached';
  return connection.lastError ? 'failed' : null;
}

export const reasonLabels: Record<FailureReason, string> = {
  offline: 'Offline',
  'reconnect-needed': 'Reconnect needed',
  'limit-reached': 'Salesforce API limit reached',
  failed: 'Last sync failed',
};

/** When the next background sync happens, or why none is planned. */
export function nextAttemptText(plan: ConnectionFreshness | undefined, locale?: string): string | null {
  if (!plan) return null;
  if (plan.nextAttemptAt) {
    const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(Date.parse(plan.nextAttemptAt));
    return plan.failures > 0 ? `retrying at ${time}` : `next update ${time}`;
  }
  switch (plan.paused) {
    case 'offline':
      return 'updates when back online';
    case 'reconnect-needed':
      return 'paused until you reconnect';
    case 'off':
      return 'automatic updates off';
    default:
      return null;
  }
}

/** Fewer than 10% of the org's daily API requests left: the background sync slowed down (Connection details says more). */
export const API_SLOWED_TEXT = 'few Salesforce API requests left today: syncing less often';
