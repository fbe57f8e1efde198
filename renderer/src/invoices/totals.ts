import { KIND_CANCELLED, KIND_DRAFT, type PreparedInvoices } from './prepared';
import { SUM_SCALE } from '../../../electron/contract/sum-scale';

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

interface Sums {
  count: number;
  totalCents: number;
  balanceCents: number;
  drafts: number;
  draftCents: number;
  cancelled: number;
  cancelledCents: number;
}

/**
 * Count, total and balance per currency of the visible rows that are receivables, and what of the visible
 * rows was left out (drafts, cancelled); never summed across currencies. A currency whose visible rows are
 * all left out still has its entry (zeros, and what was left out).
 */
export function computeTotals(prepared: PreparedInvoices, indexes: ArrayLike<number>): CurrencyTotals[] {
  const byCurrency = new Map<string, Sums>();
  for (let k = 0; k < indexes.length; k++) {
    const i = indexes[k]!;
    const row = prepared.rows[i]!;
    let entry = byCurrency.get(row.currency);
    if (!entry) {
      entry = { count: 0, totalCents: 0, balanceCents: 0, drafts: 0, draftCents: 0, cancelled: 0, cancelledCents: 0 };
      byCurrency.set(row.currency, entry);
    }
    const balanceCents = Math.round((row.balance ?? 0) * SUM_SCALE);
    if (prepared.counted[i]) {
      entry.count += 1;
      entry.totalCents += Math.round((row.total ?? 0) * SUM_SCALE);
      entry.balanceCents += balanceCents;
    } else if (prepared.kind[i] === KIND_DRAFT) {
      entry.drafts += 1;
      entry.draftCents += balanceCents;
    } else if (prepared.kind[i] === KIND_CANCELLED) {
      entry.cancelled += 1;
      entry.cancelledCents += balanceCents;
    }
  }
  return [...byCurrency.keys()].sort().map((currency) => {
    const entry = byCurrency.get(currency)!;
    return {
      currency,
      count: entry.count,
      total: entry.totalCents / SUM_SCALE,
      balance: entry.balanceCents / SUM_SCALE,
      excluded: {
        drafts: { count: entry.drafts, balance: entry.draftCents / SUM_SCALE },
        cancelled: { count: entry.cancelled, balance: entry.cancelledCents / SUM_SCALE },
      },
    };
  });
}
