import type { InvoiceListRow } from '../../../electron/contract';
import { DirectoryBuilder } from '../../../electron/contract/customer-directory';
import { joinRowFacts, rowFactsPiece, type RowFactsPiece } from './prepared';
import { joinSearchPieces, searchTextPiece, type SearchText } from './text-search';

/**
 * What the complete list's first render needs of every row whatever the view's rules — the search text
 * (text-search.ts), the dates' day numbers and the distinct values (prepared.ts), the customer directory
 * (customer-directory.ts) — made one window at a time while the list loads (the loader adds each window while the
 * next one crosses: the page was idle ~60 % of the load, load27's profile) and joined once every window is in. At
 * 100,000 invoices that work was ~0.1–0.15 s of the first complete render, after the last window (load28's profile
 * of the load's tail, load ~3); the join is copies of typed arrays and a join of one string per window.
 */
export interface ListParts {
  /** The next window's rows, in the list's order. */
  add(rows: readonly InvoiceListRow[]): void;
  /**
   * Makes the joined parts what prepareInvoices, buildSearchText and customerDirectory answer for `rows` — only when
   * `rows` are exactly the windows added, one after the other (false otherwise: nothing is kept, and those parts are
   * then made from `rows` as they were before, when first asked: never a part of other rows).
   */
  join(rows: readonly InvoiceListRow[]): boolean;
}

export function createListParts(): ListParts {
  const windows: (readonly InvoiceListRow[])[] = [];
  const search: SearchText[] = [];
  const facts: RowFactsPiece[] = [];
  const directory = new DirectoryBuilder();
  return {
    add(rows) {
      windows.push(rows);
      search.push(searchTextPiece(rows));
      facts.push(rowFactsPiece(rows));
      directory.add(rows);
    },
    join(rows) {
      if (!sameRows(rows, windows)) return false;
      joinSearchPieces(rows, search);
      joinRowFacts(rows, facts);
      directory.finish(rows);
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
