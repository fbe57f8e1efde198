import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAndAllow } from '../../support/playwright-login-agent';
import { poll, startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';
import { waitForSynced } from '../workspace/workspace-driver';

/**
 * A user adds a connection without typing a name: once signed in, the switcher shows the org's name from Salesforce
 * (Organization.Name), never "127.0.0.1:44295".
 */
const ORG_NAME = 'Acme Receivables Ltd';
let w: WorkspaceFixture;

beforeAll(async () => {
  w = await startWorkspace({ org: { invoices: 20, orgName: ORG_NAME }, connect: false });
});
afterAll(async () => w?.close());

describe('a connection added without a name', () => {
  it('is called after the org once signed in', async () => {
    const { page } = w;
    const form = page.locator('form.connection-form');
    await form.getByLabel('My Domain').first().check();
    await form.getByRole('textbox', { name: 'My Domain' }).fill(w.org.url);
    await form.getByRole('textbox', { name: 'Client id' }).fill('budgetly-demo');
    const login = w.agent().nextPage();
    await form.getByRole('button', { name: 'Sign in to Salesforce' }).click();
    const loginPage = await login;
    await signInAndAllow(loginPage, { username: 'demo@budgetly.test', password: 'budgetly' }).catch((error: unknown) => {
      if (!loginPage.isClosed()) throw error;
    });
    await waitForSynced(page, 20);
    const label = page.getByTestId('connection-switcher').locator('.switcher-label');
    await poll(() => label.textContent()).toBe(ORG_NAME);
    expect(await label.getAttribute('title')).toBe(ORG_NAME);
    expect(await page.locator('body').textContent()).not.toContain(new URL(w.org.url).host);
    await w.harness.screenshot('connection-named-after-org');
  });
});
