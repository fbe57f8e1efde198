import { KIND_CANCELLED, KIND_DRAFT, type PreparedInvoices } from './prepared';
import { SUM_SCALE } from '../../../electron/contract/sum-scale';
import { amountColumns } from './amount-columns';
import { everyRow, joinedSumsOf, keepJoinedSums, sumsOfSet, wholeBelow } from './set-sums';

/** Invoices of one currency left out of receivables: how many, and their balance. */
export interface LeftOut {
  count: number;
  balance: number;
}

export interface CurrencyTotals {
  currency: string;
  /** Receivables only (posted invoices, and drafts when included): count, total and balance. */
  count: number;
  total: number;
  balance: number;
  /** Visible invoices not counted above, by why: drafts (when not included) and cancelled invoices. */
  excluded: { drafts: LeftOut; cancelled: LeftOut };
}

/** Per currency, eight sums side by side: count, total, balance, drafts, their balance, cancelled, their balance, rows. */
const SUMS = 8;

/** The sums of the rows at `indexes` (see SUMS). */
function totalSums(prepared: PreparedInvoices, indexes: ArrayLike<number>): Float64Array {
  const { codes, currency, total, balance } = amountColumns(prepared);
  const sums = new Float64Array(codes.length * SUMS);
  const { counted, kind } = prepared;
  for (let k = 0; k < indexes.length; k++) {
    const i = indexes[k]!;
    const at = currency[i]! * SUMS;
    sums[at + 7]! += 1;
    if (counted[i]) {
      sums[at]! += 1;
      sums[at + 1]! += total[i]!;
      sums[at + 2]! += balance[i]!;
    } else if (kind[i] === KIND_DRAFT) {
      sums[at + 3]! += 1;
      sums[at + 4]! += balance[i]!;
    } else if (kind[i] === KIND_CANCELLED) {
      sums[at + 5]! += 1;
      sums[at + 6]! += balance[i]!;
    }
  }
  return sums;
}

/** Every row's sums, once per prepared set (null when a subset's sum might not be exact: see set-sums.ts). */
const allSums = new WeakMap<PreparedInvoices, Float64Array | null>();
function sumsOfAll(prepared: PreparedInvoices): Float64Array | null {
  if (!allSums.has(prepared)) {
    const { total, balance } = amountColumns(prepared);
    const joined = joinedSumsOf(prepared.kind, TOTALS);
    allSums.set(prepared, wholeBelow(total, balance) ? (joined instanceof Float64Array ? joined : totalsOfEveryRow(prepared)) : null);
  }
  return allSums.get(prepared)!;
}

const TOTALS = 'totals';

/** Every row's sums, per currency of amountColumns(prepared).codes (SUMS each): one window's as the list loads (workspace/list-sums.ts). */
export function totalsOfEveryRow(prepared: PreparedInvoices): Float64Array {
  return totalSums(prepared, everyRow(prepared, prepared.rows.length));
}

/** What totalsOfEveryRow answers for the rows of this `kind` column (joined from its windows' by workspace/list-sums.ts). */
export function keepTotalsOfEveryRow(kind: Uint8Array, sums: Float64Array): void {
  keepJoinedSums(kind, TOTALS, sums);
}

/**
 * Count, total and balance per currency of the visible rows that are receivables, and what of the visible
 * rows was left out (drafts, cancelled); never summed across currencies. A currency whose visible rows are
 * all left out still has its entry (zeros, and what was left out). One pass over typed columns
 * (amount-columns.ts), sums in SUM_SCALE thousandths: exact — over the rows not shown when they are fewer
 * (set-sums.ts: `indexes` ascending, as a filter gives them).
 */
export function computeTotals(prepared: PreparedInvoices, indexes: ArrayLike<number>): CurrencyTotals[] {
  const { codes } = amountColumns(prepared);
  const sums = sumsOfSet(indexes, prepared.rows.length, (set) => totalSums(prepared, set), () => sumsOfAll(prepared));
  const out: CurrencyTotals[] = [];
  codes.forEach((code, c) => {
    const at = c * SUMS;
    if (!sums[at + 7]) return;
    out.push({
      currency: code,
      count: sums[at]!,
      total: sums[at + 1]! / SUM_SCALE,
      balance: sums[at + 2]! / SUM_SCALE,
      excluded: {
        drafts: { count: sums[at + 3]!, balance: sums[at + 4]! / SUM_SCALE },
        cancelled: { count: sums[at + 5]!, balance: sums[at + 6]! / SUM_SCALE },
      },
    });
  });
  return out;
}
