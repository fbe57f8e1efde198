import type { PreparedInvoices } from './prepared';
import { daysOverdueAt } from './prepared';
import { dayNumber } from './plain-date';
import { DEFAULT_SORT, sortCollator, tieBreakRanks } from '../../../electron/contract/invoice-order';
import { numberKeysOf } from './number-keys';
import { arrivalOrder, arrivedInDefaultOrder } from './default-order';
import { denseRanks, orderByRank, tieOrder, type DenseRanks } from './rank-order';

export type SortColumn =
  | 'number' | 'customer' | 'invoiceDate' | 'dueDate' | 'status' | 'total' | 'balance' | 'currency' | 'daysOverdue'
  | 'paid' | 'lastPaymentDate' | 'fullyPaidOn' | 'daysToPay' | 'lastModified';
export interface SortSpec {
  /** A column of the grid, or (in "All connections") the row's org (renderer/src/all-connections/combine-lists.ts). */
  column: SortColumn | 'org';
  desc: boolean;
}

/**
 * Sorting compares numbers only. Text columns are turned into ranks once per data set: their few
 * distinct values are sorted with the collator and each row gets its value's rank (values the
 * collator finds equal share one). The tie-break (invoice number, then id) is one rank per row,
 * also computed once. Comparing 100,000 rows with Intl.Collator at every click cost
 * ~1.7 M collator calls per sort; then a sort was typed-array compares (still ~1.7 M comparator calls);
 * now every column's keys are ranked once and a click is a counting sort (rank-order.ts). The keys and
 * the tie-break are shared with the core (electron/contract/invoice-order.ts, whose `sortByKey` gives
 * the same order), which sends the list in the default order: the first rows on screen are the top of this sort.
 */
type Memo = Float64Array | Uint32Array | DenseRanks;
const ranks = new WeakMap<PreparedInvoices, Map<string, Memo>>();

function memo<T extends Memo>(prepared: PreparedInvoices, key: string, build: () => T): T {
  let cache = ranks.get(prepared);
  if (!cache) ranks.set(prepared, (cache = new Map()));
  let value = cache.get(key) as T | undefined;
  if (!value) cache.set(key, (value = build()));
  return value;
}

/** The invoice number as a sort key and each row's place in the tie-break order (that key, then id). */
function numberKeys(prepared: PreparedInvoices): { key: Float64Array; tie: Uint32Array } {
  const key = numberKey(prepared);
  const tie = memo(prepared, 'tie', () => tieBreakRanks(prepared.rows, key));
  return { key, tie };
}

const numberKey = (prepared: PreparedInvoices) => memo(prepared, 'numberKey', () => numberKeysOf(prepared.rows));

/** Per row: the rank of its text value among the distinct values (NaN when empty: sorts last). */
function textRank(prepared: PreparedInvoices, column: 'customer' | 'status' | 'currency' | 'org'): Float64Array {
  const rows = prepared.rows;
  const text = (i: number) =>
    column === 'currency' ? rows[i]!.currency : column === 'org' ? (rows[i] as { org?: string }).org || null : rows[i]![column] || null;
  const distinct = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const value = text(i);
    if (value !== null) distinct.set(value, 0);
  }
  const { compare } = sortCollator();
  const sorted = [...distinct.keys()].sort(compare);
  let rank = 0;
  sorted.forEach((value, k) => {
    if (k > 0 && compare(sorted[k - 1]!, value) !== 0) rank++;
    distinct.set(value, rank);
  });
  const key = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const value = text(i);
    key[i] = value === null ? Number.NaN : distinct.get(value)!;
  }
  return key;
}

/**
 * The whole set in display order for one column and direction. Empty values always go last;
 * ties are broken by invoice number, then id, so the order is the same every time.
 * Each column's keys become dense ranks once per data set (per as-of day for days overdue), so a click is
 * one O(n) counting sort (rank-order.ts) in either direction; the visible rows are then one pass over this
 * order keeping those in the filter mask.
 */
export function sortedOrder(prepared: PreparedInvoices, spec: SortSpec | null, asOfDay: number): Uint32Array {
  // The core sends the list in the default order: sorted so, it stays as it came (default-order.ts checks it does).
  if (spec?.column === DEFAULT_SORT.column && spec.desc === DEFAULT_SORT.desc && arrivedInDefaultOrder(prepared, () => numberKey(prepared))) return arrivalOrder(prepared.rows.length);
  const byTie = memo(prepared, 'tieOrder', () => tieOrder(numberKeys(prepared).tie));
  if (!spec) return byTie.slice();
  return orderByRank(rankedKeys(prepared, spec.column, asOfDay), spec.desc, byTie);
}

/** A column's keys as dense ranks, made once per data set (days overdue: once per as-of day, the last one kept). */
function rankedKeys(prepared: PreparedInvoices, column: SortSpec['column'], asOfDay: number): DenseRanks {
  if (column === 'daysOverdue') {
    return memo(prepared, `daysOverdue@${asOfDay}`, () => {
      const cache = ranks.get(prepared)!;
      for (const key of cache.keys()) if (key.startsWith('daysOverdue@')) cache.delete(key);
      return denseRanks(sortKey(prepared, 'daysOverdue', asOfDay));
    });
  }
  return memo(prepared, `rank:${column}`, () => denseRanks(column === 'number' ? numberKeys(prepared).key : sortKey(prepared, column, asOfDay)));
}

/**
 * Ranks the keys of `columns` before anyone clicks them, one column per idle moment of the page (the first click
 * on a column would otherwise rank it: 10–50 ms at 100,000 rows). Returns a function that stops what is left.
 */
export function warmSortKeys(prepared: PreparedInvoices, columns: readonly SortSpec['column'][], asOfDay: number): () => void {
  const left = [...columns];
  let stopped = false;
  const idle = (run: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(run) : setTimeout(run, 0));
  const next = () => {
    const column = left.shift();
    if (stopped || column === undefined || prepared.rows.length === 0) return;
    if (column === 'number') sortedOrder(prepared, null, asOfDay);
    rankedKeys(prepared, column, asOfDay);
    idle(next);
  };
  idle(next);
  return () => {
    stopped = true;
  };
}

function sortKey(prepared: PreparedInvoices, column: Exclude<SortSpec['column'], 'number'>, asOfDay: number): Float64Array {
  const n = prepared.rows.length;
  switch (column) {
    case 'invoiceDate':
      return prepared.invoiceDay;
    case 'dueDate':
      return prepared.dueDay;
    case 'total':
    case 'balance':
    case 'paid':
    case 'daysToPay': {
      // Absent figures (no payment objects) are NaN: they sort last, like empty amounts.
      const key = new Float64Array(n);
      for (let i = 0; i < n; i++) key[i] = prepared.rows[i]![column] ?? Number.NaN;
      return key;
    }
    case 'lastPaymentDate':
    case 'fullyPaidOn': {
      const key = new Float64Array(n);
      for (let i = 0; i < n; i++) key[i] = dayNumber(prepared.rows[i]![column] ?? null);
      return key;
    }
    case 'lastModified': {
      // An instant (Salesforce's LastModifiedDate): milliseconds, NaN when absent (sorts last).
      const key = new Float64Array(n);
      for (let i = 0; i < n; i++) key[i] = Date.parse(prepared.rows[i]!.lastModified ?? '');
      return key;
    }
    case 'daysOverdue': {
      const key = new Float64Array(n);
      for (let i = 0; i < n; i++) key[i] = daysOverdueAt(prepared, i, asOfDay);
      return key;
    }
    default:
      return textRank(prepared, column);
  }
}

/**
 * The visible rows in order: one pass over the sorted order. `count`, when known (the mask's rows were found on the
 * way), spares the pass that counts them, and the pass stops at the last of them (issue #19: a first letter's view,
 * ~0.3 ms of a whole-view keystroke at 100,000 rows). A mask holds 0 or 1 for each row.
 */
export function visibleIndexes(order: Uint32Array, mask: Uint8Array, count = countIn(order, mask)): Uint32Array {
  const out = new Uint32Array(count);
  let j = 0;
  // Without a branch: each row is written at the next place, which moves on only when the mask keeps it (j < count, so
  // the write stays inside). A first letter keeps about half the rows, and a branch on that mispredicts at every
  // other row: at 1,000,000 rows in a random order, 11.8 → 4.0 ms at half kept, 8.5 → 5 ms at 78 % (Node, thread CPU).
  for (let k = 0; j < count && k < order.length; k++) {
    const i = order[k]!;
    out[j] = i;
    j += mask[i]!;
  }
  return out;
}

function countIn(order: Uint32Array, mask: Uint8Array): number {
  let count = 0;
  for (let k = 0; k < order.length; k++) count += mask[order[k]!]!;
  return count;
}

/** Each row's place in an order (the inverse of `order`), once per order. */
const placesOf = new WeakMap<Uint32Array, Uint32Array>();
function placesIn(order: Uint32Array): Uint32Array {
  let places = placesOf.get(order);
  if (!places) {
    places = new Uint32Array(order.length);
    for (let k = 0; k < order.length; k++) places[order[k]!] = k;
    placesOf.set(order, places);
  }
  return places;
}

/**
 * visibleIndexes for a set whose rows are known (`members`): a few rows (a search that picked one customer's invoices)
 * are put in order by their places (a sort of the few), not by a pass over every row of the order. Same result.
 */
export function visibleRowsInOrder(order: Uint32Array, mask: Uint8Array, members: ArrayLike<number>): Uint32Array {
  if (order.length !== mask.length) return visibleIndexes(order, mask);
  // `members` are the mask's rows (every row is in the order): their count is the view's.
  if (members.length * 16 > order.length) return visibleIndexes(order, mask, members.length);
  const places = placesIn(order);
  const at = new Uint32Array(members.length);
  for (let k = 0; k < members.length; k++) at[k] = places[members[k]!]!;
  at.sort();
  for (let k = 0; k < at.length; k++) at[k] = order[at[k]!]!;
  return at;
}

/** The rows a mask keeps, in data order (for totals and aging, which do not depend on the order). */
export function maskIndexes(mask: Uint8Array): Uint32Array {
  let count = 0;
  for (let i = 0; i < mask.length; i++) count += mask[i]!;
  const out = new Uint32Array(count);
  let j = 0;
  // Without a branch, as visibleIndexes.
  for (let i = 0; j < count; i++) {
    out[j] = i;
    j += mask[i]!;
  }
  return out;
}
