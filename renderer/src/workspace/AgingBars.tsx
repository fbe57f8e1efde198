import { useTranslation } from 'react-i18next';
import type { AgingBucketKey, CurrencyAging } from '../invoices/aging';
import { compactMoney, formatCount, formatMoney } from '../invoices/money';

interface Props {
  aging: CurrencyAging;
  locale: string | undefined;
  selected: AgingBucketKey | null;
  onPick: (bucket: AgingBucketKey) => void;
}

/** Open balance by days past due, as plain CSS bars; each bar is a button that filters to it. */
export function AgingBars({ aging, locale, selected, onPick }: Props) {
  const { t } = useTranslation();
  const max = Math.max(...aging.buckets.map((b) => Math.abs(b.balance)), 0);
  return (
    <div className="aging" role="group" aria-label={`${aging.currency} aging of open balances`} data-testid="aging">
      {aging.buckets.map((bucket) => {
        const height = max > 0 ? Math.max(bucket.balance !== 0 ? 3 : 0, (Math.abs(bucket.balance) / max) * 100) : 0;
        const amount = formatMoney(bucket.balance, aging.currency, locale);
        const what = bucket.key === 'current' ? 'not yet due' : `${bucket.label} days past due`;
        return (
          <button
            key={bucket.key}
            type="button"
            className={`aging-bar bucket-${bucket.key}`}
            aria-pressed={selected === bucket.key}
            title={`${what}: ${amount} (${formatCount(bucket.count, locale)} invoices)`}
            onClick={() => onPick(bucket.key)}
            data-testid="aging-bar"
            data-bucket={bucket.key}
            data-amount={bucket.balance}
            data-count={bucket.count}
          >
            <span className="aging-value">{compactMoney(bucket.balance, aging.currency, locale, t('thousandsShort'))}</span>
            <span className="aging-track" aria-hidden="true">
              <span className="aging-fill" style={{ height: `${height}%` }} />
            </span>
            <span className="aging-label">{bucket.label}</span>
            <span className="visually-hidden">
              {`, ${aging.currency} ${what}: ${amount} in ${formatCount(bucket.count, locale)} invoices. Show only these.`}
            </span>
          </button>
        );
      })}
    </div>
  );
}
