import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/locale-context';
import { formatCount } from '../invoices/money';
import type { RatesState } from './use-corporate-view';

interface Props {
  /** The user asked for the corporate currency. */
  wanted: boolean;
  state: RatesState | null;
  corporate: string | null;
  /** Invoices shown that have no rate (left out of the corporate total). */
  missing: number;
  /** The same, per invoice currency: which currencies lack a rate, and for how many invoices. */
  missingByCurrency: Readonly<Record<string, number>>;
  /** Currencies whose dated rates have gaps or overlaps. */
  flagged: string[];
}

/** What the corporate-currency view cannot convert, said where the totals are. */
export function CurrencyNotices({ wanted, state, corporate, missing, missingByCurrency, flagged }: Props) {
  const { t } = useTranslation('currency');
  const locale = useLocale();
  // No access to the rates is said whatever the view (there is no "Show in" control then: this says why).
  if (!wanted && state !== 'unreadable') return null;
  if (state === 'unreadable' || state === 'notSynced') {
    return (
      <p className="notice notice-info" role="status" data-testid="rates-notice">
        {state === 'unreadable' ? t('ratesUnreadable') : t('ratesNotSynced')}
      </p>
    );
  }
  return (
    <>
      {missing > 0 && corporate && (
        <p className="notice notice-info" role="status" data-testid="missing-rate-notice" data-count={missing}>
          {t('missingRate', { count: missing, currency: corporate })}{' '}
          <span data-testid="missing-rate-by-currency">
            ({Object.keys(missingByCurrency).sort().map((code) => `${code} ${formatCount(missingByCurrency[code]!, locale)}`).join(' · ')})
          </span>
        </p>
      )}
      {flagged.length > 0 && (
        <p className="hint" role="note" data-testid="rate-period-issues">
          {t('periodIssues', { currencies: flagged.join(', ') })}
        </p>
      )}
    </>
  );
}
