import { describe, expect, it } from 'vitest';
import type { CurrencyReceivables, CustomerLedger, InvoiceList } from '../../../electron/contract';
import { CONNECTION_ID as connectionId, withOrgHarness } from '../invoices/support/invoice-harness';
import { expectedCurrencies, FAMILIES, minor, received, summaryInMinor, unappliedCashOf } from './org-ledger';

/**
 * Issue 13, "bad input and faults": payments applied to an invoice that is no longer in the copy (deleted in Salesforce,
 * or out of the user's sharing) while their applications are still there. The sync finishes; the invoice is gone from
 * the list and its detail says so; the money applied to it is still applied (not unapplied cash: it went to that
 * invoice), so the collection figures and the customer's payments agree with the org's own records (org-ledger.ts).
 */
describe('applications to an invoice not in the copy', () => {
  for (const shape of ['Invoice', 'blng__Invoice__c'] as const) {
    it(`${shape}: the sync completes, the money stays applied, the figures agree with the org's records`, async () => {
      await withOrgHarness({ invoices: 300, objects: [shape], multiCurrency: true, unappliedShare: 0.3 }, async (harness, org) => {
        const f = FAMILIES[shape];
        expect((await harness.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
        // A received payment with cash left, applied to an invoice: that invoice is deleted, its applications stay.
        const payments = org.control.records(f.payment).filter((p) => received(p, f.sourceStatus));
        const cash = unappliedCashOf(org, shape);
        const apps = org.control.records(f.paymentApp);
        const app = apps.find((a) => a[f.type] !== f.reversal && payments.some((p) => p.Id === a[f.paymentRef] && cash.get(p.Id as string)![1] > 0))!;
        const paymentId = app[f.paymentRef] as string;
        const invoiceId = app[f.appInvoice] as string;
        const before = cash.get(paymentId)!;
        org.control.deleteInvoices([invoiceId]);
        expect(org.control.records(f.paymentApp).some((a) => a.Id === app.Id)).toBe(true);

        expect((await harness.call('invoices.sync', { connectionId, mode: 'incremental' })).ok).toBe(true);
        const list = (await harness.call('invoices.list', { connectionId })).value as InvoiceList;
        expect(list.invoices.some((row) => row.id === invoiceId)).toBe(false);
        const detail = await harness.call('invoices.receivables', { connectionId, id: invoiceId });
        expect(detail.error?.code).toBe('NOT_FOUND');

        // Still applied: the payment's unapplied cash does not grow by what it paid the deleted invoice.
        expect(unappliedCashOf(org, shape).get(paymentId)).toEqual(before);
        const got = (await harness.call('invoices.receivablesSummary', { connectionId })).value as CurrencyReceivables[];
        expect(summaryInMinor(got)).toEqual(expectedCurrencies(org, shape));
        const payment = payments.find((p) => p.Id === paymentId)!;
        const account = payment[shape === 'Invoice' ? 'AccountId' : 'blng__Account__c'] as string;
        const name = org.control.records('Account').find((a) => a.Id === account)!.Name as string;
        const ledger = (await harness.call('invoices.customer', { connectionId, customer: name, account })).value as CustomerLedger;
        const shown = ledger.payments.find((p) => p.id === paymentId)!;
        expect(minor(shown.unapplied, before[0])).toBe(before[1]);
      });
    }, 120_000);
  }
});
