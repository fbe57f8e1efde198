import { describe, expect, it } from 'vitest';
import type { CustomerLedger, InvoiceList, InvoiceReceivables } from '../../../electron/contract';
import type { RunningOrg } from '../../org';
import { CONNECTION_ID as connectionId, type Harness, withOrgHarness } from '../invoices/support/invoice-harness';
import { expectedLedger, minor } from './org-ledger';

/** One account's open debit notes (not Draft / Cancelled, balance ≠ 0) as the org's records give them: id → balance in minor units. */
function expectedDebitNotes(org: RunningOrg, accountId: string): Record<string, number> {
  return Object.fromEntries(
    org.control.records('blng__DebitNote__c')
      .filter((d) => d.blng__Account__c === accountId && d.blng__Status__c !== 'Draft' && d.blng__Status__c !== 'Cancelled' && d.blng__Balance__c !== 0)
      .map((d) => [d.Id as string, minor(d.blng__Balance__c as number, String(d.CurrencyIsoCode))]),
  );
}

async function shown(harness: Harness, org: RunningOrg, accountId: string): Promise<Record<string, number>> {
  const name = org.control.records('Account').find((a) => a.Id === accountId)!.Name as string;
  const ledger = (await harness.call('invoices.customer', { connectionId, customer: name, account: accountId })).value as CustomerLedger;
  expect(ledger.debitNotes, name).toBeDefined();
  return Object.fromEntries(ledger.debitNotes!.map((d) => [d.id, minor(d.balance!, d.currency)]));
}

describe('Salesforce Billing debit notes (issue 13): the customer’s own receivables, never in an invoice’s arithmetic', () => {
  it('every account’s open debit notes against the org’s records, after a full sync and after one is issued and one paid', async () => {
    await withOrgHarness({ invoices: 600, objects: ['blng__Invoice__c'], multiCurrency: true }, async (harness, org) => {
      expect((await harness.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
      const notes = org.control.records('blng__DebitNote__c');
      expect(notes.length).toBeGreaterThan(5);
      const accounts = [...new Set(notes.map((d) => d.blng__Account__c as string))];
      for (const account of accounts) expect(await shown(harness, org, account), account).toEqual(expectedDebitNotes(org, account));
      // Some are paid in full (not listed), some in part.
      expect(notes.some((d) => d.blng__Balance__c === 0)).toBe(true);
      expect(notes.some((d) => (d.blng__Balance__c as number) > 0 && (d.blng__Balance__c as number) < (d.blng__TotalAmount__c as number))).toBe(true);

      // Billing issues a debit note for an account and a payment settles part of another: the next incremental sync shows both.
      const [a, b] = accounts as [string, string];
      const issued = org.control.issueDebitNote(a, 125.5);
      const open = notes.find((d) => d.blng__Account__c === b && (d.blng__Balance__c as number) > 2 && d.blng__Status__c === 'Posted')!;
      org.control.payDebitNote(open.Id as string, 1);
      expect(() => org.control.payDebitNote(open.Id as string, 1e9)).toThrow(/at most its balance/);
      const before = (await harness.call('invoices.list', { connectionId })).value as InvoiceList;
      expect((await harness.call('invoices.sync', { connectionId, mode: 'incremental' })).ok).toBe(true);
      expect((await shown(harness, org, a))[issued]).toBe(minor(125.5, String(org.control.records('blng__DebitNote__c').find((d) => d.Id === issued)!.CurrencyIsoCode)));
      for (const account of [a, b]) expect(await shown(harness, org, account)).toEqual(expectedDebitNotes(org, account));
      // No invoice moved, and each still adds up to Salesforce's balance from its applications alone.
      const after = (await harness.call('invoices.list', { connectionId })).value as InvoiceList;
      expect(after.invoices.map((r) => [r.id, r.balance])).toEqual(before.invoices.map((r) => [r.id, r.balance]));
      const ledger = expectedLedger(org, 'blng__Invoice__c');
      for (const row of after.invoices.slice(0, 50)) {
        const got = (await harness.call('invoices.receivables', { connectionId, id: row.id })).value as InvoiceReceivables;
        expect(minor(got.arithmetic.difference!, row.currency)).toBe(ledger.get(row.id)!.difference);
      }
    });
  }, 120_000);

  it('a Revenue Cloud org (no Billing debit note object; its DebitMemo is not synced): the customer view lists none and says nothing of it', async () => {
    await withOrgHarness({ invoices: 60, objects: ['Invoice'], multiCurrency: true }, async (harness, org) => {
      expect((await harness.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
      const account = org.control.records('Payment')[0]!.AccountId as string;
      const name = org.control.records('Account').find((x) => x.Id === account)!.Name as string;
      const ledger = (await harness.call('invoices.customer', { connectionId, customer: name, account })).value as CustomerLedger;
      expect(ledger.available).toBe(true);
      expect(ledger.debitNotes).toBeUndefined();
      expect(ledger.warnings.join(' ')).not.toMatch(/debit/i);
    });
  });

  it('debit notes hidden from the user: said plainly, the rest of the customer view as before', async () => {
    await withOrgHarness({ invoices: 120, objects: ['blng__Invoice__c'], multiCurrency: true }, async (harness, org) => {
      org.control.setObjectHidden('blng__DebitNote__c', true);
      expect((await harness.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
      const account = org.control.records('blng__Payment__c')[0]!.blng__Account__c as string;
      const name = org.control.records('Account').find((x) => x.Id === account)!.Name as string;
      const ledger = (await harness.call('invoices.customer', { connectionId, customer: name, account })).value as CustomerLedger;
      expect(ledger.available).toBe(true);
      expect(ledger.payments.length).toBeGreaterThan(0);
      expect(ledger.debitNotes).toBeUndefined();
      expect(ledger.warnings.join(' ')).toMatch(/Debit notes \(blng__DebitNote__c\)/);
    });
  });
});
