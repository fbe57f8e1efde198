import type { InvoiceListRow, InvoiceRow } from '../../../contract';
import type { RelatedCopy } from '../related/related-copy';
import { ledgerIndex } from './applied-ledger';
import { paymentFigures, paymentFiguresState } from './payment-figures';

/**
 * The rows as the workspace's as-of view counts them, for the collection figures as of a day (`receivablesSummary`
 * with `asOf`, headless `--as-of`): invoices dated after the day left out (they did not exist yet), each other's
 * payment figures — paid, credited, fully paid on, days to pay — from the applications dated up to the day only.
 * Balances are not needed by the figures; `balancesAsOf` moves those back by the same applications.
 */
export function rowsAsOf(rows: readonly InvoiceRow[], copy: RelatedCopy | null | undefined, asOf: string): InvoiceListRow[] {
  const existing = rows.filter((row) => row.invoiceDate === null || row.invoiceDate <= asOf);
  if (paymentFiguresState(copy) !== 'available') return existing as InvoiceListRow[];
  const index = ledgerIndex(copy!);
  return existing.map((row) => ({
    ...row,
    ...(index.byInvoice.has(row.id) ? paymentFigures(copy!, row, asOf) : { paid: 0, credited: 0, lastPaymentDate: null, fullyPaidOn: null, daysToPay: null }),
  }));
}
