import { describe, expect, it } from 'vitest';
import type { CurrencyReceivables, CustomerLedger, InvoiceList, InvoiceReceivables } from '../../../electron/contract';
import type { RunningOrg } from '../../org';
import { CONNECTION_ID as connectionId, type Harness, withOrgHarness } from '../invoices/support/invoice-harness';
import { expectedCurrencies, expectedLedger, expectedRefundEntries, FAMILIES, minor, paymentsWithCashLeft, received, refundedByPayment, sourceApplications, summaryInMinor, unappliedCashOf } from './org-ledger';

/** The account field of each family's payment (as Salesforce names it). */
const PAYMENT_ACCOUNT = { Invoice: 'AccountId', blng__Invoice__c: 'blng__Account__c' } as const;

const inMinor = summaryInMinor;

/** Headless `receivablesSummary` against the org's records, refunds taken off each payment's unapplied cash. */
async function compareSummary(harness: Harness, org: RunningOrg, shape: keyof typeof FAMILIES): Promise<void> {
  const got = await harness.call('invoices.receivablesSummary', { connectionId });
  expect(got.ok, JSON.stringify(got.error)).toBe(true);
  expect(inMinor(got.value as CurrencyReceivables[])).toEqual(expectedCurrencies(org, shape));
}

/** One payment as the customer view shows it. */
async function paymentInCustomerView(harness: Harness, org: RunningOrg, shape: keyof typeof FAMILIES, paymentId: string) {
  const f = FAMILIES[shape];
  const payment = org.control.records(f.payment).find((p) => p.Id === paymentId)!;
  const account = payment[PAYMENT_ACCOUNT[shape]] as string;
  const name = org.control.records('Account').find((a) => a.Id === account)!.Name as string;
  const ledger = (await harness.call('invoices.customer', { connectionId, customer: name, account })).value as CustomerLedger;
  return { ledger, record: ledger.payments.find((p) => p.id === paymentId)! };
}

/** A payment's amount − net applied − net refunded, in minor units, from the org's records. */
function unappliedOf(org: RunningOrg, shape: keyof typeof FAMILIES, paymentId: string): number {
  const f = FAMILIES[shape];
  const payment = org.control.records(f.payment).find((p) => p.Id === paymentId)!;
  const currency = String(payment.CurrencyIsoCode);
  let applied = 0;
  for (const app of org.control.records(f.paymentApp)) {
    if (app[f.paymentRef] === paymentId) applied += (app[f.type] === f.reversal ? -1 : 1) * minor(app[f.amount] as number, currency);
  }
  return minor(payment[f.amount] as number, currency) - applied - minor(refundedByPayment(org, shape).get(paymentId) ?? 0, currency);
}

describe('refunds of payments (issue 13): never in an invoice’s arithmetic, taken off the payment’s unapplied cash', () => {
  for (const shape of ['Invoice', 'blng__Invoice__c'] as const) {
    it(`${shape}: full sync, a refund issued and a refund line deleted between incremental syncs, against the org’s records`, async () => {
      await withOrgHarness({ invoices: 400, objects: [shape], multiCurrency: true, unappliedShare: 0.4 }, async (harness, org) => {
        const f = FAMILIES[shape];
        const lines = org.control.records(f.refundLine);
        // The org's refunds: some, each no more than what was unapplied of its payment; some taken back or still drafts.
        expect(lines.length).toBeGreaterThan(5);
        expect(lines.some((l) => l[f.type] === f.refundReversal)).toBe(true);
        expect([...refundedByPayment(org, shape).values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
        expect((await harness.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
        await compareSummary(harness, org, shape);

        // A refunded payment applied to an invoice: the invoice's timeline lists the refund as information, its arithmetic is the applications'.
        const apps = org.control.records(f.paymentApp);
        const line = lines.find((l) => l[f.type] !== f.refundReversal && apps.some((a) => a[f.paymentRef] === l[f.refundPayment]))!;
        const invoiceId = apps.find((a) => a[f.paymentRef] === line[f.refundPayment])![f.appInvoice] as string;
        const timeline = (await harness.call('invoices.receivables', { connectionId, id: invoiceId })).value as InvoiceReceivables;
        const entry = timeline.entries.find((e) => e.id === line.Id)!;
        expect(entry).toMatchObject({ kind: 'refund', effect: 0, amount: line[f.amount], sourceId: line[f.refundPayment], reversal: false });
        expect(entry.date).toBe(String(line[f.refundDate]).slice(0, 10));
        const want = expectedLedger(org, shape).get(invoiceId)!;
        expect(minor(timeline.arithmetic.payments, timeline.currency)).toBe(want.payments);
        expect(minor(timeline.arithmetic.difference!, timeline.currency)).toBe(want.difference);

        // A refund of a payment with cash left: that payment's unapplied cash falls by the refund; no invoice moves.
        const before = (await harness.call('invoices.list', { connectionId })).value as InvoiceList;
        const paymentId = paymentsWithCashLeft(org, shape).find((id) => unappliedOf(org, shape, id) >= 200)!;
        const { record: was } = await paymentInCustomerView(harness, org, shape, paymentId);
        expect(minor(was.unapplied, was.currency)).toBe(unappliedOf(org, shape, paymentId));
        const refund = org.control.issueRefund(paymentId, 1);
        expect(() => org.control.issueRefund(paymentId, 1e9)).toThrow(/cannot exceed what is unapplied/);
        expect((await harness.call('invoices.sync', { connectionId, mode: 'incremental' })).ok).toBe(true);
        const { ledger, record: now } = await paymentInCustomerView(harness, org, shape, paymentId);
        expect(minor(now.unapplied, now.currency)).toBe(minor(was.unapplied, was.currency) - minor(1, now.currency));
        expect(minor(now.refunded!, now.currency)).toBe(minor(refundedByPayment(org, shape).get(paymentId)!, now.currency));
        expect(ledger.unapplied.find((u) => u.currency === now.currency)).toBeDefined();
        await compareSummary(harness, org, shape);
        const after = (await harness.call('invoices.list', { connectionId })).value as InvoiceList;
        expect(after.invoices.map((r) => [r.id, r.balance, r.paid])).toEqual(before.invoices.map((r) => [r.id, r.balance, r.paid]));

        // The refund line deleted in Salesforce (recycle bin): the next incremental sync gives the cash back.
        org.control.deleteRefundLine(refund.refundLineId);
        expect((await harness.call('invoices.sync', { connectionId, mode: 'incremental' })).ok).toBe(true);
        const { record: back } = await paymentInCustomerView(harness, org, shape, paymentId);
        expect(back.unapplied).toBe(was.unapplied);
        await compareSummary(harness, org, shape);

        // The refunded payment's applications to that invoice all taken back in Salesforce: it settles nothing of the invoice any
        // more, so its refund leaves that invoice's timeline (as a credit note's does); the timeline's refunds are the org's.
        for (const app of org.control.records(f.paymentApp)) {
          if (app[f.paymentRef] !== line[f.refundPayment] || app[f.appInvoice] !== invoiceId || app[f.type] === f.reversal) continue;
          try {
            org.control.reverseApplication(app.Id as string);
          } catch (error) {
            expect(String(error)).toMatch(/cannot be reversed/);
          }
        }
        expect(sourceApplications(org, shape, 'payment').get(line[f.refundPayment] as string)!.get(invoiceId)).toBe(0);
        expect((await harness.call('invoices.sync', { connectionId, mode: 'incremental' })).ok).toBe(true);
        const reversed = (await harness.call('invoices.receivables', { connectionId, id: invoiceId })).value as InvoiceReceivables;
        expect(reversed.entries.some((e) => e.id === line.Id)).toBe(false);
        expect(reversed.entries.filter((e) => e.kind === 'refund').length).toBe(expectedRefundEntries(org, shape).get(invoiceId) ?? 0);
        expect(minor(reversed.arithmetic.payments, reversed.currency)).toBe(expectedLedger(org, shape).get(invoiceId)!.payments);

        // Then applied there again (a new application after the reversal): its refund is back on the timeline; the arithmetic, the
        // refunds listed, the list's figures and the summary as the org's records give them.
        org.control.allocatePayment(line[f.refundPayment] as string, invoiceId, 1);
        expect(sourceApplications(org, shape, 'payment').get(line[f.refundPayment] as string)!.get(invoiceId)).toBeGreaterThan(0);
        expect((await harness.call('invoices.sync', { connectionId, mode: 'incremental' })).ok).toBe(true);
        const again = (await harness.call('invoices.receivables', { connectionId, id: invoiceId })).value as InvoiceReceivables;
        expect(again.entries.some((e) => e.id === line.Id)).toBe(true);
        expect(again.entries.filter((e) => e.kind === 'refund').length).toBe(expectedRefundEntries(org, shape).get(invoiceId) ?? 0);
        const wantAgain = expectedLedger(org, shape).get(invoiceId)!;
        expect(minor(again.arithmetic.payments, again.currency)).toBe(wantAgain.payments);
        expect(minor(again.arithmetic.difference!, again.currency)).toBe(wantAgain.difference);
        expect(again.entries.filter((e) => e.kind !== 'refund').length).toBe(wantAgain.entries);
        await compareSummary(harness, org, shape);
      });
    }, 120_000);
  }

  it('refund lines the user cannot read: said plainly, nothing fails, unapplied cash as before refunds', async () => {
    await withOrgHarness({ invoices: 150, objects: ['blng__Invoice__c'], multiCurrency: true, unappliedShare: 0.4 }, async (harness, org) => {
      org.control.setObjectHidden('blng__RefundLinePayment__c', true);
      expect((await harness.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
      const list = (await harness.call('invoices.list', { connectionId })).value as InvoiceList;
      expect(list.payments).toBe('available');
      const got = (await harness.call('invoices.receivables', { connectionId, id: list.invoices[0]!.id })).value as InvoiceReceivables;
      expect(got.warnings.join(' ')).toMatch(/Refund lines \(blng__RefundLinePayment__c\)/);
      expect(got.entries.some((e) => e.kind === 'refund')).toBe(false);
      // Without the lines nothing can be taken off: each payment's amount − net applied, as the org's records give it.
      const f = FAMILIES.blng__Invoice__c;
      const refunded = refundedByPayment(org, 'blng__Invoice__c');
      const withoutRefunds = expectedCurrencies(org, 'blng__Invoice__c').map((c) => {
        let back = 0;
        for (const p of org.control.records(f.payment)) {
          if (p.CurrencyIsoCode === c.currency && p[f.sourceStatus] !== 'Draft' && p[f.sourceStatus] !== 'Canceled') back += minor(refunded.get(p.Id as string) ?? 0, c.currency);
        }
        // The issue's own figure takes no refund off: the same either way.
        return { ...c, unappliedCashReceivedLessRefunds: c.unappliedCashReceivedLessRefunds + back };
      });
      const summary = (await harness.call('invoices.receivablesSummary', { connectionId })).value as CurrencyReceivables[];
      expect(inMinor(summary)).toEqual(withoutRefunds);
    });
  }, 120_000);

  it('a sync whose refund lines fail keeps the previous copy, refunds included', async () => {
    await withOrgHarness({ invoices: 150, objects: ['Invoice'], multiCurrency: true, unappliedShare: 0.4 }, async (harness, org) => {
      expect((await harness.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
      const summary = (await harness.call('invoices.receivablesSummary', { connectionId })).value;
      const paymentId = paymentsWithCashLeft(org, 'Invoice').find((id) => unappliedOf(org, 'Invoice', id) >= 200)!;
      org.control.issueRefund(paymentId, 1);
      org.control.injectFault({ kind: 'http500', count: 20, soqlContains: 'FROM RefundLinePayment' });
      for (const mode of ['incremental', 'full'] as const) {
        expect((await harness.call('invoices.sync', { connectionId, mode })).ok).toBe(false);
        expect((await harness.call('invoices.receivablesSummary', { connectionId })).value).toEqual(summary);
      }
      org.control.clearFaults();
      expect((await harness.call('invoices.sync', { connectionId, mode: 'incremental' })).ok).toBe(true);
      await compareSummary(harness, org, 'Invoice');
    });
  }, 120_000);

  it('a payment refunded, then allocated beyond what was left: below zero in the customer view and the summary, flagged, never clamped', async () => {
    await withOrgHarness({ invoices: 300, objects: ['blng__Invoice__c'], multiCurrency: true, unappliedShare: 0.4 }, async (harness, org) => {
      const f = FAMILIES.blng__Invoice__c;
      expect((await harness.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
      const apps = org.control.records(f.paymentApp);
      const paymentId = paymentsWithCashLeft(org, 'blng__Invoice__c').find((id) => unappliedOf(org, 'blng__Invoice__c', id) >= 300 && apps.some((a) => a[f.paymentRef] === id))!;
      const invoiceId = apps.find((a) => a[f.paymentRef] === paymentId)![f.appInvoice] as string;
      // Salesforce refunds all that is left, then an allocation of 2.00 more is made (an import, a data fix): 2.00 below zero.
      org.control.issueRefund(paymentId);
      org.control.allocatePayment(paymentId, invoiceId, 2);
      expect((await harness.call('invoices.sync', { connectionId, mode: 'incremental' })).ok).toBe(true);
      const { record } = await paymentInCustomerView(harness, org, 'blng__Invoice__c', paymentId);
      expect(minor(record.unapplied, record.currency)).toBe(unappliedOf(org, 'blng__Invoice__c', paymentId));
      expect(record.unapplied).toBeLessThan(0);
      expect(record.overRefunded).toBe(true);
      const summary = (await harness.call('invoices.receivablesSummary', { connectionId })).value as CurrencyReceivables[];
      expect(summary.find((c) => c.currency === record.currency)!.overRefunded).toBe(1);
      await compareSummary(harness, org, 'blng__Invoice__c');
    });
  }, 120_000);
  it('a payment applied for more than its amount (an import: applications alone exceed it): below zero, flagged as over-applied — not as refunded —, counted on its card and in the summary, as the org’s records say', async () => {
    await withOrgHarness({ invoices: 300, objects: ['blng__Invoice__c'], multiCurrency: true, unappliedShare: 0.4 }, async (harness, org) => {
      const f = FAMILIES.blng__Invoice__c;
      expect((await harness.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
      // A payment with cash left and nothing refunded: all that is left and 20.00 (¥2,000) more allocated to an open invoice of its currency.
      const refunded = refundedByPayment(org, 'blng__Invoice__c');
      const paymentId = paymentsWithCashLeft(org, 'blng__Invoice__c').find((id) => unappliedOf(org, 'blng__Invoice__c', id) >= 300 && !refunded.has(id))!;
      const payment = org.control.records(f.payment).find((p) => p.Id === paymentId)!;
      const currency = String(payment.CurrencyIsoCode);
      const unit = currency === 'JPY' ? 100 : 1;
      const over = (unappliedOf(org, 'blng__Invoice__c', paymentId) + minor(20 * unit, currency)) / (currency === 'JPY' ? 1 : 100);
      const invoice = org.control.records('blng__Invoice__c')
        .find((i) => i.CurrencyIsoCode === currency && (i.blng__Balance__c as number) >= over)!;
      org.control.allocatePayment(paymentId, invoice.Id as string, over);
      expect((await harness.call('invoices.sync', { connectionId, mode: 'incremental' })).ok).toBe(true);

      // The org's records: amount − applied = −20.00, no refund.
      expect(unappliedOf(org, 'blng__Invoice__c', paymentId)).toBe(-minor(20 * unit, currency));
      const { ledger, record } = await paymentInCustomerView(harness, org, 'blng__Invoice__c', paymentId);
      expect(minor(record.unapplied, currency)).toBe(-minor(20 * unit, currency));
      expect(record.overApplied).toBe(true);
      expect(record.overRefunded).toBeUndefined();
      // The card: its unapplied cash summed as it is, and how many of the account's payments are below zero — counted from the org's records.
      const account = payment.blng__Account__c as string;
      const belowZero = org.control.records(f.payment)
        .filter((p) => p.blng__Account__c === account && String(p.CurrencyIsoCode) === currency && received(p, f.sourceStatus) && unappliedCashOf(org, 'blng__Invoice__c').get(p.Id as string)![1] < 0).length;
      expect(belowZero).toBeGreaterThan(0);
      expect(ledger.unapplied.find((u) => u.currency === currency)!.cashBelowZero).toBe(belowZero);
      // The summary (summary.json): as the org's records give it, and how many payments in the currency are applied beyond their amount.
      await compareSummary(harness, org, 'blng__Invoice__c');
      const overApplied = org.control.records(f.payment).filter((p) => {
        if (String(p.CurrencyIsoCode) !== currency || !received(p, f.sourceStatus)) return false;
        const applied = org.control.records(f.paymentApp).filter((a) => a[f.paymentRef] === p.Id).reduce((n, a) => n + (a[f.type] === f.reversal ? -1 : 1) * minor(a[f.amount] as number, currency), 0);
        return applied > minor(p[f.amount] as number, currency);
      }).length;
      const summary = (await harness.call('invoices.receivablesSummary', { connectionId })).value as CurrencyReceivables[];
      expect(summary.find((c) => c.currency === currency)!.overApplied).toBe(overApplied);
    });
  }, 120_000);
});
