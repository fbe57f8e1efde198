import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerLedger } from '../../../electron/contract';
import { startOrg, type RunningOrg } from '../../org';
import type { TestCore } from '../../support/test-core';
import { syncedCore } from '../../support/synced-core';
import { tempDir } from '../../support/test-ports';
import { line, pdfText } from './pdf-lines';
import { FAMILIES, minor, unappliedCashOf } from '../receivables/org-ledger';

/**
 * A statement's payments (applied, unapplied) and the customer view's unapplied cash are as of the statement's / view's day,
 * not today's (#13, money16 and reviewC): a payment taken back and applied again after that day changes neither. Expected
 * figures come from the org's own records (org-ledger.ts unappliedCashOf with the day), not from the app's code.
 */

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const dateOf = (day: string) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
const usd = (amount: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(amount);

const NAMES = {
  Invoice: { account: 'BillingAccountId', accountName: 'BillingAccount', paymentNumber: 'PaymentNumber', paymentAccount: 'AccountId' },
  blng__Invoice__c: { account: 'blng__Account__c', accountName: 'blng__Account__r', paymentNumber: 'Name', paymentAccount: 'blng__Account__c' },
} as const;

describe.each(Object.keys(FAMILIES) as (keyof typeof FAMILIES)[])('as of a past day, over %s', (shape) => {
  const f = FAMILIES[shape];
  const n = NAMES[shape];
  // The statement's day, and the day the payment came in and was applied before it.
  const asOf = daysAgo(10);
  const paidOn = addDays(asOf, -5);
  let org: RunningOrg;
  let app: TestCore;
  let connectionId: string;
  const temp = tempDir('budgetly-as-of-payments-');
  let invoiceId: string;
  let account: string;
  let customer: string;
  let paymentId: string;
  let applicationId: string;
  let paymentNumber: string;

  const sync = async (mode: 'full' | 'incremental') => {
    const synced = await app.call('invoices.sync', { connectionId, mode });
    expect(synced.ok, JSON.stringify(synced.error)).toBe(true);
  };
  const statement = async (file: string, day: string) => {
    app.saveDialog.answer = join(temp.dir, file);
    const saved = await app.call('statements.save', { connectionId, customer, account, asOf: day, how: 'save', period: { from: addDays(day, -89), to: day } });
    expect(saved.ok, JSON.stringify(saved.error)).toBe(true);
    return pdfText(saved.value.path);
  };
  const customerView = async (day?: string) => {
    const answer = await app.call('invoices.customer', { connectionId, customer, account, ...(day ? { asOf: day } : {}) });
    expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
    return answer.value as CustomerLedger;
  };
  /** The account's unapplied cash (minor units) from the org's records, as of a day or today. */
  const expectedCash = (day?: string) => {
    const theirs = new Set(org.control.records(f.payment).filter((p) => p[n.paymentAccount] === account).map((p) => p.Id as string));
    return [...unappliedCashOf(org, shape, day)].filter(([id]) => theirs.has(id)).reduce((sum, [, [, cash]]) => sum + cash, 0);
  };

  beforeAll(async () => {
    org = await startOrg({ invoices: 300, objects: [shape] });
    const invoice = org.control.records(shape).find((i) => (i[f.balance] as number) > 20 && /posted/i.test(String(i[f.status]))
      && String(i[f.invoiceDate]) <= addDays(paidOn, -10) && typeof i[n.account] === 'string')!;
    expect(invoice, 'an open posted invoice').toBeDefined();
    invoiceId = invoice.Id as string;
    account = invoice[n.account] as string;
    customer = (invoice[n.accountName] as { Name: string }).Name;
    // 10.00 received and applied on paidOn, before the statement's day.
    ({ paymentId, applicationId } = org.control.applyPayment(invoiceId, 10, { appliedAt: `${paidOn}T12:00:00.000Z`, paymentDate: paidOn }));
    paymentNumber = String(org.control.records(f.payment).find((p) => p.Id === paymentId)![n.paymentNumber]);
    ({ app, connectionId } = await syncedCore(org));
  }, 120_000);

  afterAll(async () => {
    await app?.dispose();
    await org?.stop();
    temp.remove();
  });

  it('a payment taken back and applied again after the day changes neither the statement as of that day nor the as-of customer view; today’s show the change', async () => {
    const before = await statement('before.pdf', asOf);
    expect(line(before, dateOf(paidOn), paymentNumber, usd(10), usd(10), usd(0)), before).toBe(true);
    expect(before.replace(/\s+/g, ' ')).toContain(`Applied and unapplied as of ${dateOf(asOf)}.`);
    const cashBefore = await customerView(asOf);
    expect(minor(cashBefore.unapplied.find((u) => u.currency === 'USD')?.cash ?? 0, 'USD')).toBe(expectedCash(asOf));

    // Today, in Salesforce: the application taken back, then 4.00 of the payment applied again.
    org.control.reverseApplication(applicationId);
    org.control.allocatePayment(paymentId, invoiceId, 4);
    await sync('incremental');

    // The statement as of that day is the same document, word for word: applied 10.00, nothing unapplied, the same balances.
    const after = await statement('after.pdf', asOf);
    expect(after).toBe(before);
    // The customer view as of that day: the same unapplied cash, the org's records' as of that day.
    const cashAfter = await customerView(asOf);
    expect(cashAfter.unapplied).toEqual(cashBefore.unapplied);
    expect(cashAfter.payments.find((p) => p.id === paymentId)).toMatchObject({ applied: 10, unapplied: 0 });
    // Today's: 4.00 applied, 6.00 unapplied, as the org's records say now.
    const today = await customerView();
    expect(today.payments.find((p) => p.id === paymentId)).toMatchObject({ applied: 4, unapplied: 6 });
    expect(minor(today.unapplied.find((u) => u.currency === 'USD')!.cash, 'USD')).toBe(expectedCash());
    const now = await statement('today.pdf', daysAgo(0));
    expect(line(now, dateOf(paidOn), paymentNumber, usd(10), usd(4), usd(6)), now).toBe(true);
  });

  it('a payment received after the day is not on the as-of customer view (not money in yet); a bad day is refused with a clear error', async () => {
    const later = org.control.applyPayment(invoiceId, 1);
    await sync('incremental');
    expect((await customerView(asOf)).payments.some((p) => p.id === later.paymentId)).toBe(false);
    expect((await customerView()).payments.some((p) => p.id === later.paymentId)).toBe(true);
    const bad = await app.call('invoices.customer', { connectionId, customer, account, asOf: '30.11.2026' });
    expect(bad.ok).toBe(false);
    expect(bad.error!.code).toBe('INVALID_INPUT');
  });
});
