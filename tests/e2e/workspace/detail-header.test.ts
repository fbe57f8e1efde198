import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, poll, startWorkspace, type WorkspaceFixture } from './workspace-fixture';
import { connectDemo, waitForSynced } from './workspace-driver';

/**
 * The chase, on the phone with a customer: the detail header names the account (never its id) and the payment
 * terms; the record's bookkeeping waits under "More"; a name the grid cuts off shows in full on hover.
 * Over a Salesforce Billing org (blng__Invoice__c, whose invoices carry a Payment Term), read from the org's records.
 */
describe('the invoice’s header: account name, payment terms, system fields under More', () => {
  let w: WorkspaceFixture;
  let records: Record<string, unknown>[];
  const byNumber = (number: string) => records.find((r) => r.Name === number)!;
  const accountName = (r: Record<string, unknown>) => (r.blng__Account__r as { Name: string }).Name;

  beforeAll(async () => {
    w = await startWorkspace({ org: { invoices: 400, objects: ['blng__Invoice__c'] } });
    await connectDemo(w.page, w.agent());
    records = w.org.control.records('blng__Invoice__c');
    await waitForSynced(w.page, records.length);
  });
  afterAll(async () => w?.close());

  it('shows the account’s name and the payment terms under the heading, and folds the bookkeeping under More', async () => {
    const row = w.page.locator('.grid-body [aria-rowindex="3"]');
    const number = (await row.locator('[data-column="number"]').textContent())!;
    const record = byNumber(number);
    await row.click();
    const panel = w.page.getByTestId('detail-panel');
    await panel.getByTestId('detail-terms').waitFor();
    expect(await panel.getByTestId('detail-customer').textContent()).toBe(accountName(record));
    expect(await panel.getByTestId('detail-customer').getAttribute('title')).toContain(accountName(record));
    expect(await panel.getByTestId('detail-terms').textContent()).toBe(`Payment terms: ${String(record.blng__PaymentTerm__c)}`);

    // "All fields": the account by name, never its id; Deleted, System Modstamp, Created Date … folded away.
    const fields = panel.getByTestId('detail-fields');
    expect(await fields.textContent()).toContain(accountName(record));
    expect(await fields.textContent()).not.toContain(String(record.blng__Account__c));
    expect(await fields.locator('dt').allTextContents()).not.toEqual(expect.arrayContaining(['Deleted']));
    const more = panel.getByTestId('detail-more');
    expect(await more.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    const system = panel.getByTestId('detail-system-fields');
    expect(await system.isVisible()).toBe(false);
    await more.locator('summary').click();
    await poll(() => system.isVisible()).toBe(true);
    expect(await system.locator('dt').allTextContents()).toEqual(expect.arrayContaining(['Deleted', 'System Modstamp', 'Created Date', 'Record ID']));
    await w.harness.screenshot('detail-header-terms-more');
    await expectAccessible(w.page, 'detail panel with More open');
    await w.page.keyboard.press('Escape');
    await poll(() => panel.count()).toBe(0);
  });

  it('gives every customer, number and status cell its full text as a tooltip, so a name cut off can be read', async () => {
    await w.page.setViewportSize({ width: 1024, height: 768 });
    const cells = w.page.locator('.grid-body [role="row"]');
    await poll(() => cells.count()).toBeGreaterThan(5);
    const shown = await cells.evaluateAll((rows) =>
      rows.map((row) => {
        const cell = (id: string) => row.querySelector(`[data-column="${id}"]`) as HTMLElement;
        return { number: cell('number').textContent, title: cell('customer').getAttribute('title'), numberTitle: cell('number').getAttribute('title') };
      }),
    );
    for (const row of shown) {
      expect(row.title).toBe(accountName(byNumber(row.number!)));
      expect(row.numberTitle).toBe(row.number);
    }
    await w.page.setViewportSize({ width: 1400, height: 900 });
  });
});
