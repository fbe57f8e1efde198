import { describe, expect, it } from 'vitest';
import type { CustomerLedger, InvoiceList } from '../../../electron/contract';
import { CONNECTION_ID as connectionId, withOrgHarness } from '../invoices/support/invoice-harness';

// reviewC (session 16, low): since d777c8d a statement's credit note refunds no longer depend on the allocations, so hiding
// blng__CreditNoteAllocation__c must not withhold them (nor call them unreadable).
describe('credit note allocations hidden, refund lines readable', () => {
  it("the customer's credit note refunds are still listed, every posted one of theirs", async () => {
    await withOrgHarness({ invoices: 600, objects: ['blng__Invoice__c'], unappliedShare: 0.5 }, async (harness, org) => {
      const noteOfLine = new Map(org.control.records('blng__CreditNoteLine__c').map((l) => [l.Id as string, l.blng__CreditNote__c as string]));
      const accountOfNote = new Map(org.control.records('blng__CreditNote__c').map((n) => [n.Id as string, n.blng__Account__c as string]));
      const posted = org.control.records('blng__RefundLineCreditNoteLine__c').filter((l) => l.blng__Status__c === 'Posted');
      const account = accountOfNote.get(noteOfLine.get(posted[0]!.blng__CreditNoteLine__c as string)!)!;
      const theirs = posted.filter((l) => accountOfNote.get(noteOfLine.get(l.blng__CreditNoteLine__c as string)!) === account).map((l) => l.Id as string);

      org.control.setObjectHidden('blng__CreditNoteAllocation__c', true);
      expect((await harness.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
      const list = (await harness.call('invoices.list', { connectionId })).value as InvoiceList;
      const row = list.invoices.find((r) => r.customerId === account)!;
      const ledger = (await harness.call('invoices.customer', { connectionId, customer: row.customer, account })).value as CustomerLedger;

      // The allocations really are hidden (the credit applications are what the payments part needs), and the refunds are not called unreadable.
      expect(ledger.unreadable ?? []).toContain('payments');
      expect(ledger.unreadable ?? []).not.toContain('creditRefunds');
      expect(new Set(ledger.creditRefunds?.map((r) => r.id))).toEqual(new Set(theirs));
    });
  }, 120_000);
});
