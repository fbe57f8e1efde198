import './freshness.css';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/locale-context';
import { formatRelative } from '../lib/relative-time';
import { changeSummary } from './freshness-text';
import type { RecentChanges } from './use-recent-changes';
import { useNow } from './use-now';

/** A quiet "Updated just now · 3 changed" after a sync landed; never a dialog. */
export function UpdatedIndicator({ last }: { last: RecentChanges['last'] }) {
  const { t } = useTranslation('freshness');
  const locale = useLocale();
  const now = useNow(30_000, last);
  if (!last) return null;
  const text = t('updated', { when: formatRelative(new Date(last.at).toISOString(), now, locale, t('justNow')), summary: changeSummary(t, last, locale) });
  return (
    <span
      className="updated-indicator"
      role="status"
      data-testid="updated-indicator"
      data-added={last.added ?? 0}
      data-changed={last.changed ?? 0}
      data-deleted={last.deleted ?? 0}
      title={text}
    >
      {text}
    </span>
  );
}
