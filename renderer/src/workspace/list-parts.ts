import type { InvoiceListRow } from '../../../electron/contract';
import { DirectoryBuilder } from '../../../electron/contract/customer-directory';
import { numberKeyPrefix } from '../../../electron/contract/invoice-order';
import { amountColumnsPiece, joinAmountColumns, type AmountColumnsPiece } from '../invoices/amount-columns';
import { joinNumberKeys, numberKeysPiece } from '../invoices/number-keys';
import { joinRowFacts, rowFactsPiece, type RowFactsPiece } from '../invoices/prepared';
import { joinSearchPieces, searchTextPiece, type SearchText } from '../invoices/text-search';
import { stepQueue } from '../lib/step-queue';
import { collectionColumnsPiece, joinCollectionColumns } from '../receivables/card-collection';
import { createListSums, type LoadRules } from './list-sums';

/**
 * What the complete list's first render needs of every row whatever the view's rules — the search text
 * (text-search.ts), the dates' day numbers and the distinct values (prepared.ts), the customer directory
 * (customer-directory.ts), the amounts the totals and aging add up (amount-columns.ts), the cards' collection columns
 * (card-collection.ts) and the invoice numbers' sort keys (number-keys.ts: the default order's check) — made one window
 * at a time while the list loads (the loader adds each window while the next one crosses: the page was idle ~60 % of
 * the load, load27's profile) and joined once every window is in: copies of typed arrays, a join of one string per
 * window, the distinct values sorted. At 100,000 invoices all of it was made after the last window, in the first
 * complete render (load28's measures in BENCHMARKS.md). With the view's rules of the moment (`rulesNow`), the sums over
 * every row the summary adds up are made window by window too (list-sums.ts).
 */
export interface ListParts {
  /** The next window's rows, in the list's order. */
  add(rows: readonly InvoiceListRow[]): void;
  /**
   * Makes the joined parts what prepareInvoices, buildSearchText, customerDirectory, amountColumns and the cards answer for `rows` — only when
   * `rows` are exactly the windows added, one after the other, and no part failed on a window (false otherwise: nothing
   * is kept, and those parts are then made from `rows` as they were before, when first asked: never a part of other rows).
   */
  join(rows: readonly InvoiceListRow[]): boolean;
}

export function createListParts(rulesNow: () => LoadRules | null = () => null): ListParts {
  const windows: (readonly InvoiceListRow[])[] = [];
  const search: SearchText[] = [];
  const facts: RowFactsPiece[] = [];
  const directory = new DirectoryBuilder();
  const amounts: AmountColumnsPiece[] = [];
  const collection: ReturnType<typeof collectionColumnsPiece>[] = [];
  const numberKeys: (Float64Array | null)[] = [];
  const sums = createListSums(rulesNow);
  // The invoice numbers' keys are the digits after the list's prefix: its first number's (invoice-order.ts).
  let prefix: string | undefined;
  // One part per task of the page: the next window's answer, arriving meanwhile, waits for one part (~1–5 ms of a
  // 10,000-row window's ~12 ms, load28's Node measure), not for the window's every part.
  const steps = stepQueue();
  // A part that failed leaves its kind one window short: every later piece would join against the wrong rows (wrong
  // totals, said nowhere). Then nothing is joined, and each part is made from the rows as before, when first asked.
  let failed = false;
  const step = (make: () => unknown) => () => {
    if (failed) return;
    try {
      make();
    } catch (error) {
      failed = true;
      // Not the user's to see (the figures are made from the rows instead), but a developer's: the load does that work again.
      console.warn('A part of the list made window by window failed; it is made from the whole list instead.', error);
    }
  };
  return {
    add(rows) {
      if (windows.length === 0 && rows.length > 0) prefix = numberKeyPrefix(rows[0]!.number);
      const at = windows.push(rows) - 1;
      steps.add(
        step(() => search.push(searchTextPiece(rows))),
        step(() => facts.push(rowFactsPiece(rows))),
        step(() => directory.add(rows)),
        step(() => amounts.push(amountColumnsPiece(rows))),
        step(() => collection.push(collectionColumnsPiece(rows))),
        step(() => numberKeys.push(numberKeysPiece(rows, prefix))),
        ...sums.steps(rows, () => [facts[at]!, amounts[at]!, collection[at]!]).map(step),
      );
    },
    join(rows) {
      steps.flush();
      if (failed || !sameRows(rows, windows)) return false;
      joinSearchPieces(rows, search);
      joinRowFacts(rows, facts);
      directory.finish(rows);
      const amountColumns = joinAmountColumns(rows, amounts);
      const collectionColumns = joinCollectionColumns(rows, collection);
      joinNumberKeys(rows, numberKeys);
      sums.join(rows, amountColumns, collectionColumns);
      return true;
    },
  };
}

/** Whether `rows` are the windows' rows one after the other, every one (one comparison per row). */
function sameRows(rows: readonly InvoiceListRow[], windows: readonly (readonly InvoiceListRow[])[]): boolean {
  let at = 0;
  for (const window of windows) {
    if (at + window.length > rows.length) return false;
    for (let i = 0; i < window.length; i++) if (rows[at + i] !== window[i]) return false;
    at += window.length;
  }
  return at === rows.length;
}
