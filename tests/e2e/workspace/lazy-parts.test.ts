import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poll, startWorkspace, type WorkspaceFixture } from './workspace-fixture';

/**
 * Issue #19 (cold start): what the first screen does not show is a chunk of the built renderer of its own, loaded from
 * the app's files the first time it is opened (the CSP's script-src 'self'; no network beyond the app). Each part opens
 * once here and works; and it was not loaded before it was opened (so the first screen did not parse it).
 */
describe('parts of the window loaded when first opened', () => {
  let w: WorkspaceFixture;
  const scripts: string[] = [];

  beforeAll(async () => {
    w = await startWorkspace({ connect: true, org: { invoices: 400 } });
    w.page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    // Every script the first screen loaded was asked for before this listener: from here on, only parts opened.
  });
  afterAll(async () => w?.close());

  const loaded = (part: string) => scripts.some((path) => new RegExp(`/assets/${part}-[\\w-]+\\.js$`).test(path));
  const firstRow = () => w.page.locator('.grid-body [role="row"]').first();

  it('Settings: opens, changes the language (German words are loaded then, too), and closes', async () => {
    expect(loaded('SettingsDialog')).toBe(false);
    expect(loaded('de')).toBe(false);
    await w.page.getByTestId('open-settings').click();
    const dialog = w.page.getByTestId('settings-dialog');
    await poll(() => dialog.getByRole('heading').first().textContent()).toBe('Settings');
    expect(loaded('SettingsDialog')).toBe(true);
    await dialog.getByTestId('settings-language').getByRole('radio', { name: 'Deutsch' }).check();
    await poll(() => dialog.getByRole('heading').first().textContent()).toBe('Einstellungen');
    expect(loaded('de')).toBe(true);
    expect(await w.page.getByTestId('search').getAttribute('placeholder')).toMatch(/^Nummer/);
    await dialog.getByTestId('settings-language').getByRole('radio', { name: 'Wie auf meinem Computer' }).check();
    await poll(() => dialog.getByRole('heading').first().textContent()).toBe('Settings');
    await w.page.keyboard.press('Escape');
    await poll(() => dialog.isVisible()).toBe(false);
    // Opened again: the same dialog, at once.
    await w.page.getByTestId('open-settings').click();
    await poll(() => dialog.isVisible()).toBe(true);
    await w.page.keyboard.press('Escape');
    await poll(() => dialog.isVisible()).toBe(false);
  });

  it("an invoice's details: open with its number when its row is clicked", async () => {
    expect(loaded('DetailPanel')).toBe(false);
    const number = await firstRow().locator('[data-column="number"]').textContent();
    await firstRow().click();
    const panel = w.page.getByTestId('detail-panel');
    await panel.waitFor();
    expect(await panel.textContent()).toContain(number);
    expect(loaded('DetailPanel')).toBe(true);
    await w.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
  });

  it('the customer view and its statement dialog', async () => {
    expect(loaded('CustomerView')).toBe(false);
    expect(loaded('StatementDialog')).toBe(false);
    const customer = (await firstRow().locator('.customer-link').textContent())!;
    await firstRow().locator('.customer-link').click();
    const view = w.page.getByTestId('customer-view');
    await view.waitFor();
    expect(await view.textContent()).toContain(customer);
    await w.page.getByTestId('customer-statement').click();
    const dialog = w.page.getByTestId('statement-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('statement-customer').textContent()).toBe(customer);
    expect(loaded('CustomerView') && loaded('StatementDialog')).toBe(true);
    await w.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await w.page.keyboard.press('Escape');
    await view.waitFor({ state: 'detached' });
  });

  it('aging by customer: the report shows its tables and closes back to the list', async () => {
    expect(loaded('AgingByCustomer')).toBe(false);
    await w.page.getByTestId('aging-report-open').click();
    await w.page.getByTestId('aging-report-table').first().waitFor();
    expect(await w.page.getByTestId('aging-report-line').count()).toBeGreaterThan(0);
    expect(loaded('AgingByCustomer')).toBe(true);
    await w.page.getByTestId('aging-report-close').click();
    await firstRow().waitFor();
  });

  it('saved views: the save dialog', async () => {
    expect(loaded('SaveViewDialog')).toBe(false);
    await w.page.getByTestId('views-menu').click();
    await w.page.getByTestId('save-view').click();
    const dialog = w.page.getByTestId('save-view-dialog');
    await dialog.waitFor();
    expect(loaded('SaveViewDialog')).toBe(true);
    await w.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('a part whose code could not be loaded says so in the window’s words and offers Try again, which loads it', async () => {
    expect(loaded('ConnectionDetailsDialog')).toBe(false);
    // The chunk cannot be read for a while (a file locked by a virus scanner, a disk that was asleep …).
    let readable = false;
    await w.page.route(/\/assets\/ConnectionDetailsDialog-[\w-]+\.js$/, (route) => (readable ? route.continue() : route.abort('failed')));
    await w.page.getByTestId('connection-switcher').locator('summary').click();
    await w.page.getByTestId('open-connection-details').click();
    const failed = w.page.getByTestId('part-failed');
    await poll(() => failed.textContent()).toContain('This part of Budgetly could not be loaded.');
    // The browser's own message is not the accountant's.
    expect(await failed.textContent()).not.toMatch(/dynamically imported module|Failed to fetch/i);
    readable = true;
    await failed.getByRole('button', { name: 'Try again' }).click();
    await w.page.getByTestId('connection-details').waitFor();
    expect(await w.page.getByTestId('part-failed').count()).toBe(0);
    await w.page.keyboard.press('Escape');
    await w.page.getByTestId('connection-details').waitFor({ state: 'detached' });
  });

  it('a language whose words cannot be loaded: the window stays in English and the status bar says so', async () => {
    await w.page.route(/\/assets\/es-[\w-]+\.js$/, (route) => route.abort('failed'));
    await w.page.getByTestId('open-settings').click();
    const dialog = w.page.getByTestId('settings-dialog');
    await dialog.getByTestId('settings-language').getByRole('radio', { name: 'Español' }).check();
    const notice = w.page.getByTestId('language-failed');
    await poll(() => notice.textContent()).toBe('The words in Español could not be loaded: Budgetly shows English until it is started again.');
    expect(await dialog.getByRole('heading').first().textContent()).toBe('Settings');
    await dialog.getByTestId('settings-language').getByRole('radio', { name: 'Same as my computer' }).check();
    await poll(() => notice.count()).toBe(0);
    await w.page.keyboard.press('Escape');
    await poll(() => dialog.isVisible()).toBe(false);
  });
});
