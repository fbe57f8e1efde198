import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, poll, startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';
import { waitForSynced } from '../workspace/workspace-driver';

/**
 * Connection details in the built renderer over the real core and the local org: what the user reads (user, org,
 * instance, API version, invoice object, API requests used/allowed from the org's Sforce-Limit-Info), "Copy
 * diagnostics" to the clipboard, and — with the org's allowance nearly used up — the slowed background sync said
 * in the status bar and in the details.
 */
describe('connection details', () => {
  let w: WorkspaceFixture;
  const dialog = () => w.page.getByTestId('connection-details');
  const row = (name: string) => dialog().locator('dt', { hasText: name }).locator('xpath=following-sibling::dd');

  async function openDetails() {
    await w.page.getByTestId('connection-switcher').locator('summary').click();
    await w.page.getByTestId('open-connection-details').click();
    await dialog().waitFor();
  }

  beforeAll(async () => {
    w = await startWorkspace({ org: { invoices: 150, multiCurrency: false, payments: false, requestLimit: 1_000 }, connect: true });
    await w.harness.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(w.harness.url).origin });
    await w.harness.testCore.core.start(); // background syncs, as the app runs them
  });
  afterAll(async () => w?.close());

  it('show who, which org and instance, the API version, the invoice object and the API requests used of the allowance', async () => {
    await openDetails();
    await poll(() => row('User').textContent()).toContain('demo@budgetly.test');
    expect(await row('Org id').textContent()).toMatch(/^00D/);
    expect(await row('Instance').textContent()).toBe(w.org.url);
    expect(await row('API version in use').textContent()).toMatch(/^\d{2}\.0$/);
    expect(await row('Invoice object').textContent()).toBe('Invoice');
    expect(await row('Field mapping').textContent()).toContain('number → DocumentNumber');
    expect(await row('API requests (last 24 hours)').textContent()).toMatch(/^\d+ of 1,000 used \(\d+(\.\d)?%\)$/);
    expect(await row('Last sync').textContent()).toMatch(/took [\d.]+ s/);
    await expectAccessible(w.page, 'connection details');
    await w.harness.screenshot('connection-details');
  });

  it('“Copy diagnostics” puts the plain text on the clipboard', async () => {
    await dialog().getByTestId('copy-diagnostics').click();
    await poll(() => dialog().getByRole('status').textContent()).toBe('Diagnostics copied. They hold no sign-in token.');
    const copied = await w.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('User: demo@budgetly.test');
    expect(copied).toContain(`Instance: ${w.org.url}`);
    expect(copied).not.toMatch(/Bearer|access_token|refresh_token|5Aep/);
    await dialog().getByRole('button', { name: 'Close' }).last().click();
  });

  it('with under 10% of the allowance left, the freshness line (its tooltip) and the details say background syncs slowed down', async () => {
    w.org.control.setApiUsage(950);
    await w.page.getByTestId('sync-button').click();
    await waitForSynced(w.page);
    await poll(() => w.page.getByTestId('freshness-status').getAttribute('title')).toContain('few Salesforce API requests left today: syncing less often');
    expect(await w.page.getByTestId('freshness-status').getAttribute('data-api-slowed')).toBe('true');
    await openDetails();
    await poll(() => dialog().getByTestId('api-low').isVisible()).toBe(true);
    expect(await row('API requests (last 24 hours)').textContent()).toMatch(/^9\d\d of 1,000 used/);
    await w.harness.screenshot('connection-details-api-low');
  });
});
