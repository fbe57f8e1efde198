import type { InvoiceListRow } from '../../../electron/contract';
import { addDaysToPay, averageDaysToPay, daysSalesOutstanding, DSO_PERIOD_DAYS, noDaysToPay } from '../../../electron/contract/collection-figures';
import { currencyDecimals } from '../../../electron/contract/currency-decimals';
import { dayNumber } from '../invoices/plain-date';
import { amountColumns } from '../invoices/amount-columns';
import { KIND_CANCELLED, type PreparedInvoices } from '../invoices/prepared';
import { everyRow, joinedSumsOf, keepJoinedSums, sumsOfSet, wholeBelow } from '../invoices/set-sums';

/** A currency card's collection figures (issue 13), over the invoices of the current view. */
export interface CardCollection {
  /** Days sales outstanding, standard method over DSO_PERIOD_DAYS to the as-of day; null without sales in the period. */
  dso: number | null;
  /** Weighted by total, over the fully paid invoices shown (as `demo:headless` counts it); null when none is. */
  averageDaysToPay: number | null;
  /** What DSO is made of: the receivables' open balance and their invoiced total over the period (major units). */
  receivables: number;
  sales: number;
}

/** Per row, what the collection figures add up, in minor units of its currency (once per prepared set). */
export interface CollectionColumns {
  balance: Float64Array;
  total: Float64Array;
  /** What addDaysToPay (collection-figures.ts) adds for the row: Σ total × days to pay and Σ total (0 when not fully paid). */
  paidWeighted: Float64Array;
  paidTotal: Float64Array;
  /** The day it was fully paid (NaN when not). */
  fullyPaidDay: Float64Array;
}

/** By rows: the columns do not depend on the view's rules (a set prepared again reads the same). */
const columnsCache = new WeakMap<readonly InvoiceListRow[], CollectionColumns>();

function collectionColumns(prepared: PreparedInvoices): CollectionColumns {
  let columns = columnsCache.get(prepared.rows);
  if (!columns) {
    joinCollectionColumns(prepared.rows, [collectionColumnsPiece(prepared.rows)]);
    columns = columnsCache.get(prepared.rows)!;
  }
  return columns;
}

/** One window's collection columns (made while the next window crosses: workspace/list-parts.ts). */
export function collectionColumnsPiece(rows: readonly InvoiceListRow[]): CollectionColumns {
  const n = rows.length;
  const columns = emptyColumns(n);
  // One sum for every row, emptied each time (an object per row was garbage at every complete list).
  const paid = noDaysToPay();
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    const scale = 10 ** currencyDecimals(row.currency);
    columns.balance[i] = Math.round((row.balance ?? 0) * scale);
    columns.total[i] = Math.round((row.total ?? 0) * scale);
    paid.weighted = 0;
    paid.totals = 0;
    addDaysToPay(paid, row);
    columns.paidWeighted[i] = paid.weighted;
    columns.paidTotal[i] = paid.totals;
    columns.fullyPaidDay[i] = row.fullyPaidOn ? dayNumber(row.fullyPaidOn) : Number.NaN;
  }
  return columns;
}

/** What the cards then read of `rows`, from its windows' pieces in order (workspace/list-parts.ts checks the rows). */
export function joinCollectionColumns(rows: readonly InvoiceListRow[], pieces: readonly CollectionColumns[]): CollectionColumns {
  if (pieces.length === 1) {
    columnsCache.set(rows, pieces[0]!);
    return pieces[0]!;
  }
  const n = rows.length;
  const columns = emptyColumns(n);
  let at = 0;
  for (const piece of pieces) {
    for (const key of COLUMNS) columns[key].set(piece[key], at);
    at += piece.balance.length;
  }
  columnsCache.set(rows, columns);
  return columns;
}

const COLUMNS = ['balance', 'total', 'paidWeighted', 'paidTotal', 'fullyPaidDay'] as const;

const emptyColumns = (n: number): CollectionColumns => ({ balance: new Float64Array(n), total: new Float64Array(n), paidWeighted: new Float64Array(n), paidTotal: new Float64Array(n), fullyPaidDay: new Float64Array(n) });

/**
 * Per currency, over the rows of the view (`members`): DSO = open balance of the receivables shown ÷ the total of
 * those of them dated in the DSO_PERIOD_DAYS up to the as-of day × DSO_PERIOD_DAYS (receivables as the cards count
 * them: posted, drafts when included; balances as of the day in an as-of view); average days to pay over every
 * invoice shown that is fully paid and not cancelled — by the as-of day, in an as-of view (`cutOff`). Sums in minor
 * units, read from typed columns (this runs at every keystroke in the search box).
 */
export function cardCollection(prepared: PreparedInvoices, members: ArrayLike<number>, asOfDay: number, cutOff: boolean): Map<string, CardCollection> {
  const { codes } = amountColumns(prepared);
  // Over the rows not shown when they are fewer (set-sums.ts: `members` ascending, as a filter gives them).
  const sums = sumsOfSet(members, prepared.rows.length, (set) => collectionSums(prepared, set, asOfDay, cutOff), () => collectionOfAll(prepared, asOfDay, cutOff));
  const out = new Map<string, CardCollection>();
  codes.forEach((code, c) => {
    const at = c * SUMS;
    if (!sums[at + 4]) return;
    const scale = 10 ** currencyDecimals(code);
    out.set(code, {
      dso: daysSalesOutstanding(sums[at]!, sums[at + 1]!),
      averageDaysToPay: averageDaysToPay({ weighted: sums[at + 2]!, totals: sums[at + 3]! }),
      receivables: sums[at]! / scale,
      sales: sums[at + 1]! / scale,
    });
  });
  return out;
}

/** Per currency: receivables, sales, Σ total × days to pay, Σ total of the fully paid, rows. */
const SUMS = 5;

function collectionSums(prepared: PreparedInvoices, indexes: ArrayLike<number>, asOfDay: number, cutOff: boolean): Float64Array {
  const { codes, currency } = amountColumns(prepared);
  const { balance, total, paidWeighted, paidTotal, fullyPaidDay } = collectionColumns(prepared);
  const sums = new Float64Array(codes.length * SUMS);
  const from = asOfDay - DSO_PERIOD_DAYS;
  const { counted, kind, invoiceDay } = prepared;
  for (let k = 0; k < indexes.length; k++) {
    const i = indexes[k]!;
    const at = currency[i]! * SUMS;
    sums[at + 4]! += 1;
    if (counted[i]) {
      sums[at]! += balance[i]!;
      const day = invoiceDay[i]!;
      if (day > from && day <= asOfDay) sums[at + 1]! += total[i]!;
    }
    // A cancelled invoice settled by its credit note was never paid: it is no days to pay (as demo:headless counts it).
    if (kind[i] !== KIND_CANCELLED && (!cutOff || fullyPaidDay[i]! <= asOfDay)) {
      sums[at + 2]! += paidWeighted[i]!;
      sums[at + 3]! += paidTotal[i]!;
    }
  }
  return sums;
}

/** Every row's sums as of the last day asked (null when a subset's sum might not be exact: see set-sums.ts). */
const allCollection = new WeakMap<PreparedInvoices, { key: string; sums: Float64Array | null }>();

function collectionOfAll(prepared: PreparedInvoices, asOfDay: number, cutOff: boolean): Float64Array | null {
  const key = `${asOfDay}|${cutOff}`;
  const known = allCollection.get(prepared);
  if (known?.key === key) return known.sums;
  const { balance, total, paidWeighted, paidTotal } = collectionColumns(prepared);
  const joined = joinedSumsOf(prepared.kind, `collection|${key}`);
  const sums = wholeBelow(balance, total, paidWeighted, paidTotal) ? (joined instanceof Float64Array ? joined : collectionOfEveryRow(prepared, asOfDay, cutOff)) : null;
  allCollection.set(prepared, { key, sums });
  return sums;
}

/** Every row's sums, per currency of amountColumns(prepared).codes (SUMS each): one window's as the list loads (workspace/list-sums.ts). */
export function collectionOfEveryRow(prepared: PreparedInvoices, asOfDay: number, cutOff: boolean): Float64Array {
  return collectionSums(prepared, everyRow(prepared, prepared.rows.length), asOfDay, cutOff);
}

/** What collectionOfEveryRow answers for the rows of this `kind` column (joined from its windows' by workspace/list-sums.ts). */
export function keepCollectionOfEveryRow(kind: Uint8Array, asOfDay: number, cutOff: boolean, sums: Float64Array): void {
  keepJoinedSums(kind, `collection|${asOfDay}|${cutOff}`, sums);
}
