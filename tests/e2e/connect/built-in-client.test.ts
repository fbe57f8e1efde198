import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAndAllow } from '../../support/playwright-login-agent';
import { expectAccessible, poll, startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';
import { connectionStatus, DEMO_CREDENTIALS, waitForSynced } from '../workspace/workspace-driver';

/** A build that carries a client id (BUDGETLY_CLIENT_ID): connecting asks only where to sign in. */
describe('connecting with the build’s client id', () => {
  let w: WorkspaceFixture;

  beforeAll(async () => {
    w = await startWorkspace({
      org: { invoices: 300, multiCurrency: false },
      harness: { builtInClientIds: { default: 'budgetly-demo', sandbox: null, byLoginHost: {} } },
    });
  });
  afterAll(async () => w?.close());

  it('asks no client id: it waits under "More options", empty, with the built-in one shown', async () => {
    const form = w.page.locator('form.connection-form');
    await form.getByRole('button', { name: 'Sign in to Salesforce' }).waitFor();
    const clientId = form.getByRole('textbox', { name: 'Client id' });
    expect(await clientId.isVisible()).toBe(false);
    await form.getByText('More options').click();
    await poll(() => clientId.isVisible()).toBe(true);
    expect(await clientId.inputValue()).toBe('');
    expect(await clientId.getAttribute('placeholder')).toBe('budgetly-demo');
    await form.getByText('More options').click();
    await expectAccessible(w.page, 'connection form with a built-in client id');
  });

  it('connects with no client id typed: where to sign in, then the click', async () => {
    const form = w.page.locator('form.connection-form');
    await form.getByLabel('My Domain').first().check();
    await form.getByRole('textbox', { name: 'My Domain' }).fill(w.org.url);
    const login = w.agent().nextPage();
    await form.getByRole('button', { name: 'Sign in to Salesforce' }).click();
    const page = await login;
    await signInAndAllow(page, DEMO_CREDENTIALS).catch((e: unknown) => {
      if (!page.isClosed()) throw e;
    });
    await waitForSynced(w.page, w.invoices().length);
    expect(await connectionStatus(w.page)).toBe('connected');
    const listed = await w.harness.testCore.call('connections.list');
    expect(listed.value).toEqual([expect.objectContaining({ loginUrl: w.org.url, clientId: 'budgetly-demo', status: 'connected' })]);
  });
});
