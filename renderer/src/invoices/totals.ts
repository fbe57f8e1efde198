import { KIND_CANCELLED, KIND_DRAFT, type PreparedInvoices } from './prepared';
import { SUM_SCALE } from '../../../electron/contract/sum-scale';
import { amountColumns } from './amount-columns';

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

/** Per currency, seven sums side by side: count, total, balance, drafts, their balance, cancelled, their balance. */
const SUMS = 7;

/**
 * Count, total and balance per currency of the visible rows that are receivables, and what of the visible
 * rows was left out (drafts, cancelled); never summed across currencies. A currency whose visible rows are
 * all left out still has its entry (zeros, and what was left out). One pass over typed columns
 * (amount-columns.ts), sums in SUM_SCALE thousandths: exact.
 */
export function computeTotals(prepared: PreparedInvoices, indexes: ArrayLike<number>): CurrencyTotals[] {
  const { codes, currency, total, balance } = amountColumns(prepared);
  const sums = new Float64Array(codes.length * SUMS);
  const seen = new Uint8Array(codes.length);
  const { counted, kind } = prepared;
  for (let k = 0; k < indexes.length; k++) {
    const i = indexes[k]!;
    const c = currency[i]!;
    const at = c * SUMS;
    seen[c] = 1;
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
  const out: CurrencyTotals[] = [];
  codes.forEach((code, c) => {
    if (!seen[c]) return;
    const at = c * SUMS;
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
