import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { agingOfCurrency, type AgingBucketKey, type CurrencyAging } from '../invoices/aging';
import type { CurrencyTotals } from '../invoices/totals';
import { AgingBars } from './AgingBars';
import { CardFigures } from './CardFigures';
import { LeftOut } from './LeftOut';
import { useSummarySize } from './use-summary-size';
import { useRememberSummaryRoom } from './summary-room';

interface Props {
  totals: CurrencyTotals[];
  aging: CurrencyAging[];
  asOfLabel: string;
  selected: { currency: string; bucket: AgingBucketKey } | null;
  onPickBucket: (currency: string, bucket: AgingBucketKey) => void;
  /** Shown under a card's totals (the corporate-currency view puts the converted amounts there). */
  extra?: (currency: string) => ReactNode;
  /** Collection figures under a card's totals (DSO, average days to pay: receivables/CollectionLine). */
  collection?: (currency: string) => ReactNode;
  /** The figures are still those of the rows shown before the grid's (they follow in the next frame: aria-busy). */
  busy?: boolean;
}

const NONE_LEFT_OUT: CurrencyTotals['excluded'] = { drafts: { count: 0, balance: 0 }, cancelled: { count: 0, balance: 0 } };

/**
 * One card per currency: count, total and balance of the filtered set's receivables (posted invoices, drafts when
 * included), what was left out, and the aging. Never summed across currencies. On a small window each currency is
 * one line (count, total, balance) until the user opens the aging (use-summary-size). Memoized: a keystroke that keeps
 * the invoices shown (the same totals and aging: see filtered-views.ts) does not render it again.
 */
export const CurrencySummary = memo(function CurrencySummary({ totals, aging, asOfLabel, selected, onPickBucket, extra, collection, busy = false }: Props) {
  const { t } = useTranslation('workspace');
  const size = useSummarySize();
  const room = useRememberSummaryRoom();
  const currencies = [...new Set([...totals.map((x) => x.currency), ...aging.map((a) => a.currency)])].sort();
  if (currencies.length === 0) return null;
  return (
    <section
      ref={room}
      className={size.compact ? 'summary compact' : 'summary'}
      aria-label={t('summaryLabel', { date: asOfLabel })}
      data-testid="summary"
      data-compact={size.compact}
      aria-busy={busy || undefined}
    >
      {currencies.map((currency) => {
        const sum = totals.find((x) => x.currency === currency) ?? { currency, count: 0, total: 0, balance: 0, excluded: NONE_LEFT_OUT };
        // A currency with nothing outstanding still shows its (empty) aging.
        const a = agingOfCurrency(aging, currency);
        return (
          <article key={currency} className="currency-card" data-testid="currency-card" data-currency={currency} aria-label={t('currencyTotals', { currency })}>
            <CardFigures title={currency} currency={currency} count={sum.count} total={sum.total} balance={sum.balance} testIdPrefix="currency" />
            <LeftOut drafts={sum.excluded.drafts} cancelled={sum.excluded.cancelled} currency={currency} />
            {collection?.(currency)}
            {extra?.(currency)}
            <AgingBars aging={a} selected={selected?.currency === currency ? selected.bucket : null} onPick={onPickBucket} />
          </article>
        );
      })}
      {size.small && (
        <button type="button" className="summary-toggle link" aria-expanded={size.expanded} onClick={size.toggle} data-testid="summary-toggle">
          {size.expanded ? t('summaryCollapse') : t('summaryExpand')}
        </button>
      )}
    </section>
  );
});
