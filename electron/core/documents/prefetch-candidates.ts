import type { InvoiceListRow } from '../../contract';
import { kindOfStatus, type StatusKindMap } from '../../contract/invoice-status';
import type { PrefetchCandidate } from './document-prefetch';

/**
 * The invoices whose PDFs "Keep PDFs of open invoices offline" keeps: a balance other than zero, posted (not a draft,
 * not cancelled, by the connection's status meanings), newest invoice date first (undated last, then by number).
 */
export function openInvoicesNewestFirst(rows: readonly Pick<InvoiceListRow, 'id' | 'number' | 'status' | 'balance' | 'invoiceDate'>[], kinds: StatusKindMap): PrefetchCandidate[] {
  return rows
    .filter((row) => row.balance !== null && row.balance !== 0 && kindOfStatus(kinds, row.status) === 'posted')
    .sort((a, b) => (b.invoiceDate ?? '').localeCompare(a.invoiceDate ?? '') || b.number.localeCompare(a.number))
    .map((row) => ({ id: row.id }));
}
