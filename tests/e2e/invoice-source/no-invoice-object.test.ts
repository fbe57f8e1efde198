import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, poll, startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';
import { connectDemo } from '../workspace/workspace-driver';

/**
 * An org with no invoice object at all (no Invoice, no blng__Invoice__c, no custom one; only Account and
 * Salesforce's own SalesforceInvoice, which is not the customers' invoices): after signing in, the
 * accountant is told so in plain words and what to ask the Salesforce admin, and can come back to it.
 */
let w: WorkspaceFixture;
const dialog = () => w.page.getByTestId('invoice-source-dialog');
const offer = () => w.page.getByTestId('invoice-source-offer');

beforeAll(async () => {
  w = await startWorkspace({ org: { objects: [], invoices: 10 } });
  await connectDemo(w.page, w.agent());
});
afterAll(async () => w?.close());

describe('an org without an invoice object', () => {
  it('says no invoice object was found, explains what the admin can do, and keeps that explanation one menu away', async () => {
    const { page } = w;
    await offer().waitFor();
    expect(await offer().textContent()).toContain('Budgetly found no invoice object in Local org.');
    // The first sync says the same, and the table stays empty (nothing made up).
    expect(await page.getByRole('alert').filter({ hasText: 'Sync failed' }).textContent()).toContain('No invoice object was found in this org');
    expect(await page.getByTestId('row-count').getAttribute('data-total')).toBe('0');
    await w.harness.screenshot('invoice-source-none-offer');

    await offer().getByRole('button', { name: 'What to ask your admin' }).click();
    const none = dialog().getByTestId('no-invoice-object');
    await none.waitFor();
    expect(await none.getByRole('heading').textContent()).toBe('No invoices found in this org');
    const steps = await none.getByRole('listitem').allTextContents();
    expect(steps).toHaveLength(3);
    expect(steps[0]).toContain('Revenue Cloud');
    expect(steps[0]).toContain('Invoice');
    expect(steps[1]).toContain('Salesforce Billing');
    expect(steps[1]).toContain('blng__Invoice__c');
    expect(steps[2]).toContain('Read access');
    expect(await none.textContent()).toContain('Then open this window again.');
    // Nothing to choose: no object list, no field mapping, nothing to save.
    expect(await dialog().getByTestId('invoice-objects').count()).toBe(0);
    expect(await dialog().getByTestId('mapping-editor').count()).toBe(0);
    expect(await dialog().getByRole('radio').count()).toBe(0);
    await w.harness.screenshot('invoice-source-none-dialog');
    await expectAccessible(page, 'no invoice object');

    await dialog().getByRole('button', { name: 'Close', exact: true }).click();
    await poll(() => dialog().isVisible()).toBe(false);
    await poll(() => offer().count()).toBe(0);

    // Once the admin has acted, the same explanation (or the objects found) is one menu away.
    const switcher = page.getByTestId('connection-switcher');
    await switcher.locator('summary').click();
    await switcher.getByRole('button', { name: 'Invoice source…' }).click();
    await dialog().getByTestId('no-invoice-object').waitFor();
    await page.keyboard.press('Escape');
    await poll(() => dialog().isVisible()).toBe(false);
  });
});
