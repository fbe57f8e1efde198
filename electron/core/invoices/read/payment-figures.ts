import type { InvoiceListRow, InvoiceRow, PaymentFiguresState } from '../../../contract';
import { dayNumber } from '../../../contract/invoice-order';
import { currencyDecimals } from '../../../contract/currency-decimals';
import type { RelatedCopy } from '../related/related-copy';
import type { RelatedRole } from '../related/related-specs';
import type { Snapshot } from '../snapshot/snapshot';
import { countedApplications, fullyPaidOn, ledgerFor, ledgerIndex, toMinor, type CountedApplication, type LedgerIndex } from './applied-ledger';
import { oncePerCopy } from './once-per-copy';
import { standingPaymentDay } from './standing-payments';

/** What was applied to one invoice, as the list's columns show it (see invoiceListRowSchema). */
export interface PaymentFigures {
  paid: number;
  credited: number;
  lastPaymentDate: string | null;
  fullyPaidOn: string | null;
  daysToPay: number | null;
}


const has = (copy: RelatedCopy, role: RelatedRole) => copy.objects.some((o) => o.role === role);

/**
 * Whether a copy's related records can give payment figures, and if not why. Both kinds of application must be
 * readable: with one hidden (field-level security, profile) every invoice would look unpaid or uncredited, days to
 * pay would come from the other kind alone and balances as of a past day from half the applications.
 */
export function paymentFiguresState(copy: RelatedCopy | null | undefined): PaymentFiguresState {
  if (!copy) return 'notSynced';
  if (copy.none) return 'none';
  return has(copy, 'paymentApplication') && has(copy, 'creditApplication') ? 'available' : 'unreadable';
}

/** Whether what is not applied of the payments and credit notes can be told: the figures, and the payments and credit notes themselves. */
export function unappliedKnown(copy: RelatedCopy | null | undefined): boolean {
  return paymentFiguresState(copy) === 'available' && has(copy!, 'payment') && has(copy!, 'creditNote');
}

/**
 * One invoice's figures by the same counting as the detail panel (applied-ledger.ts): net payments and
 * credits applied, the day of the latest payment applied that still stands (one a reversal took back is none), the day the
 * balance reached zero and the days from the invoice date to it. With `asOf`, as of that day: applications dated
 * later were not made yet (as balancesAsOf moves the balance back).
 */
export function paymentFigures(copy: RelatedCopy, invoice: InvoiceRow, asOf?: string): PaymentFigures {
  return figuresFrom(ledgerIndex(copy), invoice, asOf);
}

/** paymentFigures from a ledger index (the copy's, or one made for this invoice alone: applied-ledger.ts ledgerFor). */
function figuresFrom(index: LedgerIndex, invoice: InvoiceRow, asOf?: string): PaymentFigures {
  const decimals = currencyDecimals(invoice.currency);
  const all = countedApplications(index, invoice.id, invoice.currency, decimals);
  return figuresOf(invoice, asOf === undefined ? all : madeBy(all, asOf), decimals);
}

/** The applications made by a day (dated then or before, or undated), oldest first: the list itself when all were. */
export function madeBy(applications: CountedApplication[], asOf: string): CountedApplication[] {
  return applications.some((application) => application.date !== null && application.date > asOf)
    ? applications.filter((application) => application.date === null || application.date <= asOf)
    : applications;
}

/** One invoice's figures from its counted applications (countedApplications, oldest first; those made by a day for an as-of day). */
export function figuresOf(invoice: InvoiceRow, applications: readonly CountedApplication[], decimals: number): PaymentFigures {
  let paid = 0;
  let credited = 0;
  let lastPaymentDate: string | null = null;
  let reversed = false;
  for (const application of applications) {
    if (application.kind === 'credit') {
      credited -= application.effectMinor;
      continue;
    }
    paid -= application.effectMinor;
    if (application.effectMinor === 0) continue;
    if (application.reversal) reversed = true;
    else if (application.date && (lastPaymentDate === null || application.date > lastPaymentDate)) lastPaymentDate = application.date;
  }
  // A payment taken back is no payment any more: the latest that still stands (standing-payments.ts).
  if (reversed) lastPaymentDate = standingPaymentDay(applications);
  const total = invoice.total === null ? null : toMinor(invoice.total, decimals);
  const paidOn = fullyPaidOn(total, applications);
  const scale = 10 ** decimals;
  return {
    paid: paid / scale,
    credited: credited / scale,
    lastPaymentDate,
    fullyPaidOn: paidOn,
    daysToPay: paidOn && invoice.invoiceDate ? dayNumber(paidOn) - dayNumber(invoice.invoiceDate) : null,
  };
}

/** The figures of an invoice nothing was applied to. */
export const NO_FIGURES: PaymentFigures = Object.freeze({ paid: 0, credited: 0, lastPaymentDate: null, fullyPaidOn: null, daysToPay: null });

/**
 * The list's figures of a copy's invoices (null when the copy has none): `has` says by id whether anything was applied to
 * an invoice — most have nothing, NO_FIGURES, and need no row — and `of` counts an invoice's figures. One ledger index per copy.
 */
export function figuresMaker(copy: RelatedCopy | null | undefined, only?: string): { has(id: string): boolean; of(row: InvoiceRow): PaymentFigures } | null {
  if (paymentFiguresState(copy) !== 'available') return null;
  // `only`: the maker of that one invoice's row (its detail panel): the whole index when made, else its entries alone (ledgerFor).
  const index = only === undefined ? ledgerIndex(copy!) : ledgerFor(copy!, only);
  return { has: (id) => index.byInvoice.has(id), of: (row) => figuresFrom(index, row) };
}

/**
 * What makes one invoice's list row (its payment figures beside it), for a copy: the row itself when the copy has no
 * figures (null then, so a caller can hand the rows on as they are). No query.
 */
export function listRowMaker(copy: RelatedCopy | null | undefined, only?: string): ((row: InvoiceRow) => InvoiceListRow) | null {
  const figures = figuresMaker(copy, only);
  return figures && ((row) => ({ ...row, ...(figures.has(row.id) ? figures.of(row) : NO_FIGURES) }));
}

/** The rows with their payment figures (the rows themselves when the copy has none): one pass, no query. */
export function withPaymentFigures(rows: readonly InvoiceRow[], copy: RelatedCopy | null | undefined): InvoiceListRow[] {
  const make = listRowMaker(copy);
  return make ? rows.map(make) : (rows as InvoiceListRow[]);
}

/** A snapshot's rows with their figures, computed once per snapshot (a sync or a cache load makes a new one): for the readers of the whole copy (exports, statements, balances as of a day). */
export const listRowsOf = oncePerCopy((snapshot: Snapshot): InvoiceListRow[] => withPaymentFigures(snapshot.rows, snapshot.related));
