import type { AgingBasis } from '../invoices/aging';
import { computeAging } from '../invoices/aging';
import { filterRows, noFilters, type FilterContext } from '../invoices/filters';
import type { PreparedInvoices } from '../invoices/prepared';
import { maskIndexes, visibleRowsInOrder } from '../invoices/sort';
import { computeTotals } from '../invoices/totals';
import { cardCollection } from '../receivables/card-collection';

/** Below this many rows a keystroke's first pass is quick anyway. */
const WARM_FROM_ROWS = 10_000;

/**
 * Runs a keystroke's passes once over the rows in an idle moment after the load — a search for one letter, its rows
 * put in order and its figures summed (over most rows, and over a few), and the answers dropped — so the first letter
 * the user types runs code V8 has already compiled for these arrays (in Node at 100,000 rows a first letter's filter
 * took 7.6 ms on its first run and 0.7 ms after). Nothing is kept: the view, its cards and the remembered views are
 * computed afresh when asked (the text search keeps this letter as its last query, which only narrows exactly).
 */
export function warmKeystroke(prepared: PreparedInvoices, order: Uint32Array, context: FilterContext, basis: AgingBasis, cutOff: boolean): void {
  if (prepared.rows.length < WARM_FROM_ROWS) return;
  const { mask, members } = filterRows(prepared, { ...noFilters, search: 'e' }, context);
  const rows = members ?? maskIndexes(mask);
  for (const set of [rows, rows.subarray(0, rows.length >> 3)]) {
    computeTotals(prepared, set);
    computeAging(prepared, set, context.asOfDay, basis);
    cardCollection(prepared, set, context.asOfDay, cutOff);
  }
  // The rows in order: by a pass over the order (most rows), and by their places in it (a few; the places are made once per order).
  visibleRowsInOrder(order, mask, rows);
  visibleRowsInOrder(order, mask, rows.subarray(0, Math.min(rows.length, order.length >> 5)));
}
