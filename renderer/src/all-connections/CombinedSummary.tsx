import '../workspace/summary-busy.css';
import { memo } from 'react';
import type { Connection } from '../../../electron/contract';
import type { AgingBucketKey } from '../invoices/aging';
import { CurrencySummary } from '../workspace/CurrencySummary';
import { useSummaryFigures, type SummaryFigures } from '../workspace/use-figures-after-paint';
import { OrgTotals } from './OrgTotals';

interface Props extends Omit<SummaryFigures, 'locale'> {
  asOfLabel: string;
  selected: { currency: string; bucket: AgingBucketKey } | null;
  onPickBucket: (currency: string, bucket: AgingBucketKey) => void;
  /** The totals per org are open (the toolbar's toggle): over the same rows as the cards. */
  perOrg: boolean;
  connections: readonly Connection[];
}

/**
 * The combined view's cards per currency (and the totals per org when asked for) over the grid's rows. As in one org's
 * workspace (WorkspaceSummary), from SPLIT_SUMMARY_ROWS invoices a change of the rows shown paints the grid first and
 * the figures follow in a render of their own once that frame is painted (aria-busy meanwhile): at 3 × 100,000 rows
 * a keystroke otherwise added up the totals and the aging of every row shown in the grid's frame.
 * Memoized: a render of the view that changes none of its inputs leaves it.
 */
export const CombinedSummary = memo(function CombinedSummary(props: Props) {
  const { asOfLabel, selected, onPickBucket, perOrg, connections } = props;
  const { figures, pending } = useSummaryFigures(props);
  return (
    <>
      <CurrencySummary totals={figures.sums.totals} aging={figures.sums.aging} busy={pending} asOfLabel={asOfLabel} selected={selected} onPickBucket={onPickBucket} />
      {perOrg && <OrgTotals connections={connections} prepared={figures.prepared} members={figures.members} busy={pending} />}
    </>
  );
});
