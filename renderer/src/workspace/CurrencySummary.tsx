import { agingBuckets, type AgingBucketKey, type CurrencyAging } from '../invoices/aging';
import { formatCount, formatMoney } from '../invoices/money';
import type { CurrencyTotals } from '../invoices/totals';
import { AgingBars } from './AgingBars';

interface Props {
  totals: CurrencyTotals[];
  aging: CurrencyAging[];
  locale: string | undefined;
  asOfLabel: string;
  selected: { currency: string; bucket: AgingBucketKey } | null;
  onPickBucket: (currency: string, bucket: AgingBucketKey) => void;
}

/** One card per currency: count, total and balance of the filtered set, and its aging. Never summed across currencies. */
export function CurrencySummary({ totals, aging, locale, asOfLabel, selected, onPickBucket }: Props) {
  const currencies = [...new Set([...totals.map((t) => t.currency), ...aging.map((a) => a.currency)])].sort();
  if (currencies.length === 0) return null;
  return (
    <section className="summary" aria-label={`Totals and aging by currency, as of ${asOfLabel}`} data-testid="summary">
      {currencies.map((currency) => {
        const t = totals.find((x) => x.currency === currency) ?? { currency, count: 0, total: 0, balance: 0 };
        // A currency with nothing outstanding still shows its (empty) aging.
        const a = aging.find((x) => x.currency === currency) ?? { currency, buckets: agingBuckets.map((b) => ({ ...b, count: 0, balance: 0 })) };
        return (
          <article key={currency} className="currency-card" data-testid="currency-card" data-currency={currency} aria-label={`${currency} totals`}>
            <header>
              <h3>{currency}</h3>
              <span className="hint" data-testid="currency-count" data-value={t.count}>
                {formatCount(t.count, locale)} {t.count === 1 ? 'invoice' : 'invoices'}
              </span>
            </header>
            <dl className="totals">
              <div>
                <dt>Total</dt>
                <dd data-testid="currency-total" data-amount={t.total}>
                  {formatMoney(t.total, currency, locale)}
                </dd>
              </div>
              <div>
                <dt>Balance</dt>
                <dd data-testid="currency-balance" data-amount={t.balance}>
                  {formatMoney(t.balance, currency, locale)}
                </dd>
              </div>
            </dl>
            <AgingBars
              aging={a}
              locale={locale}
              selected={selected?.currency === currency ? selected.bucket : null}
              onPick={(bucket) => onPickBucket(currency, bucket)}
            />
          </article>
        );
      })}
    </section>
  );
}
