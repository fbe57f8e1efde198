import { describe, expect, it } from 'vitest';
import type { CurrencyReceivables, CustomerLedger, InvoiceList, InvoiceReceivables } from '../../../electron/contract';
import type { RunningOrg } from '../../org';
import { CONNECTION_ID as connectionId, withOrgHarness } from '../invoices/support/invoice-harness';
import { creditNotesLeft, expectedCurrencies, expectedFigures, expectedLedger, FAMILIES, minor, received, summaryInMinor, unappliedCashOf } from './org-ledger';

type Shape = keyof typeof FAMILIES;
type Harness = Parameters<Parameters<typeof withOrgHarness>[1]>[0];

/**
 * The org's records as the arithmetic counts them: every application (payment and credit) whose Amount is zero or below left
 * out — issue 13's rule for such an amount (listed, not counted) — and every other record as the org serves it, the invoices'
 * Salesforce balances included (which did count them). org-ledger.ts's independent computations read only `control.records`.
 */
function countedView(org: RunningOrg, shape: Shape): RunningOrg {
  const f = FAMILIES[shape];
  const applications = new Set<string>([f.paymentApp, f.creditApp]);
  const records = (name: string) => org.control.records(name).filter((r) => !applications.has(name) || (r[f.amount] as number) > 0);
  return { control: { records } } as unknown as RunningOrg;
}

type Kind = 'payment' | 'credit';

/** The application object of a kind, its reference to its payment (credit note), and the source object with its account field. */
function objectsOf(shape: Shape, kind: Kind) {
  const f = FAMILIES[shape];
  return kind === 'payment'
    ? { app: f.paymentApp, ref: f.paymentRef, source: f.payment, account: shape === 'Invoice' ? 'AccountId' : 'blng__Account__c' }
    : { app: f.creditApp, ref: f.creditRef, source: f.credit, account: shape === 'Invoice' ? 'BillingAccountId' : 'blng__Account__c' };
}

interface Odd {
  id: string;
  invoice: string;
  /** The payment's (credit note's) id. */
  source: string;
  currency: string;
}

/** Applications of a kind (no reversal on their invoice, in the invoice's currency), each on an invoice of its own: `count` of them. */
function plainApplications(org: RunningOrg, shape: Shape, kind: Kind, count: number): Odd[] {
  const f = FAMILIES[shape];
  const { app: object, ref } = objectsOf(shape, kind);
  const currencyOf = new Map(org.control.records(shape).map((i) => [i.Id as string, i.CurrencyIsoCode ?? 'USD']));
  const apps = [...org.control.records(f.paymentApp), ...org.control.records(f.creditApp)];
  const withReversal = new Set(apps.filter((a) => a[f.type] === f.reversal).map((a) => a[f.appInvoice] as string));
  const seen = new Set<string>();
  const out: Odd[] = [];
  for (const a of org.control.records(object)) {
    const invoice = a[f.appInvoice] as string;
    if (withReversal.has(invoice) || seen.has(invoice) || !currencyOf.has(invoice) || (a.CurrencyIsoCode ?? currencyOf.get(invoice)) !== currencyOf.get(invoice)) continue;
    if (!((a[f.amount] as number) > 0)) continue;
    seen.add(invoice);
    out.push({ id: a.Id as string, invoice, source: a[ref] as string, currency: String(currencyOf.get(invoice)) });
    if (out.length === count) return out;
  }
  throw new Error(`only ${out.length} plain ${kind} applications in the org`);
}

/**
 * Per credit note issued (not Draft or Canceled), its currency and what of it is not yet applied (minor units), from the org's
 * records: Billing's by org-ledger's creditNotesLeft (refunds and debit notes taken off too); a Revenue Cloud credit memo's
 * TotalAmountWithTax − its applications net of reversals (no refund or debit of a credit memo there).
 */
function creditsLeft(org: RunningOrg, shape: Shape): Map<string, [currency: string, left: number]> {
  if (shape === 'blng__Invoice__c') return new Map([...creditNotesLeft(org)].map(([id, c]) => [id, [c.currency, c.unapplied]]));
  const f = FAMILIES.Invoice;
  const notes = org.control.records(f.credit).filter((c) => received(c, f.sourceStatus));
  const currencyOf = new Map(notes.map((c) => [c.Id as string, String(c.CurrencyIsoCode ?? 'USD')]));
  const applied = new Map<string, number>();
  for (const a of org.control.records(f.creditApp)) {
    const note = a[f.creditRef] as string;
    if (currencyOf.has(note)) applied.set(note, (applied.get(note) ?? 0) + (a[f.type] === f.reversal ? -1 : 1) * minor(a[f.amount] as number, currencyOf.get(note)!));
  }
  return new Map(notes.map((c) => {
    const id = c.Id as string;
    return [id, [currencyOf.get(id)!, minor(c.TotalAmountWithTax as number, currencyOf.get(id)!) - (applied.get(id) ?? 0)]];
  }));
}

const balanceOf = (org: RunningOrg, shape: Shape, invoice: string) => org.control.records(shape).find((i) => i.Id === invoice)![FAMILIES[shape].balance] as number;

/** Everything the user sees of the odd applications' invoices, payments (credit notes) and currencies, against the org's records. */
async function expectAgreement(harness: Harness, org: RunningOrg, shape: Shape, kind: Kind, odd: Odd[]) {
  const counted = countedView(org, shape);
  const all = expectedLedger(org, shape);
  const ledger = expectedLedger(counted, shape);
  const figures = expectedFigures(counted, shape);
  const objects = objectsOf(shape, kind);
  const list = (await harness.call('invoices.list', { connectionId })).value as InvoiceList;
  for (const { id, invoice, currency } of odd) {
    const detail = (await harness.call('invoices.receivables', { connectionId, id: invoice })).value as InvoiceReceivables;
    const entry = detail.entries.find((e) => e.id === id)!;
    const amount = org.control.records(objects.app).find((a) => a.Id === id)![FAMILIES[shape].amount] as number;
    // Listed plainly, with its amount as Salesforce states it, and not counted.
    expect(entry, invoice).toMatchObject({ kind, reversal: false, amount, effect: 0 });
    expect(entry.problems.join(' '), invoice).toMatch(/zero, negative or missing: not counted/);
    const want = ledger.get(invoice)!;
    expect(detail.entries.filter((e) => e.kind !== 'refund').length, invoice).toBe(all.get(invoice)!.entries);
    expect({
      payments: minor(detail.arithmetic.payments, currency), credits: minor(detail.arithmetic.credits, currency),
      balance: minor(detail.arithmetic.balance!, currency), difference: minor(detail.arithmetic.difference!, currency),
    }, invoice).toEqual({ payments: want.payments, credits: want.credits, balance: minor(balanceOf(org, shape, invoice), currency), difference: want.difference });
    // Salesforce's balance counted the amount, the app does not: a negative one shows as the difference, never "fixed".
    expect(want.difference, invoice).toBe(minor(Math.max(-amount, 0), currency));
    const row = list.invoices.find((r) => r.id === invoice)!;
    const fig = figures.get(invoice)!;
    expect({ paid: minor(row.paid!, currency), credited: minor(row.credited!, currency), balance: minor(row.balance!, currency), fullyPaidOn: row.fullyPaidOn ?? null }, invoice)
      .toEqual({ paid: fig.paid, credited: fig.credited, balance: minor(balanceOf(org, shape, invoice), currency), fullyPaidOn: fig.fullyPaidOn });
  }
  const summary = (await harness.call('invoices.receivablesSummary', { connectionId })).value as CurrencyReceivables[];
  expect(summaryInMinor(summary)).toEqual(expectedCurrencies(counted, shape));
  // The customer view: each odd application's payment (credit note) has as much unapplied as its counted applications leave —
  // a credit note with nothing left is not listed among those not yet wholly applied.
  const left = kind === 'payment' ? unappliedCashOf(counted, shape) : creditsLeft(counted, shape);
  for (const { source } of odd) {
    const record = org.control.records(objects.source).find((p) => p.Id === source)!;
    const account = record[objects.account] as string;
    const name = org.control.records('Account').find((a) => a.Id === account)!.Name as string;
    const view = (await harness.call('invoices.customer', { connectionId, customer: name, account })).value as CustomerLedger;
    const [currency, rest] = left.get(source)!;
    const shown = (kind === 'payment' ? view.payments : view.credits).find((p) => p.id === source);
    expect(shown === undefined ? 0 : minor(shown.unapplied, currency), source).toBe(rest);
    if (kind === 'payment' || rest !== 0) expect(shown, source).toBeDefined();
  }
}

/**
 * Issue 13, "bad input and faults": "a negative or zero amount … is shown plainly and never breaks the sync or the totals" —
 * here against the local org (setApplicationAmount), as a real org holds them: a zero allocation a correction left, a negative
 * one entered by hand. Salesforce's balance counts them; the app lists them, counts them nowhere, and shows the difference.
 * Payment applications (neg22) and credit-note applications (done13: review22's list, "do the same for credit notes").
 */
describe('zero and negative application amounts from the org', () => {
  for (const shape of ['Invoice', 'blng__Invoice__c'] as const) {
    for (const kind of ['payment', 'credit'] as const) {
      it(`${shape}, ${kind} applications: listed with their reason, left out of every figure; full then incremental sync agree with the org's records`, async () => {
        await withOrgHarness({ invoices: 200, objects: [shape], multiCurrency: true, unappliedShare: 0.3 }, async (harness, org) => {
          const { app: object } = objectsOf(shape, kind);
          const [zero, negative, later] = plainApplications(org, shape, kind, 3) as [Odd, Odd, Odd];
          // The control moves Salesforce's balance as its roll-up does: total − Σ applied, the new amount counted as it is.
          const before = minor(balanceOf(org, shape, negative.invoice), negative.currency);
          const was = minor(org.control.records(object).find((a) => a.Id === negative.id)![FAMILIES[shape].amount] as number, negative.currency);
          org.control.setApplicationAmount(zero.id, 0);
          org.control.setApplicationAmount(negative.id, -12);
          expect(minor(balanceOf(org, shape, negative.invoice), negative.currency)).toBe(before + was + minor(12, negative.currency));
          expect(() => org.control.setApplicationAmount(zero.id, Number.NaN)).toThrow(/finite/);

          expect((await harness.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
          await expectAgreement(harness, org, shape, kind, [zero, negative]);

          // A further change: the zero one now negative, a third set to zero; the incremental sync carries both.
          org.control.setApplicationAmount(zero.id, -3);
          org.control.setApplicationAmount(later.id, 0);
          expect((await harness.call('invoices.sync', { connectionId, mode: 'incremental' })).ok).toBe(true);
          await expectAgreement(harness, org, shape, kind, [zero, negative, later]);
        });
      }, 120_000);
    }
  }
});
