import { startTransition, useEffect, useMemo, useState } from 'react';
import { useLocale } from '../i18n/locale-context';
import type { AgingBasis } from '../invoices/aging';
import type { PreparedInvoices } from '../invoices/prepared';
import type { ViewSums } from './filtered-views';
import { afterNextPaint } from '../lib/after-paint';

/**
 * What the summary (cards, aging bars, DSO / days to pay, the corporate card) is over: one view's rows and figures,
 * and every rule the summary reads beside them (so that one frame never shows figures of two settings).
 */
export interface SummaryFigures {
  prepared: PreparedInvoices;
  asOfDay: number;
  /** Totals and aging, added up when the summary first reads them (in its own render when it follows the grid). */
  sums: ViewSums;
  members: Uint32Array;
  agingSet: Uint32Array;
  /** The aging's basis (the per-currency bars and the corporate card's). */
  basis: AgingBasis;
  /** Whether the view is cut off at the as-of day (the DSO and days to pay read it). */
  cutOff: boolean;
  /** The language the figures are written in (and the search's amounts read in). */
  locale: string;
}

/**
 * From this many invoices a change of the rows shown is painted in two frames (issue #19, search keystroke at 100,000):
 * the first has the search box, the grid's rows and the count; the summary follows in a task after that frame is
 * painted. Below it one frame shows everything, as before.
 */
export const SPLIT_SUMMARY_ROWS = 20_000;

/** The same rules: everything but the rows (a new copy of the rows, a new as-of day, basis, cut-off or language is not). */
function sameRules(a: SummaryFigures, b: SummaryFigures): boolean {
  return a.prepared === b.prepared && a.asOfDay === b.asOfDay && a.basis === b.basis && a.cutOff === b.cutOff && a.locale === b.locale;
}

function sameRows(a: SummaryFigures, b: SummaryFigures): boolean {
  return a.sums === b.sums && a.members === b.members && a.agingSet === b.agingSet;
}

export interface FiguresShown {
  /** The figures the summary shows in this render. */
  figures: SummaryFigures;
  /** They are the ones shown before the grid's rows changed (the live ones follow once this frame is painted). */
  pending: boolean;
  /** What to remember as shown: null below the split (nothing is held — not the last large set either). */
  keep: SummaryFigures | null;
}

/**
 * The summary's figures for this render: the `shown` ones while only the rows changed under the same rules (from
 * SPLIT_SUMMARY_ROWS invoices, `split`), else the live ones. A change of any rule shows at once, whatever the rows.
 */
export function figuresToShow(shown: SummaryFigures | null, live: SummaryFigures, split: boolean): FiguresShown {
  if (!split) return { figures: live, pending: false, keep: null };
  if (shown && !sameRows(shown, live) && sameRules(shown, live)) return { figures: shown, pending: true, keep: shown };
  return { figures: live, pending: false, keep: live };
}

/**
 * The figures the summary shows: `live` (the grid's rows' figures) — or, from SPLIT_SUMMARY_ROWS invoices, while a
 * change of the rows shown is being painted, the figures shown before it, `pending` true (the summary says aria-busy).
 * Once the frame with the grid's new rows is painted, the summary catches up in a render of its own (a transition:
 * the next keystroke goes first) — the summary's component's render, not the workspace's; typing on before that keeps
 * the older figures until the typing leaves a frame free. Never over other rows or rules than these (a new sync, as-of
 * day, aging basis, cut-off or language shows its figures at once): the summary's rows are indexes into the same
 * prepared rows as the grid's. `live` must be one object per change of its fields (memoized).
 */
function useFiguresAfterPaint(live: SummaryFigures, split: boolean): { figures: SummaryFigures; pending: boolean } {
  const [shown, setShown] = useState<SummaryFigures | null>(null);
  const next = figuresToShow(shown, live, split);
  // What is shown changed without a lag (other rules, a small set, the first render): remembered from this render on.
  if (next.keep !== shown) setShown(next.keep);
  const { pending } = next;
  useEffect(() => {
    if (!pending) return;
    return afterNextPaint(() => startTransition(() => setShown(live)));
  }, [pending, live]);
  return { figures: next.figures, pending };
}

/**
 * A summary's figures over a view (useInvoiceView's rows, sums and rules; the language from the locale context): the
 * live ones, or — from SPLIT_SUMMARY_ROWS invoices, while the grid's new rows are painted — the ones shown before,
 * `pending` (see useFiguresAfterPaint). The one-org workspace's summary and the combined view's cards both read it.
 */
export function useSummaryFigures(view: Omit<SummaryFigures, 'locale'>): { figures: SummaryFigures; pending: boolean } {
  const { prepared, asOfDay, sums, members, agingSet, basis, cutOff } = view;
  const locale = useLocale();
  const live = useMemo(
    () => ({ prepared, asOfDay, sums, members, agingSet, basis, cutOff, locale }),
    [prepared, asOfDay, sums, members, agingSet, basis, cutOff, locale],
  );
  return useFiguresAfterPaint(live, prepared.rows.length >= SPLIT_SUMMARY_ROWS);
}
