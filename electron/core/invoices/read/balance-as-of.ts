import type { InvoiceListRow, InvoiceRow } from '../../../contract';
import { currencyDecimals } from '../../../contract/currency-decimals';
import type { Snapshot } from '../snapshot/snapshot';
import { countedApplications, ledgerIndex, toMinor } from './applied-ledger';
import { figuresOf, madeBy, paymentFiguresState, type PaymentFigures } from './payment-figures';

/**
 * The balance of each invoice as of a day, from the applications synced with their dates: the balance Salesforce
 * states now, plus what was applied after that day (payments and credits dated later are taken back out; a reversal
 * dated later is undone). Counted by the one rule of applied-ledger.ts. Only invoices whose balance as of the day
 * differs from today's are listed; none when the copy has no payment applications (then the app says the
 * balances are those of the last sync).
 */
export function balancesAsOf(snapshot: Snapshot, rowsById: Pick<ReadonlyMap<string, InvoiceRow>, 'get'>, asOf: string): Map<string, number> {
  return walkAsOf(snapshot, rowsById, asOf, null);
}

/**
 * The balances (balancesAsOf) and payment figures of each invoice as of a day, from one walk of each invoice's applications — the
 * figures by paymentFigures' rule with `asOf` (applications dated later not made yet) where they differ from the row's, today's:
 * an as-of view is the ledger as it stood that day, its Paid amount, Last payment, Fully paid on, Days to pay and the "Payments
 * received" filters included — not only its balances (reviewC, session 16: as of a month back, "Paid late" listed invoices still
 * open then, paid late since). Both empty when the copy has no applications.
 */
export function changesAsOf(snapshot: Snapshot, rowsById: Pick<ReadonlyMap<string, InvoiceListRow>, 'get'>, asOf: string): { balances: Map<string, number>; figures: Map<string, PaymentFigures> } {
  const figures = new Map<string, PaymentFigures>();
  return { balances: walkAsOf(snapshot, rowsById, asOf, figures), figures };
}

/** balancesAsOf's walk; with `figures`, each invoice's figures as of the day too where they differ from its row's (its own walk's applications). */
function walkAsOf(snapshot: Snapshot, rowsById: Pick<ReadonlyMap<string, InvoiceRow>, 'get'>, asOf: string, figures: Map<string, PaymentFigures> | null): Map<string, number> {
  const changed = new Map<string, number>();
  const copy = snapshot.related;
  if (paymentFiguresState(copy) !== 'available') return changed;
  const index = ledgerIndex(copy!);
  for (const invoiceId of index.byInvoice.keys()) {
    const row = rowsById.get(invoiceId);
    if (!row || (row.balance === null && !figures)) continue;
    const decimals = currencyDecimals(row.currency);
    const applications = countedApplications(index, invoiceId, row.currency, decimals);
    let later = 0;
    for (const application of applications) {
      if (application.date !== null && application.date > asOf) later += application.effectMinor;
    }
    if (row.balance !== null && later !== 0) changed.set(invoiceId, (toMinor(row.balance, decimals) - later) / 10 ** decimals);
    if (!figures) continue;
    const then = figuresOf(row, madeBy(applications, asOf), decimals);
    const today = row as InvoiceListRow;
    const same = then.paid === today.paid && then.credited === today.credited && then.lastPaymentDate === today.lastPaymentDate
      && then.fullyPaidOn === today.fullyPaidOn && then.daysToPay === today.daysToPay;
    if (!same) figures.set(invoiceId, then);
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
