import type { InvoiceListRow, InvoiceRow } from '../../../contract';
import { currencyDecimals } from '../../../contract/currency-decimals';
import type { Snapshot } from '../snapshot/snapshot';
import { countedApplications, ledgerIndex, toMinor } from './applied-ledger';
import { paymentFigures, paymentFiguresState, type PaymentFigures } from './payment-figures';

/**
 * The balance of each invoice as of a day, from the applications synced with their dates: the balance Salesforce
 * states now, plus what was applied after that day (payments and credits dated later are taken back out; a reversal
 * dated later is undone). Counted by the one rule of applied-ledger.ts. Only invoices whose balance as of the day
 * differs from today's are listed; none when the copy has no payment applications (then the app says the
 * balances are those of the last sync).
 */
export function balancesAsOf(snapshot: Snapshot, rowsById: Pick<ReadonlyMap<string, InvoiceRow>, 'get'>, asOf: string): Map<string, number> {
  const changed = new Map<string, number>();
  const copy = snapshot.related;
  if (paymentFiguresState(copy) !== 'available') return changed;
  const index = ledgerIndex(copy!);
  for (const invoiceId of index.byInvoice.keys()) {
    const row = rowsById.get(invoiceId);
    if (!row || row.balance === null) continue;
    const decimals = currencyDecimals(row.currency);
    let later = 0;
    for (const application of countedApplications(index, invoiceId, row.currency, decimals)) {
      if (application.date !== null && application.date > asOf) later += application.effectMinor;
    }
    if (later !== 0) changed.set(invoiceId, (toMinor(row.balance, decimals) - later) / 10 ** decimals);
  }
  return changed;
}

/**
 * The payment figures of each invoice as of a day (paymentFigures with `asOf`: applications dated later not made yet) where
 * they differ from the row's, today's: an as-of view is the ledger as it stood that day, its Paid amount, Last payment,
 * Fully paid on, Days to pay and the "Payments received" filters included — not only its balances (reviewC, session 16:
 * as of a month back, "Paid late" listed invoices still open then, paid late since). None when the copy has no applications.
 */
export function figuresAsOf(snapshot: Snapshot, rowsById: Pick<ReadonlyMap<string, InvoiceListRow>, 'get'>, asOf: string): Map<string, PaymentFigures> {
  const changed = new Map<string, PaymentFigures>();
  const copy = snapshot.related;
  if (paymentFiguresState(copy) !== 'available') return changed;
  for (const invoiceId of ledgerIndex(copy!).byInvoice.keys()) {
    const row = rowsById.get(invoiceId);
    if (!row) continue;
    const then = paymentFigures(copy!, row, asOf);
    const same = then.paid === row.paid && then.credited === row.credited && then.lastPaymentDate === row.lastPaymentDate
      && then.fullyPaidOn === row.fullyPaidOn && then.daysToPay === row.daysToPay;
    if (!same) changed.set(invoiceId, then);
  }
  return changed;
}

/** The rows with their balance (and payment figures, when given) as of the day (the rows themselves where nothing changed). */
export function withBalancesAsOf(
  rowsById: ReadonlyMap<string, InvoiceListRow>,
  balances: ReadonlyMap<string, number>,
  figures: ReadonlyMap<string, PaymentFigures> = new Map(),
): Pick<ReadonlyMap<string, InvoiceListRow>, 'get'> {
  if (balances.size === 0 && figures.size === 0) return rowsById;
  return {
    get: (id: string) => {
      const row = rowsById.get(id);
      const balance = balances.get(id);
      const then = figures.get(id);
      if (!row || (balance === undefined && then === undefined)) return row;
      return { ...row, ...then, ...(balance === undefined ? {} : { balance }) };
    },
  };
}
