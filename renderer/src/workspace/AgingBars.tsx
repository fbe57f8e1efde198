import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/locale-context';
import type { AgingBucketKey, CurrencyAging } from '../invoices/aging';
import { compactMoney, formatCount, formatMoney } from '../invoices/money';

interface Props {
  aging: CurrencyAging;
  selected: AgingBucketKey | null;
  onPick: (bucket: AgingBucketKey) => void;
}

/** Open balance by days past due, as plain CSS bars; each bar is a button that filters to it. */
export function AgingBars({ aging, selected, onPick }: Props) {
  const { t } = useTranslation(['workspace', 'common']);
  const locale = useLocale();
  const max = Math.max(...aging.buckets.map((b) => Math.abs(b.balance)), 0);
  return (
    <div className="aging" role="group" aria-label={t('agingGroup', { currency: aging.currency })} data-testid="aging">
      {aging.buckets.map((bucket) => {
        const height = max > 0 ? Math.max(bucket.balance !== 0 ? 3 : 0, (Math.abs(bucket.balance) / max) * 100) : 0;
        const amount = formatMoney(bucket.balance, aging.currency, locale);
        const what = bucket.key === 'current' ? t('notYetDue') : t('daysPastDue', { days: bucket.label });
        const invoices = t('invoiceCount', { count: bucket.count, n: formatCount(bucket.count, locale) });
        return (
          <button
            key={bucket.key}
            type="button"
            className={`aging-bar bucket-${bucket.key}`}
            aria-pressed={selected === bucket.key}
            title={t('agingTitle', { what, amount, invoices })}
            onClick={() => onPick(bucket.key)}
            data-testid="aging-bar"
            data-bucket={bucket.key}
            data-amount={bucket.balance}
            data-count={bucket.count}
          >
            <span className="aging-value">{compactMoney(bucket.balance, aging.currency, locale, t('common:thousandsShort'))}</span>
            <span className="aging-track" aria-hidden="true">
              <span className="aging-fill" style={{ height: `${height}%` }} />
            </span>
            <span className="aging-label">{bucket.key === 'current' ? t('agingCurrent') : bucket.label}</span>
            <span className="visually-hidden">
              {t('agingSpoken', { currency: aging.currency, what, amount, invoices })}
            </span>
          </button>
        );
      })}
    </div>
  );
}
