import { computeAging, type AgingBasis, type CurrencyAging } from '../invoices/aging';
import { daysOverdueAt, type PreparedInvoices } from '../invoices/prepared';
import { computeTotals, type CurrencyTotals } from '../invoices/totals';
import { SUM_SCALE } from '../../../electron/contract/sum-scale';
import type { CustomerRef } from '../../../electron/contract/customer-aging';

/** One customer's invoices as the workspace counts them (same rules, same as-of day), for the customer view. */
export interface CustomerInvoices {
  /** Indexes into prepared.rows: open receivables first (oldest due first), then the others (newest first). */
  indexes: Uint32Array;
  /** Count, total and open balance per currency (receivables only, as the cards count them). */
  totals: CurrencyTotals[];
  aging: CurrencyAging[];
  /** Per currency, Σ balance of the receivables past their due date as of the day (minor units summed, as the cards do). */
  overdue: Map<string, number>;
}

/**
 * The rows of one customer — by account id (customerId) when it has one, whatever name each invoice was synced with;
 * without one (a text customer, a copy from before the ids), the name's — by one scan of the prepared rows, in row order.
 * A scan, not an index by customer made at the first view: at 100,000 rows that index cost the first customer view 69 ms
 * of the page's thread in the bench (cust13's set, session 31) and 134–157 ms in a Node micro-measure, where a scan costs
 * 22–26 ms the first time and 2–5 ms after (1,000,000 rows: 1.2 s vs 0.44 s first, 17 ms after; BENCHMARKS "Lead's runs,
 * session 31").
 */
function rowsOf(prepared: PreparedInvoices, customer: CustomerRef): number[] {
  const { rows } = prepared;
  const out: number[] = [];
  if (customer.account) {
    const account = customer.account;
    for (let i = 0; i < rows.length; i++) if (rows[i]!.customerId === account) out.push(i);
  } else {
    const name = customer.name;
    for (let i = 0; i < rows.length; i++) if (rows[i]!.customer === name) out.push(i);
  }
  return out;
}

/**
 * The invoices of `customer` (its account, or the account name the grid shows), leaving out those an as-of view
 * leaves out (dated after `cutOffDay`). Totals and aging come from the workspace's own functions over just these
 * rows, so the customer view and a currency card filtered to the customer agree.
 */
export function customerInvoices(prepared: PreparedInvoices, customer: CustomerRef, asOfDay: number, basis: AgingBasis, cutOffDay = Infinity): CustomerInvoices {
  const open: number[] = [];
  const rest: number[] = [];
  const overdueCents = new Map<string, number>();
  for (const i of rowsOf(prepared, customer)) {
    const row = prepared.rows[i]!;
    if (prepared.invoiceDay[i]! > cutOffDay) continue;
    if (prepared.counted[i] && (row.balance ?? 0) > 0) open.push(i);
    else rest.push(i);
    if (daysOverdueAt(prepared, i, asOfDay) > 0) overdueCents.set(row.currency, (overdueCents.get(row.currency) ?? 0) + Math.round(row.balance! * SUM_SCALE));
  }
  const due = (i: number) => (Number.isNaN(prepared.dueDay[i]!) ? Infinity : prepared.dueDay[i]!);
  const dated = (i: number) => (Number.isNaN(prepared.invoiceDay[i]!) ? -Infinity : prepared.invoiceDay[i]!);
  open.sort((a, b) => due(a) - due(b) || a - b);
  rest.sort((a, b) => dated(b) - dated(a) || a - b);
  const indexes = Uint32Array.from([...open, ...rest]);
  const overdue = new Map([...overdueCents].map(([currency, cents]) => [currency, cents / SUM_SCALE]));
  return { indexes, totals: computeTotals(prepared, indexes), aging: computeAging(prepared, indexes, asOfDay, basis), overdue };
}
