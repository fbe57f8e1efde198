import type { RunningOrg } from '../../org';
import { decimals, FAMILIES, minor, received } from './org-families';

// The whole surface the tests import from here (org-families.ts, org-ledger-dated.ts hold the rest).
export { FAMILIES, major, minor, received } from './org-families';
export { dayOf, expectedBalancesAsOf, expectedCurrencies, expectedFigures, refundedByPayment, summaryInMinor, unappliedCashOf } from './org-ledger-dated';

export interface Expected {
  /** Net applied, in minor units. */
  payments: number;
  credits: number;
  entries: number;
  reversals: number;
  /** Salesforce's balance − (total − payments − credits), minor units. */
  difference: number;
}

/** Ids of the payments with cash not applied (amount > net applied), from the org's records. */
export function paymentsWithCashLeft(org: RunningOrg, shape: keyof typeof FAMILIES): string[] {
  const f = FAMILIES[shape];
  const applied = new Map<string, number>();
  for (const app of org.control.records(f.paymentApp)) {
    const payment = app[f.paymentRef] as string;
    applied.set(payment, (applied.get(payment) ?? 0) + (app[f.type] === f.reversal ? -1 : 1) * (app[f.amount] as number));
  }
  return org.control.records(f.payment).filter((p) => (p[f.amount] as number) - (applied.get(p.Id as string) ?? 0) > 0.005).map((p) => p.Id as string);
}

/**
 * Billing credit notes, from the org's records: per credit note id, per invoice id, its allocations there net of unallocations
 * (cents; whole yen): > 0 while the credit note is applied to that invoice.
 */
export function creditNoteApplications(org: RunningOrg): Map<string, Map<string, number>> {
  return sourceApplications(org, 'blng__Invoice__c', 'credit');
}

/**
 * Payments (credit notes) of either shape, from the org's records: per payment (credit note) id, per invoice id, its applications
 * there net of reversals (cents; whole yen): > 0 while it is applied to that invoice.
 */
export function sourceApplications(org: RunningOrg, shape: keyof typeof FAMILIES, kind: 'payment' | 'credit'): Map<string, Map<string, number>> {
  const f = FAMILIES[shape];
  const [sourceObject, appObject, ref] = kind === 'payment' ? [f.payment, f.paymentApp, f.paymentRef] : [f.credit, f.creditApp, f.creditRef];
  const currencyOf = new Map(org.control.records(sourceObject).map((c) => [c.Id as string, String(c.CurrencyIsoCode ?? 'USD')]));
  const out = new Map<string, Map<string, number>>();
  for (const app of org.control.records(appObject)) {
    const source = app[ref] as string;
    const invoice = app[f.appInvoice] as string;
    const byInvoice = out.get(source) ?? new Map<string, number>();
    out.set(source, byInvoice);
    const signed = (app[f.type] === f.reversal ? -1 : 1) * minor(app[f.amount] as number, String(app.CurrencyIsoCode ?? currencyOf.get(source) ?? 'USD'));
    byInvoice.set(invoice, (byInvoice.get(invoice) ?? 0) + signed);
  }
  return out;
}

/**
 * Per invoice id, the refund lines its timeline lists (information, effect 0), from the org's records: every line of every
 * payment still applied to it (its applications there net of reversals > 0), and (Billing) every refund line of every credit
 * note still applied to it (its allocations there net of unallocations > 0), through the credit note's lines.
 */
export function expectedRefundEntries(org: RunningOrg, shape: keyof typeof FAMILIES): Map<string, number> {
  const f = FAMILIES[shape];
  const lines = new Map<string, number>();
  for (const line of org.control.records(f.refundLine)) lines.set(line[f.refundPayment] as string, (lines.get(line[f.refundPayment] as string) ?? 0) + 1);
  const paymentsOf = new Map<string, Set<string>>();
  const paymentsApplied = sourceApplications(org, shape, 'payment');
  const creditsApplied = shape === 'blng__Invoice__c' ? creditNoteApplications(org) : null;
  for (const [object, ref] of [[f.paymentApp, f.paymentRef], [f.creditApp, f.creditRef]] as const) {
    const stillApplied = object === f.paymentApp ? paymentsApplied : creditsApplied;
    for (const app of org.control.records(object)) {
      const invoice = app[f.appInvoice] as string;
      // A payment (Billing credit note) whose applications to this invoice were all taken back: its refunds are not on it.
      if (stillApplied && !((stillApplied.get(app[ref] as string)?.get(invoice) ?? 0) > 0)) continue;
      if (!paymentsOf.has(invoice)) paymentsOf.set(invoice, new Set());
      paymentsOf.get(invoice)!.add(app[ref] as string);
    }
  }
  if (shape === 'blng__Invoice__c') {
    const creditNoteOfLine = new Map(org.control.records('blng__CreditNoteLine__c').map((l) => [l.Id as string, l.blng__CreditNote__c as string]));
    for (const line of org.control.records('blng__RefundLineCreditNoteLine__c')) {
      const note = creditNoteOfLine.get(line.blng__CreditNoteLine__c as string);
      if (note) lines.set(note, (lines.get(note) ?? 0) + 1);
    }
  }
  const out = new Map<string, number>();
  for (const [invoice, payments] of paymentsOf) out.set(invoice, [...payments].reduce((n, p) => n + (lines.get(p) ?? 0), 0));
  return out;
}

/** Per invoice id, straight from the org's records: what the app must show. */
export function expectedLedger(org: RunningOrg, shape: keyof typeof FAMILIES): Map<string, Expected> {
  const f = FAMILIES[shape];
  const out = new Map<string, Expected>();
  const invoices = org.control.records(shape);
  for (const invoice of invoices) out.set(invoice.Id as string, { payments: 0, credits: 0, entries: 0, reversals: 0, difference: 0 });
  const currencyOf = new Map(invoices.map((i) => [i.Id as string, i.CurrencyIsoCode ?? 'USD']));
  for (const [object, key] of [[f.paymentApp, 'payments'], [f.creditApp, 'credits']] as const) {
    for (const app of org.control.records(object)) {
      const e = out.get(app[f.appInvoice] as string);
      if (!e) continue;
      const minor = Math.round((app[f.amount] as number) * 10 ** decimals(currencyOf.get(app[f.appInvoice] as string)));
      const reversal = app[f.type] === f.reversal;
      e[key] += reversal ? -minor : minor;
      e.entries++;
      if (reversal) e.reversals++;
    }
  }
  for (const invoice of invoices) {
    const e = out.get(invoice.Id as string)!;
    const m = 10 ** decimals(invoice.CurrencyIsoCode);
    e.difference = Math.round((invoice[f.balance] as number) * m) - (Math.round((invoice[f.total] as number) * m) - e.payments - e.credits);
  }
  return out;
}

/**
 * Billing credit notes, straight from the org's records: per credit note id that is credit issued (not Draft or Canceled),
 * its currency and what of it is not yet applied (minor units) = amount − its allocations net of unallocations − what its
 * refund lines paid back (`blng__RefundLineCreditNoteLine__c` → `blng__CreditNoteLine__c` → its credit note; Posted lines
 * only, Allocation minus Unallocation) − what debit notes allocated to its lines took (their blng__Debits__c), and the refunded
 * and debited parts alone.
 */
export function creditNotesLeft(org: RunningOrg): Map<string, { currency: string; unapplied: number; refunded: number; debited: number }> {
  const f = FAMILIES.blng__Invoice__c;
  const lines = org.control.records('blng__CreditNoteLine__c');
  const creditNoteOfLine = new Map(lines.map((l) => [l.Id as string, l.blng__CreditNote__c as string]));
  const notes = org.control.records(f.credit).filter((c) => received(c, f.sourceStatus));
  const currencyOf = new Map(notes.map((c) => [c.Id as string, (c.CurrencyIsoCode as string | undefined) ?? 'USD']));
  const applied = new Map<string, number>();
  for (const app of org.control.records(f.creditApp)) {
    const note = app[f.creditRef] as string;
    if (!currencyOf.has(note)) continue;
    applied.set(note, (applied.get(note) ?? 0) + (app[f.type] === f.reversal ? -1 : 1) * minor(app[f.amount] as number, currencyOf.get(note)!));
  }
  const refunded = new Map<string, number>();
  for (const line of org.control.records('blng__RefundLineCreditNoteLine__c')) {
    if (line.blng__Status__c !== 'Posted') continue;
    const note = creditNoteOfLine.get(line.blng__CreditNoteLine__c as string);
    if (!note || !currencyOf.has(note)) continue;
    refunded.set(note, (refunded.get(note) ?? 0) + (line.blng__Type__c === 'Unallocation' ? -1 : 1) * minor(line.blng__Amount__c as number, currencyOf.get(note)!));
  }
  // Debit notes allocated to a line (its blng__Debits__c, which Billing takes off the line's available balance as it takes refunds).
  const debited = new Map<string, number>();
  for (const line of lines) {
    const note = line.blng__CreditNote__c as string;
    if (!currencyOf.has(note)) continue;
    debited.set(note, (debited.get(note) ?? 0) + minor((line.blng__Debits__c as number | undefined) ?? 0, currencyOf.get(note)!));
  }
  const out = new Map<string, { currency: string; unapplied: number; refunded: number; debited: number }>();
  for (const note of notes) {
    const id = note.Id as string;
    const currency = currencyOf.get(id)!;
    const back = refunded.get(id) ?? 0;
    const taken = debited.get(id) ?? 0;
    out.set(id, { currency, refunded: back, debited: taken, unapplied: minor(note.blng__TotalAmount__c as number, currency) - (applied.get(id) ?? 0) - back - taken });
  }
  return out;
}
