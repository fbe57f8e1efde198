import type { InvoiceRow } from '../../../contract';
import type { ApplicationRow } from '../../export/xlsx-applications';
import { currencyDecimals } from '../../export/export-cells';
import type { RelatedCopy } from '../related/related-copy';
import { countedApplications, ledgerIndex } from './applied-ledger';
import { paymentFiguresState } from './payment-figures';

/**
 * Every application (payment or credit, applied or taken back) of these invoices, invoice by invoice in
 * their order, each invoice's oldest first, as the detail panel lists them; null when the copy has no
 * payment objects (then the export has no "Applications" sheet).
 */
export function applicationRows(copy: RelatedCopy | null | undefined, invoices: readonly InvoiceRow[]): ApplicationRow[] | null {
  if (paymentFiguresState(copy) !== 'available') return null;
  const index = ledgerIndex(copy!);
  const out: ApplicationRow[] = [];
  for (const invoice of invoices) {
    if (!index.byInvoice.has(invoice.id)) continue;
    for (const a of countedApplications(index, invoice.id, invoice.currency, currencyDecimals(invoice.currency))) {
      out.push({ invoiceNumber: invoice.number, kind: a.kind, reversal: a.reversal, date: a.date, amount: a.amount, currency: a.currency, id: a.id });
    }
  }
  return out;
}
