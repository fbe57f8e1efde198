import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deny, fillOrgLogin, signInAndAllow } from '../../support/playwright-login-agent';
import { expectView } from './view-assertions';
import { expectAccessible, poll, startWorkspace, type WorkspaceFixture } from './workspace-fixture';
import { connectionStatus, readSummary, visibleCount, waitForSynced, waitForVisibleCount, DEMO_CREDENTIALS } from './workspace-driver';

// Runs in German (de-DE): the words follow the system language (Filter, not Filters), amounts and dates the locale.
describe('connecting, losing and regaining the org', () => {
  let w: WorkspaceFixture;
  const loginStatus = () => w.page.getByTestId('login-status');
  const finishedSyncs = () => w.harness.testCore.events.of('invoices.syncProgress').filter((p) => p.phase === 'done').length;

  beforeAll(async () => {
    w = await startWorkspace({ connect: false, harness: { locale: 'de-DE', timezoneId: 'Pacific/Honolulu' } });
  });
  afterAll(async () => w?.close());

  it('welcomes a first-time user with the demo org and a connection form', async () => {
    await w.page.getByTestId('connect-demo').waitFor();
    await poll(() => w.page.getByRole('heading', { level: 1 }).textContent()).toBe('Willkommen bei Budgetly');
    expect(await w.page.getByTestId('connect-demo').textContent()).toMatch(/^Mit .+ verbinden$/);
    const form = w.page.locator('form.connection-form');
    expect(await form.getByRole('group', { name: 'Wo melden Sie sich an?' }).getByRole('radio').count()).toBe(3);
    expect(await form.getByRole('group', { name: 'Wie möchten Sie sich anmelden?' }).getByLabel('Meinen Browser verwenden').count()).toBe(1);
    await w.harness.screenshot('first-run');
    await expectAccessible(w.page, 'first run');
  });

  it('explains what is wrong with a My Domain or a missing client id', async () => {
    const form = w.page.locator('form.connection-form');
    await form.getByLabel('Meine Domäne').first().check();
    const domain = form.getByRole('textbox', { name: 'Meine Domäne' });
    await domain.fill('https://acme.my.salesforce.com/lightning/page/home');
    await form.getByRole('button', { name: 'Bei Salesforce anmelden' }).click();
    await poll(() => domain.getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByText('Geben Sie nur die Domain ein, ohne Pfad (z. B. acme.my.salesforce.com).').count()).toBe(1);
    expect(await form.getByRole('textbox', { name: 'Client-ID' }).getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByText('Geben Sie die Client-ID (Consumer Key) Ihrer External Client App ein.').count()).toBe(1);
    await form.getByText('Wie bekomme ich eine Client-ID?').click();
    expect(await form.locator('.callback-url').textContent()).toBe('http://localhost:1717/OauthRedirect');
    await w.harness.screenshot('connect-validation');
    await expectAccessible(w.page, 'connection form with errors');
  });

  it('shows a cancelled and a denied sign-in, each with a retry, then signs in through the login page', async () => {
    const form = w.page.locator('form.connection-form');
    await form.getByRole('textbox', { name: 'Meine Domäne' }).fill(w.org.url);
    await form.getByRole('textbox', { name: 'Client-ID' }).fill('budgetly-demo');
    let login = w.agent().nextPage();
    await form.getByRole('button', { name: 'Bei Salesforce anmelden' }).click();
    const first = await login;
    await poll(() => loginStatus().getAttribute('data-state')).toBe('in-progress');
    await w.harness.screenshot('login-in-progress');
    await expectAccessible(w.page, 'sign-in in progress');
    await first.close();
    await poll(() => loginStatus().getAttribute('data-state')).toBe('cancelled');
    expect(await loginStatus().locator('strong').textContent()).toBe('Anmeldung abgebrochen');
    await w.harness.screenshot('login-cancelled');

    login = w.agent().nextPage();
    await loginStatus().getByRole('button', { name: 'Erneut versuchen' }).click();
    const second = await login;
    await fillOrgLogin(second, { username: 'demo@budgetly.test', password: 'budgetly' });
    await deny(second).catch(() => undefined);
    await poll(() => loginStatus().getAttribute('data-state')).toBe('denied');
    expect(await loginStatus().locator('strong').textContent()).toBe('Zugriff nicht erlaubt');
    await w.harness.screenshot('login-denied');
    await expectAccessible(w.page, 'sign-in denied');

    login = w.agent().nextPage();
    await loginStatus().getByRole('button', { name: 'Erneut versuchen' }).click();
    const third = await login;
    await signInAndAllow(third, { username: 'demo@budgetly.test', password: 'budgetly' }).catch((e: unknown) => {
      if (!third.isClosed()) throw e;
    });
    await waitForSynced(w.page, w.invoices().length);
    expect(await connectionStatus(w.page)).toBe('connected');
  });

  it('lists connections with their status in the switcher, and adds another from there', async () => {
    const switcher = w.page.getByTestId('connection-switcher');
    await switcher.locator('summary').click();
    await poll(() => switcher.getByRole('button', { name: /Verbunden/ }).count()).toBe(1);
    // Who and which org, as the org's identity service tells it.
    const connectedAs = () => switcher.getByTestId('connected-as').textContent();
    await poll(connectedAs).toMatch(/^Verbunden als /);
    expect(await connectedAs()).toContain(DEMO_CREDENTIALS.username);
    expect(await connectedAs()).toContain(`Org ${w.org.orgId}`);
    await w.harness.screenshot('connection-switcher');
    await switcher.getByRole('button', { name: 'Verbindung hinzufügen …' }).click();
    await poll(() => w.page.getByRole('heading', { level: 1 }).textContent()).toBe('Verbindung hinzufügen');
    const before = finishedSyncs();
    await w.page.locator('form.connection-form').getByRole('button', { name: 'Abbrechen' }).click();
    await w.page.getByTestId('invoice-grid').waitFor();
    // Back in the workspace, the org is refreshed once.
    await poll(finishedSyncs).toBeGreaterThan(before);
    await waitForSynced(w.page, w.invoices().length);
  });

  it('asks to reconnect when the org revokes the session, keeps the invoices, and reconnects in one click', async () => {
    const invoices = w.invoices();
    w.org.control.revokeAllTokens();
    await w.page.getByTestId('sync-button').click();
    const banner = w.page.getByTestId('banner-reconnect');
    await banner.waitFor();
    await poll(() => connectionStatus(w.page)).toBe('reconnect-needed');
    expect(await visibleCount(w.page)).toBe(invoices.length);
    await w.harness.screenshot('reconnect-needed');
    await expectAccessible(w.page, 'reconnect banner');

    const syncsBefore = finishedSyncs();
    const login = w.agent().nextPage();
    await banner.getByRole('button', { name: 'Erneut verbinden' }).click();
    const page = await login;
    await signInAndAllow(page, { username: 'demo@budgetly.test', password: 'budgetly' }).catch((e: unknown) => {
      if (!page.isClosed()) throw e;
    });
    await poll(() => connectionStatus(w.page)).toBe('connected');
    await poll(() => banner.count()).toBe(0);
    // Signing in again refreshes the invoices by itself.
    await poll(finishedSyncs).toBeGreaterThan(syncsBefore);
    await waitForSynced(w.page, invoices.length);
    await expectView(w.page, invoices, {}, { key: 'invoiceDate', desc: true });
  });

  it('stays usable offline with the cached invoices when Salesforce cannot be reached', async () => {
    const invoices = w.invoices();
    await w.org.stop();
    await w.page.getByTestId('sync-button').click();
    const banner = w.page.getByTestId('banner-offline');
    await banner.waitFor({ timeout: 60_000 });
    expect(await banner.textContent()).toContain('weiterhin verfügbar');
    expect(await visibleCount(w.page)).toBe(invoices.length);
    await w.page.getByRole('complementary', { name: 'Filter' }).getByLabel('GBP', { exact: true }).check();
    await expectView(w.page, invoices, { currencies: ['GBP'] }, { key: 'invoiceDate', desc: true });
    await w.harness.screenshot('offline');
    const gbp = (await readSummary(w.page)).find((c) => c.currency === 'GBP')!;
    expect(gbp.totalText).toBe(new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'GBP', currencySign: 'accounting' }).format(gbp.total));
    const firstNumber = await w.page.locator('.grid-body [aria-rowindex="2"] [data-column="number"]').textContent();
    const first = invoices.find((i) => i.number === firstNumber)!;
    const germanDay = new Intl.DateTimeFormat('de-DE', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
    expect(await w.page.locator('.grid-body [aria-rowindex="2"] [data-column="dueDate"]').textContent()).toBe(germanDay.format(Date.parse(`${first.dueDate}T00:00:00Z`)));
    await expectAccessible(w.page, 'offline banner');
    await w.page.getByTestId('invoice-grid').press('Enter');
    const panel = w.page.getByTestId('detail-panel');
    await panel.getByTestId('detail-cached-only').waitFor();
    expect(await panel.getByTestId('detail-fields').textContent()).toContain(await w.page.locator('.grid-body [aria-rowindex="2"] [data-column="number"]').textContent());
    await w.harness.screenshot('offline-detail');
    await w.page.keyboard.press('Escape');
    await w.page.getByRole('button', { name: 'Filter Währung: GBP entfernen' }).click();
    await waitForVisibleCount(w.page, invoices.length);
  });
});
