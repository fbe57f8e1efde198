import './freshness.css';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../electron/contract';
import { useLocale } from '../i18n/locale-context';
import { formatInstant, formatRelative } from '../lib/relative-time';
import { changeSummary, failureReason, nextAttemptText, reasonLabel } from './freshness-text';
import { useFreshness } from './use-freshness';
import type { RecentChanges } from './use-recent-changes';
import { useNow } from './use-now';

interface Props {
  connection: Connection;
  /** When the copy on screen was last refreshed from Salesforce (the list's own time, else the connection's). */
  lastSyncedAt: string | null;
  /** What the last sync in this window changed ("300 new"). */
  last: RecentChanges['last'];
  /** Opens the change log ("What changed"): the summary of the last sync is its button. */
  onOpenChanges?: () => void;
}

/**
 * The one sentence on how fresh the invoices are, beside Sync (which shows the progress while a sync runs):
 * "Updated 5 minutes ago · 3 changed", and when the last attempt failed, why and what happens next
 * ("Updated 2 hours ago · Offline · updates when back online"). The tooltip has the exact time, the next planned
 * update, a slowed-down sync and the last error. It replaced the top bar's "Last synced …", its "Updated … · N new"
 * and the status bar's "Synced …" (three lines saying one thing).
 * Memoized: the workspace renders at every keystroke in the search box, and nothing here depends on it.
 */
export const FreshnessMessage = memo(function FreshnessMessage({ connection, lastSyncedAt, last, onOpenChanges }: Props) {
  const { t } = useTranslation(['freshness', 'changeLog']);
  const locale = useLocale();
  const status = useFreshness();
  const now = useNow(30_000, `${lastSyncedAt ?? ''}|${last?.at ?? ''}`);
  const plan = status?.connections.find((c) => c.connectionId === connection.id);
  const reason = failureReason(connection, plan, status?.online ?? true);
  const next = nextAttemptText(t, plan, locale);
  const when = lastSyncedAt ? t('updatedWhen', { when: formatRelative(lastSyncedAt, now, locale, t('justNow')) }) : t('notSynced');
  const changes = last ? changeSummary(t, last, locale) : null;
  // What went wrong stays in the sentence; a healthy plan ("next update 14:30") only in the tooltip.
  const trouble = reason ? [reasonLabel(t, reason), next].filter(Boolean).join(' · ') : null;
  const sentence = [when, changes, trouble].filter(Boolean).join(' · ');
  const tooltip = [
    sentence,
    lastSyncedAt && t('lastSuccessfulSync', { when: formatInstant(lastSyncedAt, locale) }),
    !reason && next,
    plan?.slowedForApiLimit && t('apiSlowed'),
    connection.lastError?.message,
  ].filter(Boolean);
  return (
    <span
      className="freshness-message"
      role="status"
      title={tooltip.join('\n')}
      data-testid="freshness-status"
      data-reason={reason ?? ''}
      data-next-attempt={plan?.nextAttemptAt ?? ''}
      data-api-slowed={plan?.slowedForApiLimit ? 'true' : undefined}
      data-added={last?.added ?? 0}
      data-changed={last?.changed ?? 0}
      data-deleted={last?.deleted ?? 0}
    >
      {when}
      {changes && (
        <>
          {' · '}
          {onOpenChanges ? (
            <button type="button" className="link" onClick={onOpenChanges} title={t('changeLog:openHint')} data-testid="freshness-changes">
              {changes}
            </button>
          ) : (
            <span data-testid="freshness-changes">{changes}</span>
          )}
        </>
      )}
      {trouble && ` · ${trouble}`}
    </span>
  );
});
