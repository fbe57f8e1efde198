import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minor } from '../../integration/receivables/org-ledger';
import { expectAccessible, poll, startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';
import { connectDemo, openCustomerView, waitForSynced } from '../workspace/workspace-driver';

describe('Salesforce Billing debit notes in the customer view (issue 13)', () => {
  let w: WorkspaceFixture;

  beforeAll(async () => {
    w = await startWorkspace({ org: { invoices: 400, objects: ['blng__Invoice__c'] } });
    await connectDemo(w.page, w.agent());
    await waitForSynced(w.page, w.org.control.records('blng__Invoice__c').length);
  });
  afterAll(async () => {
    await w?.close();
  });

  it('lists the customer’s debit notes still open with the balance Salesforce states, beside payments and credit notes', async () => {
    const notes = w.org.control.records('blng__DebitNote__c');
    const note = notes.find((d) => d.blng__Status__c === 'Posted' && (d.blng__Balance__c as number) > 0)!;
    const account = note.blng__Account__c as string;
    const customer = w.org.control.records('Account').find((a) => a.Id === account)!.Name as string;
    // Straight from the org's records: the account's open debit notes (not Draft / Cancelled, balance ≠ 0).
    const open = notes.filter((d) => d.blng__Account__c === account && d.blng__Status__c === 'Posted' && d.blng__Balance__c !== 0);

    const view = await openCustomerView(w.page, customer);
    const shown = await view.getByTestId('customer-debit-note').evaluateAll((rows) =>
      rows.map((r) => ({ id: r.getAttribute('data-id'), balance: Number(r.getAttribute('data-balance')), currency: r.getAttribute('data-currency')! })));
    expect(shown.map((d) => ({ id: d.id, balance: minor(d.balance, d.currency) })).sort((a, b) => a.id!.localeCompare(b.id!)))
      .toEqual(open.map((d) => ({ id: d.Id, balance: minor(d.blng__Balance__c as number, String(d.CurrencyIsoCode)) })).sort((a, b) => String(a.id).localeCompare(String(b.id))));
    expect(await view.getByText('A debit note is its own receivable in Salesforce Billing').count()).toBe(1);
    // The line that says whose records these are names the debit notes too.
    expect(await view.getByTestId('customer-matched-by').textContent()).toMatch(/^Payments, credit notes and debit notes are those of the Salesforce accounts named /);
    await w.harness.screenshot('customer-view-debit-notes');
    await expectAccessible(w.page, 'customer view with debit notes');

    // ↗ opens the debit note in Salesforce.
    const opened = w.harness.testCore.shell.opened.length;
    await view.locator(`[data-testid="customer-debit-note"][data-id="${note.Id as string}"] button`).click();
    await poll(() => w.harness.testCore.shell.opened.length).toBe(opened + 1);
    expect(w.harness.testCore.shell.opened.at(-1)).toContain(`/lightning/r/blng__DebitNote__c/${note.Id as string}/view`);
  });
});
