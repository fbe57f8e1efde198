import type { CurrencyReceivables } from '../../../electron/contract';
import type { RunningOrg } from '../../org';
import { decimals, FAMILIES, invoiceStatusKind, major, minor, received } from './org-families';

/**
 * The figures of the org's records that depend on days, independent of the app's code: an application's day in the
 * computer's zone, the list's payment figures, the collection figures per currency, unapplied cash and balances as of a day.
 */

/**
 * Per payment id, what refund lines paid back of it (major units, allocations minus unallocations), straight from the
 * org's records: a line that is Draft or Cancelled (Billing's status) paid nothing back. With `asOf`: lines dated later left out.
 */
export function refundedByPayment(org: RunningOrg, shape: keyof typeof FAMILIES, asOf?: string): Map<string, number> {
  const f = FAMILIES[shape];
  const out = new Map<string, number>();
  for (const line of org.control.records(f.refundLine)) {
    if (f.refundStatus && (line[f.refundStatus] === 'Draft' || line[f.refundStatus] === 'Cancelled')) continue;
    if (asOf !== undefined && dayOf(line[f.refundDate])! > asOf) continue;
    const payment = line[f.refundPayment] as string;
    out.set(payment, (out.get(payment) ?? 0) + (line[f.type] === f.refundReversal ? -1 : 1) * (line[f.amount] as number));
  }
  return out;
}

export interface ExpectedFigures {
  currency: string;
  /** Minor units. */
  total: number;
  paid: number;
  credited: number;
  lastPaymentDate: string | null;
  fullyPaidOn: string | null;
  daysToPay: number | null;
  dueDate: string | null;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/**
 * The day of a record's value as the user counts days: a `date` (YYYY-MM-DD) its own; an instant (a `datetime`: CreatedDate,
 * Revenue Cloud's AppliedDate) the day it was in the computer's time zone (TZ; the zone "today" and the as-of date are in),
 * read with Intl's own zone rules — not the app's code.
 */
export function dayOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (value.length === 10) return value;
  // One formatter per TZ a test sets (the zone resolved when it is made).
  const key = process.env.TZ ?? '';
  let format = dayFormats.get(key);
  if (!format) {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    dayFormats.set(key, (format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  }
  // Salesforce's "+0000" read as "+00:00".
  const parts = format.formatToParts(new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')));
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}
const daysBetween = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/**
 * Per invoice id, the list's payment figures straight from the org's records: net payments and credits
 * applied; the last day a payment was applied that no reversal took back; the day of the application after which the balance
 * (total − everything applied so far, in the order the applications were made) stays at zero or below. With
 * `asOf`: as of that day, applications dated later not made yet.
 */
export function expectedFigures(org: RunningOrg, shape: keyof typeof FAMILIES, asOf?: string): Map<string, ExpectedFigures> {
  const f = FAMILIES[shape];
  const invoices = org.control.records(shape);
  const apps = new Map<string, { minor: number; payment: boolean; reversal: boolean; day: string; created: string; id: string; source: string }[]>();
  const currencyOf = new Map(invoices.map((i) => [i.Id as string, (i.CurrencyIsoCode as string | undefined) ?? 'USD']));
  for (const [object, payment, ref] of [[f.paymentApp, true, f.paymentRef], [f.creditApp, false, f.creditRef]] as const) {
    for (const app of org.control.records(object)) {
      const invoiceId = app[f.appInvoice] as string;
      if (!currencyOf.has(invoiceId)) continue;
      if (asOf !== undefined && dayOf(app[f.appDate])! > asOf) continue;
      const list = apps.get(invoiceId) ?? [];
      list.push({
        minor: Math.round((app[f.amount] as number) * 10 ** decimals(currencyOf.get(invoiceId))), payment, reversal: app[f.type] === f.reversal,
        day: dayOf(app[f.appDate])!, created: String(app.CreatedDate), id: app.Id as string, source: app[ref] as string,
      });
      apps.set(invoiceId, list);
    }
  }
  const out = new Map<string, ExpectedFigures>();
  for (const invoice of invoices) {
    const id = invoice.Id as string;
    const currency = currencyOf.get(id)!;
    const total = Math.round((invoice[f.total] as number) * 10 ** decimals(currency));
    const list = (apps.get(id) ?? []).sort((a, b) => a.day.localeCompare(b.day) || a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
    const signed = (a: (typeof list)[number]) => (a.reversal ? -a.minor : a.minor);
    const paid = list.filter((a) => a.payment).reduce((sum, a) => sum + signed(a), 0);
    const credited = list.filter((a) => !a.payment).reduce((sum, a) => sum + signed(a), 0);
    // The last payment that still counts: a reversal (the org takes back one whole application) cancels the latest application
    // made before it of the same payment, of the same amount; the payments' applications left are the ones still standing.
    const cancelled = new Set<string>();
    list.forEach((a, k) => {
      if (!a.payment || !a.reversal) return;
      const undone = list.slice(0, k).reverse().find((b) => b.payment && !b.reversal && b.source === a.source && b.minor === a.minor && !cancelled.has(b.id));
      if (!undone) throw new Error(`reversal ${a.id}: no application of ${a.source} of its amount before it`);
      cancelled.add(undone.id);
    });
    const paymentDays = list.filter((a) => a.payment && !a.reversal && !cancelled.has(a.id)).map((a) => a.day).sort();
    let fullyPaidOn: string | null = null;
    if (total > 0 && total - paid - credited <= 0) {
      // The last application before which something was still owed.
      let owed = total;
      let last = -1;
      list.forEach((a, k) => {
        if (owed > 0) last = k;
        owed -= signed(a);
      });
      fullyPaidOn = list[last]!.day;
    }
    const invoiceDate = dayOf(invoice[f.invoiceDate]);
    out.set(id, {
      currency, total, paid, credited, lastPaymentDate: paymentDays.at(-1) ?? null, fullyPaidOn, dueDate: dayOf(invoice[f.dueDate]),
      daysToPay: fullyPaidOn && invoiceDate ? daysBetween(invoiceDate, fullyPaidOn) : null,
    });
  }
  return out;
}

export interface ExpectedCurrency {
  currency: string;
  /** Minor units. */
  paymentsApplied: number;
  creditsApplied: number;
  /** Issue 13's definitions, literally. */
  unappliedCash: number;
  averageDaysToPay: number | null;
  /** The accountant's figures beside them (payments received, less refunds; cancelled invoices left out). */
  unappliedCashReceivedLessRefunds: number;
  averageDaysToPayExcludingCancelled: number | null;
}

/** `invoices.receivablesSummary`'s answer with its amounts in minor units and without its flags: what expectedCurrencies gives. */
export function summaryInMinor(figures: readonly CurrencyReceivables[]): ExpectedCurrency[] {
  return figures.map((c) => ({
    currency: c.currency, paymentsApplied: minor(c.paymentsApplied, c.currency), creditsApplied: minor(c.creditsApplied, c.currency),
    unappliedCash: minor(c.unappliedCash, c.currency), averageDaysToPay: c.averageDaysToPay,
    unappliedCashReceivedLessRefunds: minor(c.unappliedCashReceivedLessRefunds, c.currency), averageDaysToPayExcludingCancelled: c.averageDaysToPayExcludingCancelled,
  }));
}

const averageOf = (weighted: number, totals: number) => (totals > 0 ? Math.round((weighted / totals) * 10) / 10 : null);

/**
 * Issue 13's collection figures per currency, from the org's records. As the issue defines them: net payments and credits
 * applied to the invoices given; Σ over every payment record (any status) of (amount − its applications net of reversals); the
 * average days to pay of the fully paid invoices given, weighted by total, one decimal. And the accountant's two: Σ over every
 * payment received (not Draft or Canceled) of (amount − its applications net of reversals − its refund lines net of
 * unallocations); the average days to pay of those invoices that are not cancelled.
 */
export function expectedCurrencies(org: RunningOrg, shape: keyof typeof FAMILIES, invoiceIds?: Set<string>, asOf?: string): ExpectedCurrency[] {
  const f = FAMILIES[shape];
  const out = new Map<string, ExpectedCurrency & { weighted: number; totals: number; weightedNotCancelled: number; totalsNotCancelled: number }>();
  const entry = (currency: string) => {
    let e = out.get(currency);
    if (!e) {
      e = { currency, paymentsApplied: 0, creditsApplied: 0, unappliedCash: 0, averageDaysToPay: null, unappliedCashReceivedLessRefunds: 0, averageDaysToPayExcludingCancelled: null,
        weighted: 0, totals: 0, weightedNotCancelled: 0, totalsNotCancelled: 0 };
      out.set(currency, e);
    }
    return e;
  };
  // A cancelled invoice (settled by its credit note) is no payment: the accountant's figure gives it no days to pay.
  const cancelled = new Set(org.control.records(shape).filter((i) => invoiceStatusKind(i[f.status]) === 'cancelled').map((i) => i.Id as string));
  // As of a day: invoices dated later did not exist, payments received and applications made later had not happened.
  const later = new Set(asOf === undefined ? [] : org.control.records(shape).filter((i) => dayOf(i[f.invoiceDate]) !== null && dayOf(i[f.invoiceDate])! > asOf).map((i) => i.Id as string));
  for (const [id, figures] of expectedFigures(org, shape, asOf)) {
    if ((invoiceIds && !invoiceIds.has(id)) || later.has(id)) continue;
    const e = entry(figures.currency);
    e.paymentsApplied += figures.paid;
    e.creditsApplied += figures.credited;
    if (figures.fullyPaidOn && figures.daysToPay !== null) {
      e.weighted += figures.total * figures.daysToPay;
      e.totals += figures.total;
      if (!cancelled.has(id)) {
        e.weightedNotCancelled += figures.total * figures.daysToPay;
        e.totalsNotCancelled += figures.total;
      }
    }
  }
  for (const [currency, cash] of notAppliedCashOf(org, shape, asOf).values()) entry(currency).unappliedCash += cash;
  for (const [currency, cash] of unappliedCashOf(org, shape, asOf).values()) entry(currency).unappliedCashReceivedLessRefunds += cash;
  return [...out.values()]
    .sort((a, b) => a.currency.localeCompare(b.currency))
    .map(({ weighted, totals, weightedNotCancelled, totalsNotCancelled, ...e }) => ({
      ...e, averageDaysToPay: averageOf(weighted, totals), averageDaysToPayExcludingCancelled: averageOf(weightedNotCancelled, totalsNotCancelled),
    }));
}

/**
 * Per payment record, whatever its status (with `asOf`, received by then), its currency and issue 13's literal unapplied cash
 * (minor units), from the org's records: amount − its applications in its own currency net of reversals, refunds not taken
 * off; a payment with applications in another currency that add up to more than nothing has its own currency used up — 0
 * (an amount in another currency cannot be taken off its own).
 */
function notAppliedCashOf(org: RunningOrg, shape: keyof typeof FAMILIES, asOf?: string): Map<string, [currency: string, cash: number]> {
  return restOfPayments(org, shape, org.control.records(FAMILIES[shape].payment), new Map(), asOf);
}

/**
 * Per payment received (not Draft or Canceled; with `asOf`, received by then), its currency and what of it is not applied
 * (minor units), from the org's records: amount − its applications in its own currency net of reversals − its refund
 * lines net of unallocations; a payment with applications in another currency that add up to more than nothing has
 * its own currency used up — 0 (an accountant never counts as cash to apply money applied elsewhere).
 */
export function unappliedCashOf(org: RunningOrg, shape: keyof typeof FAMILIES, asOf?: string): Map<string, [currency: string, cash: number]> {
  const f = FAMILIES[shape];
  return restOfPayments(org, shape, org.control.records(f.payment).filter((p) => received(p, f.sourceStatus)), refundedByPayment(org, shape, asOf), asOf);
}

/** Per payment given (with `asOf`, received by then): amount − its applications in its own currency net of reversals − `refunded` (major units), or 0 when applied in another currency. */
function restOfPayments(org: RunningOrg, shape: keyof typeof FAMILIES, all: Record<string, unknown>[], refunded: Map<string, number>, asOf?: string): Map<string, [currency: string, cash: number]> {
  const f = FAMILIES[shape];
  const payments = all.filter((p) => asOf === undefined || dayOf(p[f.paymentDate])! <= asOf);
  const currencyOf = new Map(payments.map((p) => [p.Id as string, (p.CurrencyIsoCode as string | undefined) ?? 'USD']));
  const own = new Map<string, number>();
  const elsewhere = new Map<string, Map<string, number>>();
  for (const app of org.control.records(f.paymentApp)) {
    if (asOf !== undefined && dayOf(app[f.appDate])! > asOf) continue;
    const payment = app[f.paymentRef] as string;
    const signed = (app[f.type] === f.reversal ? -1 : 1) * minor(app[f.amount] as number, String(app.CurrencyIsoCode ?? 'USD'));
    const currency = (app.CurrencyIsoCode as string | undefined) ?? currencyOf.get(payment) ?? 'USD';
    if (currency === (currencyOf.get(payment) ?? currency)) own.set(payment, (own.get(payment) ?? 0) + signed);
    else {
      const sums = elsewhere.get(payment) ?? new Map<string, number>();
      elsewhere.set(payment, sums.set(currency, (sums.get(currency) ?? 0) + signed));
    }
  }
  const out = new Map<string, [string, number]>();
  for (const payment of payments) {
    const id = payment.Id as string;
    const currency = currencyOf.get(id)!;
    const usedUp = [...(elsewhere.get(id)?.values() ?? [])].some((sum) => sum > 0);
    out.set(id, [currency, usedUp ? 0 : minor(payment[f.amount] as number, currency) - (own.get(id) ?? 0) - minor(refunded.get(id) ?? 0, currency)]);
  }
  return out;
}

/**
 * Per invoice id, its balance as of a day (major units), straight from the org's records: the balance Salesforce
 * states now, plus every application dated after the day (taken back out), minus every reversal dated after it.
 * Invoices dated after the day are not listed (an as-of view leaves them out).
 */
export function expectedBalancesAsOf(org: RunningOrg, shape: keyof typeof FAMILIES, asOf: string): Map<string, { balance: number; currency: string }> {
  const f = FAMILIES[shape];
  const invoices = org.control.records(shape);
  const later = new Map<string, number>();
  const currencyOf = new Map(invoices.map((i) => [i.Id as string, (i.CurrencyIsoCode as string | undefined) ?? 'USD']));
  for (const object of [f.paymentApp, f.creditApp]) {
    for (const app of org.control.records(object)) {
      const invoiceId = app[f.appInvoice] as string;
      const day = dayOf(app[f.appDate]);
      if (!currencyOf.has(invoiceId) || day === null || day <= asOf) continue;
      const amount = minor(app[f.amount] as number, currencyOf.get(invoiceId)!);
      later.set(invoiceId, (later.get(invoiceId) ?? 0) + (app[f.type] === f.reversal ? -amount : amount));
    }
  }
  const out = new Map<string, { balance: number; currency: string }>();
  for (const invoice of invoices) {
    const id = invoice.Id as string;
    const invoiceDay = dayOf(invoice[f.invoiceDate]);
    if (invoiceDay !== null && invoiceDay > asOf) continue;
    const currency = currencyOf.get(id)!;
    out.set(id, { currency, balance: major(minor(invoice[f.balance] as number, currency) + (later.get(id) ?? 0), currency) });
  }
  return out;
}
