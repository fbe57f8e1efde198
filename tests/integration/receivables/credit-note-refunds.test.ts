import { describe, expect, it } from 'vitest';
import type { CurrencyReceivables, CustomerLedger, InvoiceList, InvoiceReceivables } from '../../../electron/contract';
import type { RunningOrg } from '../../org';
import { CONNECTION_ID as connectionId, type Harness, withOrgHarness } from '../invoices/support/invoice-harness';
import { creditNotesLeft, expectedCurrencies, FAMILIES, minor, summaryInMinor } from './org-ledger';

const f = FAMILIES.blng__Invoice__c;

/** Every account with a credit note, as the customer view shows its credit notes not yet applied: per credit note and per currency. */
async function customerCredits(harness: Harness, org: RunningOrg) {
  const names = new Map(org.control.records('Account').map((a) => [a.Id as string, a.Name as string]));
  const accounts = new Set(org.control.records(f.credit).map((c) => c.blng__Account__c as string));
  const notes = new Map<string, { unapplied: number; refunded: number; debited: number }>();
  const sums = new Map<string, number>();
  for (const account of accounts) {
    const ledger = (await harness.call('invoices.customer', { connectionId, customer: names.get(account)!, account })).value as CustomerLedger;
    expect(ledger.available).toBe(true);
    for (const c of ledger.credits) notes.set(c.id, { unapplied: minor(c.unapplied, c.currency), refunded: minor(c.refunded ?? 0, c.currency), debited: minor(c.debited ?? 0, c.currency) });
    for (const u of ledger.unapplied) sums.set(u.currency, (sums.get(u.currency) ?? 0) + minor(u.credits, u.currency));
  }
  return { notes, sums };
}

/** The same, straight from the org's records (org-ledger.ts): credit notes with something not yet applied, and the sums per currency. */
function expectedCredits(org: RunningOrg) {
  const notes = new Map<string, { unapplied: number; refunded: number; debited: number }>();
  const sums = new Map<string, number>();
  for (const [id, c] of creditNotesLeft(org)) {
    if (c.unapplied !== 0) notes.set(id, { unapplied: c.unapplied, refunded: c.refunded, debited: c.debited });
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
      // An invoice the credit note was applied to: its timeline before the refund.
      const invoiceId = org.control.records(f.creditApp).find((a) => a.blng__CreditNote__c === noteId)!.blng__Invoice__c as string;
      const timeline = async () => (await harness.call('invoices.receivables', { connectionId, id: invoiceId })).value as InvoiceReceivables;
      const beforeRefund = await timeline();
      const refund = org.control.issueCreditNoteRefund(noteId, 2);
      expect(() => org.control.issueCreditNoteRefund(noteId, 1e9)).toThrow(/cannot exceed what is unapplied/);
      expect((await harness.call('invoices.sync', { connectionId, mode: 'incremental' })).ok).toBe(true);
      expect(creditNotesLeft(org).get(noteId)!.unapplied).toBe(note.unapplied - minor(2, note.currency));
      await compare(harness, org);
      const after = (await harness.call('invoices.list', { connectionId })).value as InvoiceList;
      expect(after.invoices.map((r) => [r.id, r.balance, r.credited])).toEqual(before.invoices.map((r) => [r.id, r.balance, r.credited]));
      // The invoice's timeline lists the refund of its credit note: dated (the line's CreatedDate, today), its amount, linked to the
      // refund line in Salesforce, moving nothing — the arithmetic is the same as before and still adds up to Salesforce's balance.
      const withRefund = await timeline();
      const line = org.control.records('blng__RefundLineCreditNoteLine__c').find((l) => l.Id === refund.refundLineId)!;
      const entry = withRefund.entries.find((e) => e.id === refund.refundLineId);
      expect(entry).toMatchObject({ kind: 'refund', refundOf: 'credit', reversal: false, amount: 2, effect: 0, sourceId: noteId, date: String(line.CreatedDate).slice(0, 10) });
      expect(withRefund.entries.length).toBe(beforeRefund.entries.length + 1);
      expect(withRefund.arithmetic).toEqual(beforeRefund.arithmetic);
      const a = withRefund.arithmetic;
      expect(minor(a.total!, withRefund.currency) - minor(a.payments, withRefund.currency) - minor(a.credits, withRefund.currency)).toBe(minor(a.computedBalance!, withRefund.currency));
      expect(minor(a.balance!, withRefund.currency) - minor(a.computedBalance!, withRefund.currency)).toBe(minor(a.difference!, withRefund.currency));
      const opened = await harness.call('invoices.openInSalesforce', { connectionId, id: refund.refundLineId });
      expect(opened.ok, JSON.stringify(opened.error)).toBe(true);
      expect(harness.shell.opened.at(-1)).toContain(refund.refundLineId);

      // The refund line deleted in Salesforce (recycle bin): the next incremental sync gives the credit back.
      org.control.deleteCreditNoteRefundLine(refund.refundLineId);
      expect((await harness.call('invoices.sync', { connectionId, mode: 'incremental' })).ok).toBe(true);
      expect(creditNotesLeft(org).get(noteId)!.unapplied).toBe(note.unapplied);
      await compare(harness, org);
      expect((await timeline()).entries.some((e) => e.id === refund.refundLineId)).toBe(false);
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
        if (c.unapplied + c.refunded !== 0) expect(got.notes.get(id), id).toEqual({ unapplied: c.unapplied + c.refunded, refunded: 0, debited: 0 });
      }
      const account = org.control.records(f.credit)[0]!.blng__Account__c as string;
      const name = org.control.records('Account').find((a) => a.Id === account)!.Name as string;
      const ledger = (await harness.call('invoices.customer', { connectionId, customer: name, account })).value as CustomerLedger;
      expect(ledger.warnings.join(' ')).toMatch(/Credit note lines \(blng__CreditNoteLine__c\)/);
    });
  }, 120_000);
  it('a debit note allocated to a credit note line (its blng__Debits__c) takes that much off what is not yet applied of the credit note, said beside it; hidden, the warnings say so', async () => {
    await withOrgHarness({ invoices: 300, objects: ['blng__Invoice__c'], multiCurrency: true, unappliedShare: 0.5 }, async (harness, org) => {
      expect((await harness.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
      await compare(harness, org);
      const before = (await harness.call('invoices.list', { connectionId })).value as InvoiceList;
      // A credit note with something left, nothing refunded: a debit note of its account (5.00, or ¥500) allocated to its line for 2.00 (¥200).
      const [noteId, note] = [...creditNotesLeft(org)].find(([, c]) => c.unapplied >= 300 && c.refunded === 0)!;
      const unit = note.currency === 'JPY' ? 100 : 1;
      const record = org.control.records(f.credit).find((c) => c.Id === noteId)!;
      const account = record.blng__Account__c as string;
      const debitNote = org.control.issueDebitNote(account, 5 * unit);
      expect(() => org.control.allocateDebitNote(debitNote, noteId, 1e9)).toThrow(/positive and at most its balance/);
      org.control.allocateDebitNote(debitNote, noteId, 2 * unit);
      expect((await harness.call('invoices.sync', { connectionId, mode: 'incremental' })).ok).toBe(true);
      // Salesforce's own records: the line's blng__Debits__c is 2.00 (¥200), the credit note's rest 2.00 less.
      const left = creditNotesLeft(org).get(noteId)!;
      expect(left.debited).toBe(minor(2 * unit, note.currency));
      expect(left.unapplied).toBe(note.unapplied - minor(2 * unit, note.currency));
      await compare(harness, org);
      const name = org.control.records('Account').find((a) => a.Id === account)!.Name as string;
      const ledger = (await harness.call('invoices.customer', { connectionId, customer: name, account })).value as CustomerLedger;
      const shown = ledger.credits.find((c) => c.id === noteId)!;
      expect(shown.debited).toBe(2 * unit);
      expect(minor(shown.unapplied, note.currency)).toBe(left.unapplied);
      expect(minor(shown.amount!, note.currency) - minor(shown.applied, note.currency) - minor(shown.debited!, note.currency)).toBe(minor(shown.unapplied, note.currency));
      // The debit note: 3.00 (¥300) still open, as Salesforce states its balance.
      expect(ledger.debitNotes?.find((d) => d.id === debitNote)?.balance).toBe(3 * unit);
      // No invoice moves: a debit note allocated to a credit note line applies to no invoice.
      const after = (await harness.call('invoices.list', { connectionId })).value as InvoiceList;
      expect(after.invoices.map((r) => [r.id, r.balance, r.credited])).toEqual(before.invoices.map((r) => [r.id, r.balance, r.credited]));

      // The field hidden from the user (field-level security): the rest is before debit notes, and the warnings say which field is missing.
      org.control.setFieldHidden('blng__CreditNoteLine__c', 'blng__Debits__c', true);
      expect((await harness.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
      const hidden = (await harness.call('invoices.customer', { connectionId, customer: name, account })).value as CustomerLedger;
      expect(hidden.warnings.join(' ')).toMatch(/blng__Debits__c/);
      expect(hidden.credits.find((c) => c.id === noteId)!.debited).toBeUndefined();
    });
  }, 180_000);

  it('a credit note taken below zero by an import applying more than its amount after a debit note took part of it: shown below zero as the org’s records give it, flagged as over-applied (not the debit note) beside the note and on the currency’s sum; the summary as the records say', async () => {
    await withOrgHarness({ invoices: 300, objects: ['blng__Invoice__c'], multiCurrency: true, unappliedShare: 0.5 }, async (harness, org) => {
      // A credit note with something left, nothing refunded: a debit note takes 2.00 (¥200) of it …
      const [noteId, note] = [...creditNotesLeft(org)].find(([, c]) => c.unapplied >= 300 && c.refunded === 0)!;
      const unit = note.currency === 'JPY' ? 100 : 1;
      const record = org.control.records(f.credit).find((c) => c.Id === noteId)!;
      const account = record.blng__Account__c as string;
      org.control.allocateDebitNote(org.control.issueDebitNote(account, 5 * unit), noteId, 2 * unit);
      // … then an import applies all that was left before the debit note, and 1.00 (¥100) more, to an open invoice in its currency.
      const over = note.unapplied + minor(1 * unit, note.currency);
      const amount = over / (note.currency === 'JPY' ? 1 : 100);
      const invoice = org.control.records('blng__Invoice__c').find((i) => (i.CurrencyIsoCode ?? 'USD') === note.currency && (i.blng__Balance__c as number) >= amount)!;
      org.control.allocateCreditNote(noteId, invoice.Id as string, amount);
      expect((await harness.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);

      // The org's records: what was left (U) − 2.00 taken by the debit note − (U + 1.00) applied = −3.00 (¥−300).
      const left = creditNotesLeft(org).get(noteId)!;
      expect(left).toMatchObject({ debited: minor(2 * unit, note.currency), unapplied: -minor(3 * unit, note.currency) });
      await compare(harness, org);
      const name = org.control.records('Account').find((a) => a.Id === account)!.Name as string;
      const ledger = (await harness.call('invoices.customer', { connectionId, customer: name, account })).value as CustomerLedger;
      const shown = ledger.credits.find((c) => c.id === noteId)!;
      expect(minor(shown.unapplied, note.currency)).toBe(left.unapplied);
      // The applications alone exceed its amount by 1.00 (the import): that is what is flagged — not the debit note, which took 2.00
      // of what was left before the import (reviewB: the debit notes were blamed for an over-allocation).
      expect(shown).toMatchObject({ debited: 2 * unit, overApplied: true });
      expect(shown.overDebited).toBeUndefined();
      expect(shown.overRefunded).toBeUndefined();
      // The amount's arithmetic still adds up, below zero as it is.
      expect(minor(shown.amount!, note.currency) - minor(shown.applied, note.currency) - minor(shown.debited!, note.currency)).toBe(minor(shown.unapplied, note.currency));
      // The currency's sum of unapplied credits counts it as it is and says how many credit notes are below zero — counted from the
      // org's records (the account's credit notes in that currency with a rest below zero), not from the app's own list.
      const belowZero = [...creditNotesLeft(org)].filter(([id, c]) => c.currency === note.currency && c.unapplied < 0
        && org.control.records(f.credit).find((r) => r.Id === id)!.blng__Account__c === account).length;
      expect(belowZero).toBeGreaterThan(0);
      const sum = ledger.unapplied.find((u) => u.currency === note.currency)!;
      expect(sum.creditsBelowZero).toBe(belowZero);
      expect(minor(sum.credits, note.currency)).toBe(ledger.credits.filter((c) => c.currency === note.currency).reduce((n, c) => n + minor(c.unapplied, c.currency), 0));
      // Credit notes elsewhere are not flagged.
      expect(ledger.credits.filter((c) => c.overApplied || c.overDebited || c.overRefunded).map((c) => c.id)).toEqual([noteId]);
      // The headless summary (summary.json): applied credits and unapplied cash as the org's records give them, the import's allocation counted.
      const summary = await harness.call('invoices.receivablesSummary', { connectionId });
      expect(summary.ok, JSON.stringify(summary.error)).toBe(true);
      expect(summaryInMinor(summary.value as CurrencyReceivables[])).toEqual(expectedCurrencies(org, 'blng__Invoice__c'));
    });
  }, 180_000);
});
