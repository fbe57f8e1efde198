import type { PreparedInvoices } from './prepared';

export interface CurrencyTotals {
  currency: string;
  count: number;
  total: number;
  balance: number;
}

/** Count, total and balance per currency of the visible rows, never summed across currencies. */
export function computeTotals(prepared: PreparedInvoices, indexes: ArrayLike<number>): CurrencyTotals[] {
  const byCurrency = new Map<string, { count: number; totalCents: number; balanceCents: number }>();
  for (let k = 0; k < indexes.length; k++) {
    const row = prepared.rows[indexes[k]!]!;
    let entry = byCurrency.get(row.currency);
    if (!entry) {
      entry = { count: 0, totalCents: 0, balanceCents: 0 };
      byCurrency.set(row.currency, entry);
    }
    entry.count += 1;
    entry.totalCents += Math.round((row.total ?? 0) * 100);
    entry.balanceCents += Math.round((row.balance ?? 0) * 100);
  }
  return [...byCurrency.keys()].sort().map((currency) => {
    const entry = byCurrency.get(currency)!;
    return { currency, count: entry.count, total: entry.totalCents / 100, balance: entry.balanceCents / 100 };
  });
}
