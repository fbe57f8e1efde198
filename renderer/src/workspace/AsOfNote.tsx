import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/locale-context';
import { formatCount } from '../invoices/money';

interface Props {
  /** The chosen as-of date as shown (null: today, nothing to say). */
  asOfLabel: string | null;
  /** Invoices dated after the as-of date, left out. */
  later: number;
  /** Whether the balances as of the date come from the synced applications (null: not known yet). */
  fromApplications: boolean | null;
}

/** Under the toolbar, for an as-of view: what it leaves out and where its balances come from. */
export function AsOfNote({ asOfLabel, later, fromApplications }: Props) {
  const { t } = useTranslation('workspace');
  const locale = useLocale();
  if (asOfLabel === null) return null;
  return (
    <p className="hint as-of-note" role="status" data-testid="as-of-note">
      {later > 0 && (
        <span data-testid="as-of-later" data-count={later}>
          {t('asOfLater', { count: later, n: formatCount(later, locale), date: asOfLabel })}{' '}
        </span>
      )}
      {fromApplications === false ? (
        <span data-testid="as-of-last-sync">{t('asOfLastSync')}</span>
      ) : (
        fromApplications && <span data-testid="as-of-applied">{t('asOfApplied', { date: asOfLabel })}</span>
      )}
    </p>
  );
}
