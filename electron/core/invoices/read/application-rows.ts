import type { InvoiceRow } from '../../../contract';
import type { ApplicationRow, ApplicationRows } from '../../export/xlsx-applications';
import { currencyDecimals } from '../../../contract/currency-decimals';
import type { RelatedCopy } from '../related/related-copy';
import { applicationCurrency, countedApplications, ledgerIndex } from './applied-ledger';

/**
 * Every application (payment or credit, applied or taken back) of these invoices, invoice by invoice in
 * their order, each invoice's oldest first, as the detail panel lists them; null when the copy has no
 * payment objects (then the export has no "Applications" sheet). Streamed: the rows are made while the
 * sheet is written (an export of a million invoices must not hold a million and a half of them).
 */
export function applicationRows(copy: RelatedCopy | null | undefined, invoices: readonly InvoiceRow[]): ApplicationRows | null {
  // Every application that can be read, even with the other kind hidden (the list's figures then stay empty).
  if (!copy || copy.none || !copy.objects.some((o) => o.role === 'paymentApplication' || o.role === 'creditApplication')) return null;
  const index = ledgerIndex(copy!);
  let count = 0;
  const currencies = new Set<string>();
  for (const invoice of invoices) {
    const applications = index.byInvoice.get(invoice.id);
    if (!applications) continue;
    count += applications.length;
    currencies.add(invoice.currency);
    for (const { record } of applications) currencies.add(applicationCurrency(index, record, invoice.currency));
  }
  return {
    count,
    currencies,
    *rows(): Generator<ApplicationRow> {
      for (const invoice of invoices) {
        if (!index.byInvoice.has(invoice.id)) continue;
        for (const a of countedApplications(index, invoice.id, invoice.currency, currencyDecimals(invoice.currency))) {
          yield { invoiceNumber: invoice.number, kind: a.kind, reversal: a.reversal, date: a.date, amount: a.amount, currency: a.currency, id: a.id };
        }
      }
    },
  };
}
