import type { InvoiceListRow } from '../../../electron/contract';
import type { PreparedInvoices } from './prepared';

/** One invoice's payment figures as of the aging date (invoices.balancesAsOf's `figures`). */
type FiguresAsOf = Pick<InvoiceListRow, 'paid' | 'credited' | 'lastPaymentDate' | 'fullyPaidOn' | 'daysToPay'>;

/**
 * The rows with their balance and payment figures as of the aging date (from invoices.balancesAsOf: only the invoices
 * whose balance, or paid / credited / last payment / fully paid on / days to pay, then differed), the same array when
 * nothing changes, so nothing is prepared again.
 */
export function rowsAsOf(
  rows: InvoiceListRow[] | undefined,
  balances: Readonly<Record<string, number>> | undefined,
  figures?: Readonly<Record<string, FiguresAsOf>>,
): InvoiceListRow[] | undefined {
  if (!rows || !balances) return rows;
  let changed = false;
  const out = rows.map((row) => {
    const balance = balances[row.id];
    const then = figures?.[row.id];
    if ((balance === undefined || balance === row.balance) && then === undefined) return row;
    changed = true;
    return { ...row, ...then, ...(balance === undefined ? {} : { balance }) };
  });
  return changed ? out : rows;
}

/** How many invoices are dated after the cut-off day (left out of an as-of view). */
export function datedAfter(prepared: PreparedInvoices, cutOffDay: number): number {
  let count = 0;
  for (let i = 0; i < prepared.invoiceDay.length; i++) if (prepared.invoiceDay[i]! > cutOffDay) count++;
  return count;
}
