import { startTransition, useEffect, useMemo, useState } from 'react';
import type { PreparedInvoices } from '../invoices/prepared';
import type { ViewSums } from './filtered-views';
import { afterNextPaint } from '../lib/after-paint';

/** What the summary (cards, aging bars, DSO / days to pay, the corporate card) is over: one view's rows and figures. */
export interface SummaryFigures {
  prepared: PreparedInvoices;
  asOfDay: number;
  /** Totals and aging, added up when the summary first reads them (in its own render when it follows the grid). */
  sums: ViewSums;
  members: Uint32Array;
  agingSet: Uint32Array;
}

/**
 * From this many invoices a change of the rows shown is painted in two frames (issue #19, search keystroke at 100,000):
 * the first has the search box, the grid's rows and the count; the summary follows in a task after that frame is
 * painted. Below it one frame shows everything, as before.
 */
export const SPLIT_SUMMARY_ROWS = 20_000;

/**
 * The figures the summary shows: `live` (the grid's rows' figures) — or, from SPLIT_SUMMARY_ROWS invoices, while a
 * change of the rows shown is being painted, the figures shown before it, `pending` true (the summary says aria-busy).
 * Once the frame with the grid's new rows is painted, the summary catches up in a render of its own (a transition:
 * the next keystroke goes first); typing on before that keeps the older figures until the typing leaves a frame free.
 * Never over other rows than these (a new sync, as-of day or rules shows its figures at once): the summary's rows are
 * indexes into the same prepared rows as the grid's.
 */
export function useFiguresAfterPaint(
  { prepared, asOfDay, sums, members, agingSet }: SummaryFigures,
  split: boolean,
): { figures: SummaryFigures; pending: boolean } {
  const live = useMemo(() => ({ prepared, asOfDay, sums, members, agingSet }), [prepared, asOfDay, sums, members, agingSet]);
  const [shown, setShown] = useState(live);
  const behind = shown.sums !== sums || shown.members !== members || shown.agingSet !== agingSet;
  const lag = split && behind && shown.prepared === prepared && shown.asOfDay === asOfDay;
  // Another copy of the rows, another day, or a small set: the figures shown are the live ones from this render on.
  if (split && behind && !lag) setShown(live);
  useEffect(() => {
    if (!lag) return;
    return afterNextPaint(() => startTransition(() => setShown(live)));
  }, [lag, live]);
  return { figures: lag ? shown : live, pending: lag };
}
