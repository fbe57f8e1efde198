import type { AgingBasis, CustomerLedger, InvoiceListRow } from '../../contract';
import { agingBucketKeys } from '../../contract/aging-buckets';
import { CustomerAgingSums, isCustomersRow } from '../../contract/customer-aging';
import type { StatusKindMap } from '../../contract/invoice-status';
import { SUM_SCALE } from '../../contract/sum-scale';
import { agingBucketKeyOf, daysOverdue, type CellContext } from '../export/export-cells';
import type { RowConversion } from '../export/export-conversion';
import { statusCounts } from '../invoices/read/counted-sources';

/**
 * What one customer's statement of account says, as of a day: pure data, computed by the same rules as the
 * workspace's cards and the aging report (posted invoices only, invoices dated after the day left out, balances as of
 * the day, the aging basis of Settings), every total summed in thousandths (SUM_SCALE) and divided once.
 */

export interface StatementInvoice {
  number: string;
  invoiceDate: string | null;
  dueDate: string | null;
  currency: string;
  total: number | null;
  balance: number;
  /** 0 when not overdue. */
  daysOverdue: number;
}

export interface StatementCurrency {
  currency: string;
  /** Open invoices counted. */
  count: number;
  /** Open balance per bucket, in agingBucketKeys order (Current, 1–30, 31–60, 61–90, 90+). */
  aging: number[];
  total: number;
}

/** The totals in the corporate currency, each invoice converted at its currency's rate on the as-of date. */
export interface StatementCorporate {
  currency: string;
  aging: number[];
  total: number;
  /** The rate each currency was converted at, and the day it applies from (null: the currency's plain rate). */
  rates: { currency: string; rate: number; rateDate: string | null }[];
  /** Currencies without a rate on the as-of date: left out of the corporate totals (the statement says so). */
  missing: string[];
}

export interface StatementPayment {
  date: string | null;
  reference: string | null;
  method: string | null;
  currency: string;
  amount: number | null;
  applied: number;
  /** Paid back to the customer by refunds (0: none); amount = applied + refunded + unapplied. */
  refunded: number;
  unapplied: number;
  /** Refunded beyond what was left unapplied: `unapplied` is below zero as Salesforce's records give it (said under the table). */
  overRefunded?: true;
  /** Applied to invoices for more than its amount: `unapplied` is below zero as Salesforce's records give it (said under the table). */
  overApplied?: true;
}

/** A refund of one of the customer's Billing credit notes in the period: + paid back, − a refund taken back. */
export interface StatementCreditRefund {
  date: string | null;
  /** The credit note's number. */
  creditNote: string | null;
  currency: string;
  amount: number;
}

/** A Salesforce Billing debit note of the customer still open: owed besides the invoices (its balance as of the last sync). */
export interface StatementDebitNote {
  date: string | null;
  reference: string | null;
  currency: string;
  amount: number | null;
  balance: number | null;
}

/** The payments part: those received in the period, or why there are none to show. */
export type StatementPayments =
  | {
      state: 'listed'; from: string; to: string; payments: StatementPayment[]; creditRefunds: StatementCreditRefund[];
      /** Parts the copy could not read (hidden from the user): the statement says so in their place (none listed for them). */
      unreadable?: ('payments' | 'creditRefunds')[];
    }
  /** The copy has no payments for this org (a custom invoice object, none of its objects readable, no copy yet): `note` says why. */
  | { state: 'unavailable'; note: string | null }
  /** No period asked for. */
  | { state: 'notAsked' };

export interface StatementFacts {
  customer: string;
  asOf: string;
  /** False: the copy has no dated applications, so balances are those of the last sync (the statement says so). */
  balancesAsOf: boolean;
  /** Open invoices by currency, then due date (oldest first), then number. */
  invoices: StatementInvoice[];
  /** One per currency with open invoices, alphabetical. */
  currencies: StatementCurrency[];
  corporate: StatementCorporate | null;
  payments: StatementPayments;
  /** Open debit notes dated on or before the as-of day, oldest first (none where the org has no debit note object). */
  debitNotes: StatementDebitNote[];
}

export interface StatementInput {
  customer: string;
  /** The customer's account id (InvoiceRow.customerId): when given, the invoices are that account's, whatever their name. */
  account?: string;
  asOf: string;
  /** The copy's invoices, with balances as of `asOf` when `balancesAsOf`. */
  rows: Iterable<InvoiceListRow>;
  balancesAsOf: boolean;
  statusKinds: StatusKindMap | undefined;
  basis: AgingBasis;
  /** The conversion at the as-of date (rates of the copy), null when the org has no corporate currency. */
  conversion: RowConversion | null;
  ledger: CustomerLedger | null;
  period: { from: string; to: string } | null;
}

const byDueDate = (a: StatementInvoice, b: StatementInvoice) =>
  a.currency.localeCompare(b.currency) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.number.localeCompare(b.number);

/** The statement's facts. Drafts never count: a statement goes to the customer, who was never sent a draft. */
export function statementFacts(input: StatementInput): StatementFacts {
  const context: CellContext = { asOf: input.asOf, statusKinds: input.statusKinds, includeDrafts: false, basis: input.basis };
  const sums = new CustomerAgingSums(() => SUM_SCALE);
  const corporateSums = input.conversion ? new CustomerAgingSums(() => SUM_SCALE) : null;
  const rates = new Map<string, { rate: number; rateDate: string | null }>();
  const missing = new Set<string>();
  const invoices: StatementInvoice[] = [];
  for (const row of input.rows) {
    if (!isCustomersRow(row, input.account ? { name: input.customer, account: input.account } : { name: input.customer })) continue;
    // As of a day: an invoice dated later did not exist yet (the workspace's as-of cut-off).
    if (row.invoiceDate !== null && row.invoiceDate > input.asOf) continue;
    const bucket = agingBucketKeyOf(row, context);
    if (bucket === null || row.balance === null) continue;
    invoices.push({
      number: row.number, invoiceDate: row.invoiceDate, dueDate: row.dueDate, currency: row.currency, total: row.total,
      balance: row.balance, daysOverdue: daysOverdue(row, input.asOf, context),
    });
    sums.add(row.currency, input.customer, bucket, Math.round(row.balance * SUM_SCALE));
    if (input.conversion && corporateSums) {
      const converted = input.conversion.of(row);
      if (converted.balance === null || converted.rate === null) missing.add(row.currency);
      else {
        corporateSums.add(input.conversion.corporate, input.customer, bucket, Math.round(converted.balance * SUM_SCALE));
        rates.set(row.currency, { rate: converted.rate, rateDate: converted.rateDate });
      }
    }
  }
  const currencies = sums.tables().map((table) => ({ currency: table.currency, count: table.totals.count, aging: table.totals.amounts, total: table.totals.total }));
  const corporateTable = corporateSums?.tables()[0];
  const foreign = currencies.some((c) => c.currency !== input.conversion?.corporate);
  const corporate: StatementCorporate | null =
    input.conversion && foreign
      ? {
          currency: input.conversion.corporate,
          aging: corporateTable?.totals.amounts ?? agingBucketKeys.map(() => 0),
          total: corporateTable?.totals.total ?? 0,
          rates: [...rates.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, used]) => ({ currency, ...used })),
          missing: [...missing].sort(),
        }
      : null;
  return {
    customer: input.customer,
    asOf: input.asOf,
    balancesAsOf: input.balancesAsOf,
    invoices: invoices.sort(byDueDate),
    currencies,
    corporate,
    payments: paymentsOf(input),
    debitNotes: debitNotesOf(input),
  };
}

function debitNotesOf({ ledger, asOf }: StatementInput): StatementDebitNote[] {
  return (ledger?.debitNotes ?? [])
    .filter((d) => d.date === null || d.date <= asOf)
    .map((d) => ({ date: d.date, reference: d.number, currency: d.currency, amount: d.amount, balance: d.balance }))
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || (a.reference ?? '').localeCompare(b.reference ?? ''));
}

function paymentsOf({ ledger, period }: StatementInput): StatementPayments {
  if (!period) return { state: 'notAsked' };
  const unreadable = ledger?.unreadable ?? [];
  // Nothing synced to list (no payment objects for this invoice object, none readable, no copy yet): said once. Payments that
  // could not be read are said in their place, beside the credit note refunds that could.
  if (!ledger || (!ledger.available && !unreadable.includes('payments'))) return { state: 'unavailable', note: ledger?.note ?? null };
  const payments = ledger.payments
    .filter((p) => p.date !== null && p.date >= period.from && p.date <= period.to && statusCounts(p.status))
    .map((p) => ({ date: p.date, reference: p.number, method: p.method, currency: p.currency, amount: p.amount, applied: p.applied, refunded: p.refunded ?? 0, unapplied: p.unapplied, ...(p.overRefunded ? { overRefunded: true as const } : {}), ...(p.overApplied ? { overApplied: true as const } : {}) }))
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || (a.reference ?? '').localeCompare(b.reference ?? ''));
  // The customer's credit notes refunded in the period (Billing): money paid back to them, beside the payments received.
  const creditRefunds = (ledger.creditRefunds ?? [])
    .filter((r) => r.date !== null && r.date >= period.from && r.date <= period.to)
    .map((r) => ({ date: r.date, creditNote: r.creditNoteNumber, currency: r.currency, amount: r.amount }));
  return { state: 'listed', from: period.from, to: period.to, payments, creditRefunds, ...(unreadable.length > 0 ? { unreadable } : {}) };
}
