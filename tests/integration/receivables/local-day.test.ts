import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrencyReceivables, CustomerLedger, InvoiceList, InvoiceReceivables } from '../../../electron/contract';
import { startOrg, type RunningOrg } from '../../org';
import type { TestCore } from '../../support/test-core';
import { syncedCore } from '../../support/synced-core';
import { tempDir } from '../../support/test-ports';
import { pdfText } from '../statements/pdf-lines';
import { dayOf, expectedBalancesAsOf, expectedCurrencies, expectedFigures, FAMILIES, minor, summaryInMinor } from './org-ledger';

/**
 * An application's day is the day it was made on the computer's clock — the zone "today", the as-of date and a statement's
 * period are in — not its UTC day (#13, reviewC medium). The computer here is in Los Angeles (UTC−8 in winter): a payment
 * applied at 17:30 on the evening of day L there is the instant L+1 01:30 UTC in Salesforce. Expected figures come from
 * the org's own records, each instant read in that zone with Intl (org-ledger.ts dayOf), not from the app's code.
 */

// Set before any core exists: the app reads the computer's zone as the app would in Los Angeles (Node re-reads TZ when set).
const zoneBefore = process.env.TZ;
process.env.TZ = 'America/Los_Angeles';

const DAY = 86_400_000;
const utcDaysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY;
const dateOf = (day: string) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** The fields this test reads, as Salesforce names them per shape (independent of the app's specs). */
const NAMES = {
  Invoice: { number: 'DocumentNumber', account: 'BillingAccountId', accountName: 'BillingAccount', paymentNumber: 'PaymentNumber' },
  blng__Invoice__c: { number: 'Name', account: 'blng__Account__c', accountName: 'blng__Account__r', paymentNumber: 'Name' },
} as const;

afterAll(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

describe.each(Object.keys(FAMILIES) as (keyof typeof FAMILIES)[])('a payment applied late in the evening in Los Angeles, over %s', (shape) => {
  const f = FAMILIES[shape];
  const n = NAMES[shape];
  // D: a UTC day some days back; the payment applied at 01:30 UTC on it — 17:30 on the evening before (L) in Los Angeles.
  const utcDay = utcDaysAgo(6);
  const localDay = addDays(utcDay, -1);
  let org: RunningOrg;
  let app: TestCore;
  let connectionId: string;
  const temp = tempDir('budgetly-local-day-');
  let invoiceId: string;
  let invoiceNumber: string;
  let invoiceDate: string;
  let account: string;
  let customer: string;
  let paymentId: string;

  beforeAll(async () => {
    org = await startOrg({ invoices: 300, objects: [shape] });
    // An open posted invoice dated well before that evening, nothing applied to it yet, of a customer with an account.
    const invoice = org.control.records(shape).find((i) => (i[f.balance] as number) > 0 && i[f.balance] === i[f.total] && /posted/i.test(String(i[f.status]))
      && String(i[f.invoiceDate]) <= addDays(localDay, -10) && typeof i[n.account] === 'string')!;
    expect(invoice, 'an open posted invoice').toBeDefined();
    invoiceId = invoice.Id as string;
    invoiceNumber = String(invoice[n.number]);
    invoiceDate = String(invoice[f.invoiceDate]);
    account = invoice[n.account] as string;
    customer = (invoice[n.accountName] as { Name: string }).Name;
    // Paid in full that evening: the application made at L+1 01:30 UTC; the payment dated L (a `date` in Billing, entered as the day it came in).
    ({ paymentId } = org.control.applyPayment(invoiceId, undefined, { appliedAt: `${utcDay}T01:30:00.000Z`, paymentDate: localDay }));
    expect(dayOf(`${utcDay}T01:30:00.000+0000`)).toBe(localDay);
    ({ app, connectionId } = await syncedCore(org));
  }, 120_000);

  afterAll(async () => {
    await app?.dispose();
    await org?.stop();
    temp.remove();
  });

  it('the as-of view: paid on that evening’s day, still owed the day before; every balance and payment figure as the org’s records give them in Los Angeles', async () => {
    const list = (await app.call('invoices.list', { connectionId })).value as InvoiceList;
    const row = list.invoices.find((r) => r.id === invoiceId)!;
    const asOf = async (day: string) => {
      const answer = await app.call('invoices.balancesAsOf', { connectionId, asOf: day });
      expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
      return answer.value as { balances: Record<string, number>; figures: Record<string, { paid: number; fullyPaidOn: string | null; lastPaymentDate: string | null; daysToPay: number | null }> };
    };
    const evening = await asOf(localDay);
    const before = await asOf(addDays(localDay, -1));
    // The user's view: as of L the invoice is paid (balance 0, fully paid on L); as of the day before, its balance is still owed.
    expect(evening.balances[invoiceId] ?? row.balance).toBe(0);
    expect(before.balances[invoiceId] ?? row.balance).toBeGreaterThan(0);
    const then = { ...row, ...evening.figures[invoiceId] };
    expect({ fullyPaidOn: then.fullyPaidOn, lastPaymentDate: then.lastPaymentDate, daysToPay: then.daysToPay })
      .toEqual({ fullyPaidOn: localDay, lastPaymentDate: localDay, daysToPay: daysBetween(invoiceDate, localDay) });
    // Today's list says the same day (not the UTC day after it): days to pay end on L.
    expect({ fullyPaidOn: row.fullyPaidOn, daysToPay: row.daysToPay }).toEqual({ fullyPaidOn: localDay, daysToPay: daysBetween(invoiceDate, localDay) });

    // Every invoice, as the org's records give it (Intl's zone rules), as of L and the day before.
    for (const [day, answer] of [[localDay, evening], [addDays(localDay, -1), before]] as const) {
      const balances = expectedBalancesAsOf(org, shape, day);
      const figures = expectedFigures(org, shape, day);
      for (const r of list.invoices) {
        const want = balances.get(r.id);
        if (!want) continue;
        expect(minor(answer.balances[r.id] ?? r.balance!, r.currency), `${r.number} as of ${day}`).toBe(minor(want.balance, want.currency));
        const got = { ...r, ...answer.figures[r.id] };
        const expected = figures.get(r.id)!;
        expect({ paid: minor(got.paid ?? 0, r.currency), fullyPaidOn: got.fullyPaidOn, daysToPay: got.daysToPay }, `${r.number} as of ${day}`)
          .toEqual({ paid: expected.paid, fullyPaidOn: expected.fullyPaidOn, daysToPay: expected.daysToPay });
      }
    }
  });

  it('the detail panel dates the application on that evening’s day, and says the invoice was fully paid on it (review23: asserted nowhere)', async () => {
    const answer = await app.call('invoices.receivables', { connectionId, id: invoiceId });
    expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
    const detail = answer.value as InvoiceReceivables;
    const application = org.control.records(f.paymentApp).find((a) => a[f.appInvoice] === invoiceId)!;
    expect(detail.entries.filter((e) => e.kind === 'payment').map((e) => ({ id: e.id, date: e.date })), shape)
      .toEqual([{ id: application.Id, date: dayOf(application[f.appDate]) }]);
    expect(detail.entries.find((e) => e.id === application.Id)?.date).toBe(localDay);
    expect(detail.fullyPaidOn).toBe(localDay);
  });

  it('the collection figures as of that day (headless --as-of) are the org’s records’ in Los Angeles', async () => {
    const answer = await app.call('invoices.receivablesSummary', { connectionId, asOf: localDay });
    expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
    const got = summaryInMinor(answer.value as CurrencyReceivables[]);
    expect(got).toEqual(expectedCurrencies(org, shape, undefined, localDay));
  });

  it('a statement as of that day leaves the invoice out (paid that evening) and lists the payment on that day; as of the day before, the invoice is open', async () => {
    const statement = async (file: string, asOf: string) => {
      app.saveDialog.answer = join(temp.dir, file);
      const saved = await app.call('statements.save', { connectionId, customer, account, asOf, how: 'save', period: { from: addDays(asOf, -29), to: asOf } });
      expect(saved.ok, JSON.stringify(saved.error)).toBe(true);
      return pdfText(saved.value.path);
    };
    const payment = org.control.records(f.payment).find((p) => p.Id === paymentId)!;
    const evening = await statement('evening.pdf', localDay);
    expect(evening, evening).not.toContain(invoiceNumber);
    expect(evening.split('\n').some((l) => l.includes(dateOf(localDay)) && l.includes(String(payment[n.paymentNumber]))), evening).toBe(true);
    const before = await statement('before.pdf', addDays(localDay, -1));
    expect(before, before).toContain(invoiceNumber);
    expect(before).not.toContain(String(payment[n.paymentNumber]));
  });

  it('a `date` field stays its own day: the payment is dated L, as Salesforce states it, in the customer view', async () => {
    const ledger = (await app.call('invoices.customer', { connectionId, customer, account })).value as CustomerLedger;
    expect(ledger.payments.find((p) => p.id === paymentId)?.date).toBe(localDay);
    const list = (await app.call('invoices.list', { connectionId })).value as InvoiceList;
    expect(list.invoices.find((r) => r.id === invoiceId)!.invoiceDate).toBe(invoiceDate);
  });
});
