import { describe, expect, it } from 'vitest';
import type { CurrencyReceivables } from '../../../electron/contract';
import { CONNECTION_ID as connectionId, withOrgHarness } from '../invoices/support/invoice-harness';
import { expectedCurrencies, FAMILIES, refundedByPayment, summaryInMinor } from './org-ledger';

describe('a refunded payment deleted in Salesforce (issue 13, reviewB low): its refund lines go as Salesforce has them go', () => {
  it('Billing: the refund lines (master-detail to the payment) are deleted with it; the next incremental sync agrees with the org', async () => {
    await withOrgHarness({ invoices: 300, objects: ['blng__Invoice__c'], multiCurrency: true, unappliedShare: 0.4 }, async (harness, org) => {
      const f = FAMILIES.blng__Invoice__c;
      expect((await harness.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
      const paymentId = [...refundedByPayment(org, 'blng__Invoice__c')].find(([, amount]) => amount > 0)![0];
      expect(org.control.records(f.refundLine).some((l) => l[f.refundPayment] === paymentId)).toBe(true);
      org.control.deletePayment(paymentId);
      // Gone with their payment (queryAll would show them IsDeleted), not left pointing at a payment in the recycle bin.
      expect(org.control.records(f.refundLine).filter((l) => l[f.refundPayment] === paymentId)).toEqual([]);
      expect((await harness.call('invoices.sync', { connectionId, mode: 'incremental' })).ok).toBe(true);
      const got = (await harness.call('invoices.receivablesSummary', { connectionId })).value as CurrencyReceivables[];
      expect(summaryInMinor(got)).toEqual(expectedCurrencies(org, 'blng__Invoice__c'));
    });
  }, 120_000);

  it('Revenue Cloud: a payment with refund lines cannot be deleted (RefundLinePayment: required lookup, no delete()) — nothing changes', async () => {
    await withOrgHarness({ invoices: 300, objects: ['Invoice'], multiCurrency: true, unappliedShare: 0.4 }, async (_harness, org) => {
      const f = FAMILIES.Invoice;
      const paymentId = [...refundedByPayment(org, 'Invoice').keys()][0]!;
      const payments = org.control.records(f.payment).length;
      expect(() => org.control.deletePayment(paymentId)).toThrow(/refund line.*refuses to delete/);
      expect(org.control.records(f.payment)).toHaveLength(payments);
      expect(org.control.records(f.refundLine).some((l) => l[f.refundPayment] === paymentId)).toBe(true);
    });
  }, 60_000);
});
