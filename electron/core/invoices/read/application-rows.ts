import type { InvoiceRow } from '../../../contract';
import type { ApplicationRow, ApplicationRows } from '../../export/xlsx-applications';
import type { RowsByPlace } from '../../export/export-rows';
import { currencyDecimals } from '../../../contract/currency-decimals';
import type { RelatedCopy } from '../related/related-copy';
import { applicationCurrency, countedApplications, ledgerIndex } from './applied-ledger';

/**
 * Every application (payment or credit, applied or taken back) of these invoices, invoice by invoice in
 * their order, each invoice's oldest first, as the detail panel lists them; null when the copy has no
 * payment objects (then the export has no "Applications" sheet). Streamed: the rows are made while the
 * sheet is written (an export of a million invoices must not hold a million and a half of them).
 */
export function applicationRows(copy: RelatedCopy | null | undefined, invoices: RowsByPlace<InvoiceRow>, asOf?: string): ApplicationRows | null {
  // Every application that can be read, even with the other kind hidden (the list's figures then stay empty).
  if (!copy || copy.none || !copy.objects.some((o) => o.role === 'paymentApplication' || o.role === 'creditApplication')) return null;
  const index = ledgerIndex(copy!);
  let count = 0;
  const currencies = new Set<string>();
  for (let place = 0; place < invoices.length; place++) {
    const invoice = invoices.at(place)!;
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
      for (let place = 0; place < invoices.length; place++) {
        // Read out before the first yield: the copy's reader refills one row object per place (export-rows.ts).
        const { id, number, currency } = invoices.at(place)!;
        if (!index.byInvoice.has(id)) continue;
        for (const a of countedApplications(index, id, currency, currencyDecimals(currency))) {
          // What countedApplications leaves out of the arithmetic (effect 0): another currency than the invoice's, an amount ≤ 0 or none.
          const otherCurrency = a.currency !== currency;
          const notPositive = a.amount === null || a.amount <= 0;
          // An as-of export's balances leave out what was applied after the day (balance-as-of.ts: dated later): so does this column.
          const later = asOf !== undefined && a.date !== null && a.date > asOf;
          yield {
            invoiceNumber: number, kind: a.kind, reversal: a.reversal, date: a.date, amount: a.amount, currency: a.currency, id: a.id,
            ...(otherCurrency || notPositive || later
              ? { leftOut: { ...(otherCurrency ? { otherCurrency: currency } : {}), ...(notPositive ? { notPositive: true as const } : {}), ...(later ? { later: true as const } : {}) } }
              : {}),
          };
        }
      }
    },
  };
}
