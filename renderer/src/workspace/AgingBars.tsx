import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/locale-context';
import type { AgingBucketKey, CurrencyAging } from '../invoices/aging';
import { compactMoney, formatCount, formatMoney } from '../invoices/money';
import { textTemplate } from '../i18n/text-template';

interface Props {
  aging: CurrencyAging;
  selected: AgingBucketKey | null;
  /** A bar was clicked: its currency (the chart's) and bucket. */
  onPick: (currency: string, bucket: AgingBucketKey) => void;
}

/** Same currency and the same figures in every bucket: the bars would render exactly as they are. */
function sameAging(a: CurrencyAging, b: CurrencyAging): boolean {
  if (a === b) return true;
  if (a.currency !== b.currency || a.buckets.length !== b.buckets.length) return false;
  return a.buckets.every((bucket, i) => {
    const other = b.buckets[i]!;
    return bucket.key === other.key && bucket.label === other.label && bucket.count === other.count && bucket.balance === other.balance;
  });
}

/** A currency symbol written against its number ("€460.5K", "-¥122.8M"): the symbol, then the rest. */
const SYMBOL_THEN_NUMBER = /^([^\d\s]+)(\d.*)$/u;

/**
 * A compact amount that may break after its currency symbol ("€" / "460.5K") when its fifth of the card is too narrow
 * for it — as "563,8 Tsd. €" breaks at its spaces — instead of running into the next bar's (review23/review24: English
 * amounts of ~€100K+ overran their bar on cards at their narrowest, 16rem, e.g. at 1,400 px with four currencies).
 */
function BreakAfterSymbol({ text }: { text: string }) {
  const parts = SYMBOL_THEN_NUMBER.exec(text);
  if (!parts) return text;
  return (
    <>
      {parts[1]}
      <wbr />
      {parts[2]}
    </>
  );
}

/**
 * Open balance by days past due, as plain CSS bars; each bar is a button that filters to it. Memoized on its figures:
 * a search that changes other currencies' cards (or none) does not render this one again.
 */
export const AgingBars = memo(function AgingBars({ aging, selected, onPick }: Props) {
  const { t } = useTranslation(['workspace', 'common']);
  const locale = useLocale();
  const max = Math.max(...aging.buckets.map((b) => Math.abs(b.balance)), 0);
  // The words that do not change with the figures, once per language and set of buckets (a keystroke changes only
  // the amounts and counts of every bar: one lookup a bar — its invoice count — the bar's title and spoken words
  // filled in from templates of the language's texts).
  const labels = aging.buckets.map((bucket) => `${bucket.key}\u0001${bucket.label}`).join('\u0000');
  const words = useMemo(
    () => ({
      thousands: t('common:thousandsShort'),
      current: t('agingCurrent'),
      what: aging.buckets.map((bucket) => (bucket.key === 'current' ? t('notYetDue') : t('daysPastDue', { days: bucket.label }))),
      title: textTemplate((slots) => t('agingTitle', slots), ['what', 'amount', 'invoices']),
      spoken: textTemplate((slots) => t('agingSpoken', slots), ['currency', 'what', 'amount', 'invoices']),
    }),
    // The buckets' labels (in their order) are what the words are made of, not the aging object (new at every keystroke).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, labels],
  );
  return (
    <div className="aging" role="group" aria-label={t('agingGroup', { currency: aging.currency })} data-testid="aging">
      {aging.buckets.map((bucket, slot) => {
        const height = max > 0 ? Math.max(bucket.balance !== 0 ? 3 : 0, (Math.abs(bucket.balance) / max) * 100) : 0;
        const amount = formatMoney(bucket.balance, aging.currency, locale);
        const what = words.what[slot]!;
        const invoices = t('invoiceCount', { count: bucket.count, n: formatCount(bucket.count, locale) });
        return (
          <button
            key={bucket.key}
            type="button"
            className={`aging-bar bucket-${bucket.key}`}
            aria-pressed={selected === bucket.key}
            title={words.title({ what, amount, invoices })}
            onClick={() => onPick(aging.currency, bucket.key)}
            data-testid="aging-bar"
            data-bucket={bucket.key}
            data-amount={bucket.balance}
            data-count={bucket.count}
          >
            <span className="aging-value">
              <BreakAfterSymbol text={compactMoney(bucket.balance, aging.currency, locale, words.thousands)} />
            </span>
            <span className="aging-track" aria-hidden="true">
              <span className="aging-fill" style={{ height: `${height}%` }} />
            </span>
            <span className="aging-label">{bucket.key === 'current' ? words.current : bucket.label}</span>
            <span className="visually-hidden">
              {words.spoken({ currency: aging.currency, what, amount, invoices })}
            </span>
          </button>
        );
      })}
    </div>
  );
}, (a, b) => a.selected === b.selected && a.onPick === b.onPick && sameAging(a.aging, b.aging));
