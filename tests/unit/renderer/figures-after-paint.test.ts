import { describe, expect, it } from 'vitest';
import { computeAging, type AgingBasis } from '../../../renderer/src/invoices/aging';
import { noFilters } from '../../../renderer/src/invoices/filters';
import { dayNumber } from '../../../renderer/src/invoices/plain-date';
import { prepareInvoices, type PreparedInvoices } from '../../../renderer/src/invoices/prepared';
import { sortedOrder } from '../../../renderer/src/invoices/sort';
import { filteredView } from '../../../renderer/src/workspace/filtered-views';
import { figuresToShow, type SummaryFigures } from '../../../renderer/src/workspace/use-figures-after-paint';
import { row } from './invoice-fixtures';

const asOfDay = dayNumber('2026-03-01');
const customers = ['Acme Corp', 'Beta GmbH', 'Gamma SA', 'Delta'];
const rows = Array.from({ length: 400 }, (_, i) =>
  row({
    customer: customers[i % customers.length]!,
    currency: i % 2 ? 'EUR' : 'USD',
    invoiceDate: `2025-1${i % 3}-${String(1 + (i % 28)).padStart(2, '0')}`,
    dueDate: `2026-0${1 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')}`,
    total: 10 + i,
    balance: 5 + i,
  }),
);
const prepared = prepareInvoices(rows);
const order = sortedOrder(prepared, null, asOfDay);

/** The summary's figures of a search under these rules, as the workspace hands them over (the real filtered view). */
function figures(search: string, rules: { basis?: AgingBasis; cutOff?: boolean; locale?: string; of?: PreparedInvoices } = {}): SummaryFigures {
  const { basis = 'dueDate', cutOff = false, locale = 'en-US', of = prepared } = rules;
  const context = { asOfDay, agingBasis: basis, cutOffDay: cutOff ? asOfDay : Infinity, locale };
  const { sums, members, agingSet } = filteredView({ prepared: of, order: of === prepared ? order : sortedOrder(of, null, asOfDay), context, basis }, { ...noFilters, search });
  return { prepared: of, asOfDay, sums, members, agingSet, basis, cutOff, locale };
}

/** One render after another, as the hook runs them: what each shows, remembering what it keeps. */
function renders(steps: { live: SummaryFigures; split?: boolean }[]) {
  let shown: SummaryFigures | null = null;
  return steps.map(({ live, split = true }) => {
    const step = figuresToShow(shown, live, split);
    shown = step.keep;
    return step;
  });
}

describe('the summary after the grid (use-figures-after-paint)', () => {
  it("keeps the last figures for one frame when only the grid's rows changed (same rules)", () => {
    const before = figures('');
    const typed = figures('acme');
    const [, lagging] = renders([{ live: before }, { live: typed }]);
    expect(lagging!.pending).toBe(true);
    expect(lagging!.figures).toBe(before);
  });

  it('shows a new aging basis, cut-off or language at once, never the old rules beside the new ones', () => {
    const before = figures('');
    for (const [what, after] of [
      ['basis', figures('', { basis: 'invoiceDate' })],
      ['cut-off', figures('', { cutOff: true })],
      ['language', figures('', { locale: 'de-DE' })],
    ] as const) {
      const [, next] = renders([{ live: before }, { live: after }]);
      expect(next!.pending, what).toBe(false);
      expect(next!.figures, what).toBe(after);
    }
    // What the bars show is the new basis's aging, with the new basis beside it (what the corporate card reads).
    const [, shown] = renders([{ live: before }, { live: figures('', { basis: 'invoiceDate' }) }]);
    expect(shown!.figures.basis).toBe('invoiceDate');
    expect(shown!.figures.sums.aging).toEqual(computeAging(prepared, shown!.figures.agingSet, asOfDay, 'invoiceDate'));
    expect(shown!.figures.sums.aging).not.toEqual(before.sums.aging);
  });

  it('a new basis together with a keystroke: the new rows and the new basis at once', () => {
    const [, next] = renders([{ live: figures('') }, { live: figures('beta', { basis: 'invoiceDate' }) }]);
    expect(next!.pending).toBe(false);
    expect(next!.figures.basis).toBe('invoiceDate');
  });

  it('holds nothing below the split: the last large set shown is let go when a copy shrinks under it', () => {
    const large = figures('');
    const small = prepareInvoices(rows.slice(0, 50));
    const steps = renders([{ live: large }, { live: figures('gamma') }, { live: figures('', { of: small }), split: false }, { live: figures('delta', { of: small }), split: false }]);
    expect(steps.map((s) => s.keep?.prepared ?? null)).toEqual([prepared, prepared, null, null]);
    expect(steps[2]!.figures.prepared).toBe(small);
    expect(steps.slice(2).every((s) => !s.pending)).toBe(true);
  });

  it('after the catch-up shows the live figures, and lags again on the next keystroke', () => {
    const before = figures('');
    const typed = figures('gam');
    let shown = figuresToShow(null, before, true).keep;
    const lag = figuresToShow(shown, typed, true);
    expect(lag.pending).toBe(true);
    shown = typed; // the catch-up (after the frame is painted)
    const caught = figuresToShow(shown, typed, true);
    expect(caught).toEqual({ figures: typed, pending: false, keep: typed });
    expect(figuresToShow(caught.keep, figures('gamma s'), true).figures).toBe(typed);
  });
});
