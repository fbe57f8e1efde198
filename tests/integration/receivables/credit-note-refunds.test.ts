import { describe, expect, it } from 'vitest';
import type { CustomerLedger, InvoiceList } from '../../../electron/contract';
import type { RunningOrg } from '../../org';
import { CONNECTION_ID as connectionId, type Harness, withOrgHarness } from '../invoices/support/invoice-harness';
import { creditNotesLeft, FAMILIES, minor } from './org-ledger';

const f = FAMILIES.blng__Invoice__c;

/** Every account with a credit note, as the customer view shows its credit notes not yet applied: per credit note and per currency. */
async function customerCredits(harness: Harness, org: RunningOrg) {
  const names = new Map(org.control.records('Account').map((a) => [a.Id as string, a.Name as string]));
  const accounts = new Set(org.control.records(f.credit).map((c) => c.blng__Account__c as string));
  const notes = new Map<string, { unapplied: number; refunded: number }>();
  const sums = new Map<string, number>();
  for (const account of accounts) {
    const ledger = (await harness.call('invoices.customer', { connectionId, customer: names.get(account)!, account })).value as CustomerLedger;
    expect(ledger.available).toBe(true);
    for (const c of ledger.credits) notes.set(c.id, { unapplied: minor(c.unapplied, c.currency), refunded: minor(c.refunded ?? 0, c.currency) });
    for (const u of ledger.unapplied) sums.set(u.currency, (sums.get(u.currency) ?? 0) + minor(u.credits, u.currency));
  }
  return { notes, sums };
}

/** The same, straight from the org's records (org-ledger.ts): credit notes with something not yet applied, and the sums per currency. */
function expectedCredits(org: RunningOrg) {
  const notes = new Map<string, { unapplied: number; refunded: number }>();
  const sums = new Map<string, number>();
  for (const [id, c] of creditNotesLeft(org)) {
    if (c.unapplied !== 0) notes.set(id, { unapplied: c.unapplied, refunded: c.refunded });
    sums.set(c.currency, (sums.get(c.currency) ?? 0) + c.unapplied);
  }
  return { notes, sums };
}

async function compare(harness: Harness, org: RunningOrg): Promise<void> {
  const got = await customerCredits(harness, org);
  const want = expectedCredits(org);
  expect(new Map([...got.notes].sort())).toEqual(new Map([...want.notes].sort()));
  for (const [currency, sum] of want.sums) expect(got.sums.get(currency) ?? 0, currency).toBe(sum);
}

describe('refunds of Billing credit notes (issue 13): blng__RefundLineCreditNoteLine__c through the credit note lines', () => {
  it('full sync, a refund issued and a refund line deleted between incremental syncs: credits not yet applied against the org’s records', async () => {
    await withOrgHarness({ invoices: 500, objects: ['blng__Invoice__c'], multiCurrency: true, unappliedShare: 0.5 }, async (harness, org) => {
      // The org's credit note refunds: some, each no more than what was unapplied; some taken back, some drafts.
      const lines = org.control.records('blng__RefundLineCreditNoteLine__c');
      expect(lines.length).toBeGreaterThan(3);
      const left = creditNotesLeft(org);
      expect([...left.values()].some((c) => c.refunded > 0)).toBe(true);
      expect([...left.values()].every((c) => c.unapplied >= 0)).toBe(true);
      expect((await harness.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
      await compare(harness, org);
      const before = (await harness.call('invoices.list', { connectionId })).value as InvoiceList;

      // A refund of a credit note with something left: its "not yet applied" falls by the refund; no invoice moves.
      const [noteId, note] = [...creditNotesLeft(org)].find(([, c]) => c.unapplied >= 300)!;
      const refund = org.control.issueCreditNoteRefund(noteId, 2);
      expect(() => org.control.issueCreditNoteRefund(noteId, 1e9)).toThrow(/cannot exceed what is unapplied/);
      expect((await harness.call('invoices.sync', { connectionId, mode: 'incremental' })).ok).toBe(true);
      expect(creditNotesLeft(org).get(noteId)!.unapplied).toBe(note.unapplied - minor(2, note.currency));
      await compare(harness, org);
      const after = (await harness.call('invoices.list', { connectionId })).value as InvoiceList;
      expect(after.invoices.map((r) => [r.id, r.balance, r.credited])).toEqual(before.invoices.map((r) => [r.id, r.balance, r.credited]));

      // The refund line deleted in Salesforce (recycle bin): the next incremental sync gives the credit back.
      org.control.deleteCreditNoteRefundLine(refund.refundLineId);
      expect((await harness.call('invoices.sync', { connectionId, mode: 'incremental' })).ok).toBe(true);
      expect(creditNotesLeft(org).get(noteId)!.unapplied).toBe(note.unapplied);
      await compare(harness, org);
    });
  }, 180_000);

  it('credit note lines the user cannot read: said plainly, nothing fails, credit notes as their applications leave them', async () => {
    await withOrgHarness({ invoices: 300, objects: ['blng__Invoice__c'], multiCurrency: true, unappliedShare: 0.5 }, async (harness, org) => {
      org.control.setObjectHidden('blng__CreditNoteLine__c', true);
      expect((await harness.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
      const list = (await harness.call('invoices.list', { connectionId })).value as InvoiceList;
      expect(list.payments).toBe('available');
      const got = await customerCredits(harness, org);
      // Without the lines no refund can be tied to its credit note: amount − net applied, and the warnings say why.
      for (const [id, c] of creditNotesLeft(org)) {
        if (c.unapplied + c.refunded !== 0) expect(got.notes.get(id), id).toEqual({ unapplied: c.unapplied + c.refunded, refunded: 0 });
      }
      const account = org.control.records(f.credit)[0]!.blng__Account__c as string;
      const name = org.control.records('Account').find((a) => a.Id === account)!.Name as string;
      const ledger = (await harness.call('invoices.customer', { connectionId, customer: name, account })).value as CustomerLedger;
      expect(ledger.warnings.join(' ')).toMatch(/Credit note lines \(blng__CreditNoteLine__c\)/);
    });
  }, 120_000);
});
