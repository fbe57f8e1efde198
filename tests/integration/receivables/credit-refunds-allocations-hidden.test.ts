import { describe, expect, it } from 'vitest';
import type { CustomerLedger, InvoiceList } from '../../../electron/contract';
import { CONNECTION_ID as connectionId, withOrgHarness } from '../invoices/support/invoice-harness';
import { received } from './org-ledger';

// reviewC (session 16, low): since d777c8d a statement's credit note refunds no longer depend on the allocations, so hiding
// blng__CreditNoteAllocation__c must not withhold them (nor call them unreadable).
describe('credit note allocations hidden, refund lines readable', () => {
  it("every customer's credit note refunds are still listed: each posted one of their credit notes that count (not a draft or cancelled note)", async () => {
    await withOrgHarness({ invoices: 600, objects: ['blng__Invoice__c'], unappliedShare: 0.5 }, async (harness, org) => {
      const noteOfLine = new Map(org.control.records('blng__CreditNoteLine__c').map((l) => [l.Id as string, l.blng__CreditNote__c as string]));
      const lines = () => org.control.records('blng__RefundLineCreditNoteLine__c');
      // One refunded credit note cancelled in Salesforce (every seeded note is Posted): its refunds are no money paid back to
      // the customer any more, so a statement must not list them (reviewD: the set was Posted lines only and one account).
      const cancelled = noteOfLine.get(lines().find((l) => l.blng__Status__c === 'Posted')!.blng__CreditNoteLine__c as string)!;
      org.control.setSourceStatus(cancelled, 'Canceled');
      const notes = org.control.records('blng__CreditNote__c');
      const accountOfNote = new Map(notes.map((n) => [n.Id as string, n.blng__Account__c as string]));
      const counts = new Set(notes.filter((n) => received(n, 'blng__Status__c')).map((n) => n.Id as string));
      expect(counts.has(cancelled)).toBe(false);
      /** Per account, from the org's records: refund lines Posted, of a positive amount, of a credit note that counts. */
      const expected = new Map<string, Set<string>>();
      for (const line of lines()) {
        const note = noteOfLine.get(line.blng__CreditNoteLine__c as string);
        if (line.blng__Status__c !== 'Posted' || !((line.blng__Amount__c as number) > 0) || !note || !counts.has(note)) continue;
        const account = accountOfNote.get(note)!;
        if (!expected.has(account)) expected.set(account, new Set());
        expected.get(account)!.add(line.Id as string);
      }

      org.control.setObjectHidden('blng__CreditNoteAllocation__c', true);
      expect((await harness.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
      const list = (await harness.call('invoices.list', { connectionId })).value as InvoiceList;
      const customers = new Map(list.invoices.flatMap((r) => (r.customerId && r.customer ? [[r.customerId, r.customer] as const] : [])));
      let withRefunds = 0;
      for (const [account, customer] of customers) {
        const ledger = (await harness.call('invoices.customer', { connectionId, customer, account })).value as CustomerLedger;
        // The allocations really are hidden (the credit applications are what the payments part needs), and the refunds are not called unreadable.
        expect(ledger.unreadable ?? []).toContain('payments');
        expect(ledger.unreadable ?? []).not.toContain('creditRefunds');
        expect(new Set(ledger.creditRefunds?.map((r) => r.id)), customer).toEqual(expected.get(account) ?? new Set());
        if (expected.has(account)) withRefunds++;
      }
      // Several customers with refunds, and the cancelled note's customer among those checked.
      expect(withRefunds).toBeGreaterThan(3);
      expect(customers.has(accountOfNote.get(cancelled)!)).toBe(true);
    });
  }, 120_000);
});
