import './summary-busy.css';
import { memo, useCallback, useMemo } from 'react';
import { CorporateCard } from '../currency/CorporateCard';
import { ConvertedAmounts } from '../currency/ConvertedAmounts';
import { CurrencyNotices } from '../currency/CurrencyNotices';
import { useCorporateFigures, type CorporateView } from '../currency/use-corporate-view';
import type { AgingBucketKey } from '../invoices/aging';
import { CollectionLine } from '../receivables/CollectionLine';
import { useCardCollection } from '../receivables/use-card-collection';
import { CurrencySummary } from './CurrencySummary';
import { useSummaryFigures, type SummaryFigures } from './use-figures-after-paint';

const noneMissing: Readonly<Record<string, number>> = {};

/**
 * The view the grid shows (useInvoiceView: its rows, sums, the rows the totals and the aging are over) and its rules —
 * what the summary's figures are over (the language comes from the locale context).
 */
interface Props extends Omit<SummaryFigures, 'locale'> {
  /** Every invoice is in: the collection figures (DSO, days to pay) need them all. */
  ready: boolean;
  asOfLabel: string;
  /** The corporate-currency view's rows converted and rates (useCorporateView), and what its notices say. */
  converted: CorporateView['converted'];
  table: CorporateView['table'];
  corporate: string | null;
  ratesState: CorporateView['state'];
  flagged: string[];
  /** The user asked for the corporate currency. */
  wanted: boolean;
  /** The per-currency bucket picked (one currency), and the corporate chart's (every currency). */
  picked: { currency: string; bucket: AgingBucketKey } | null;
  onPickBucket: (currency: string, bucket: AgingBucketKey) => void;
  pickedAny: AgingBucketKey | null;
  onPickAnyBucket: (bucket: AgingBucketKey) => void;
}

/**
 * The workspace's summary — rate notices, the corporate card, the per-currency cards with their DSO / days to pay,
 * converted amounts and aging bars — over the grid's rows. From SPLIT_SUMMARY_ROWS invoices a change of the rows
 * shown paints the grid first; this component keeps the figures shown before (aria-busy) and catches up in a render
 * of its own once that frame is painted (use-figures-after-paint.ts): the workspace does not render again for it.
 * Memoized: a render of the workspace that changes none of its inputs (the keyboard's row in the grid) leaves it.
 */
export const WorkspaceSummary = memo(function WorkspaceSummary(props: Props) {
  const { ready, asOfLabel, converted, table, corporate } = props;
  const { figures, pending } = useSummaryFigures(props);
  // Every figure below is over `figures` (its rows and its rules) — none over the live ones while it lags.
  const corporateSums = useCorporateFigures(converted, figures.prepared, figures.members, figures.agingSet, figures.asOfDay, figures.basis);
  // DSO and average days to pay per currency card, over the rows shown (issue 13); none until every invoice is in.
  const collection = useCardCollection(figures.prepared, figures.members, figures.asOfDay, figures.cutOff, ready);
  // The cards' parts, one function per change of what they show: the cards are memoized and need not render on a
  // keystroke that leaves their figures as they were.
  const collectionLine = useCallback(
    (currency: string) => <CollectionLine currency={currency} figures={collection.get(currency)} asOfLabel={asOfLabel} />,
    [collection, asOfLabel],
  );
  const convertedFigures = corporateSums.figures;
  const convertedLine = useMemo(
    () =>
      convertedFigures && table
        ? (currency: string) => currency !== corporate && (
            <ConvertedAmounts totals={convertedFigures.byCurrency.get(currency)} table={table} slots={convertedFigures.slotsByCurrency.get(currency) ?? new Set()} />
          )
        : undefined,
    [convertedFigures, table, corporate],
  );
  return (
    <>
      <CurrencyNotices
        wanted={props.wanted}
        state={props.ratesState}
        corporate={corporate}
        missing={convertedFigures?.all.missing ?? 0}
        missingByCurrency={convertedFigures?.all.missingByCurrency ?? noneMissing}
        flagged={props.flagged}
      />
      <CorporateCard table={table} figures={corporateSums.figures} aging={corporateSums.aging} busy={pending} selected={props.pickedAny} onPickBucket={props.onPickAnyBucket} />
      <CurrencySummary
        totals={figures.sums.totals}
        aging={figures.sums.aging}
        busy={pending}
        asOfLabel={asOfLabel}
        selected={props.picked}
        onPickBucket={props.onPickBucket}
        collection={collectionLine}
        extra={convertedLine}
      />
    </>
  );
});
