import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Connection, Result } from '../../../electron/contract';
import { startOrg, type RunningOrg } from '../../org';
import { launchChromium } from '../../support/chromium';
import { connectTestCore } from '../../support/connect';
import { PlaywrightLoginAgent, approve, deny, fillOrgLogin } from '../../support/playwright-login-agent';
import { ManualClock } from '../../support/test-ports';
import { createTestCore, type TestCore, type TestCoreOptions } from '../../support/test-core';
import { filesWithTokens, holdsToken } from './no-token-leaks';

/** Signing in through the org's real login and consent pages, driven as a user would, via the IPC channels. */
let browser: Browser;
let org: RunningOrg;
const open: { core: TestCore; agent: PlaywrightLoginAgent; results: unknown[] }[] = [];

beforeAll(async () => {
  [browser, org] = await Promise.all([launchChromium(), startOrg({ invoices: 5 })]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), org?.stop()]);
});
afterEach(async () => {
  for (const { core, agent, results } of open.splice(0)) {
    expect(filesWithTokens(core.dataDir), 'token written to disk').toEqual([]);
    expect(results.some(holdsToken), 'token in an IPC result').toBe(false);
    expect(core.events.emitted.some(holdsToken), 'token in a pushed event').toBe(false);
    await agent.dispose();
    await core.dispose();
  }
});

function setup(options: TestCoreOptions = {}) {
  const agent = new PlaywrightLoginAgent(browser);
  const core = createTestCore({ loginAgent: agent, extraLoginOrigins: [org.url], ...options });
  const results: unknown[] = [];
  const call = async <T>(channel: string, input?: unknown) => {
    const result = (await core.call(channel, input)) as Result<T>;
    results.push(result);
    return result;
  };
  open.push({ core, agent, results });
  return { agent, core, call };
}

async function addOrg(call: ReturnType<typeof setup>['call']): Promise<string> {
  const added = await call<Connection>('connections.add', { label: 'Acme', loginUrl: org.url, clientId: 'budgetly-demo' });
  if (!added.ok) throw new Error(added.error.message);
  return added.value.id;
}

describe('connect through the login page', () => {
  it('signs in and shows who is connected (org id, username), asking for api + refresh_token with S256 PKCE', async () => {
    const { core, agent, call } = setup();
    const id = await connectTestCore(core, org, { agent });
    const list = await call<Connection[]>('connections.list');
    expect(list.ok && list.value[0]).toMatchObject({ id, status: 'connected', username: 'demo@budgetly.test', orgId: org.orgId, sessionOnly: false });
    expect(core.events.of('connections.changed').at(-1)?.[0]?.status).toBe('connected');
    const authorize = new URL(agent.authorizeUrls[0]!);
    expect(authorize.searchParams.get('scope')).toBe('api refresh_token');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');

  });

  it('wrong password shows the org’s error; the right one then connects', async () => {
    const { agent, call } = setup();
    const id = await addOrg(call);
    const connecting = call<Connection>('connections.connect', { id });
    const page = await agent.nextPage();
    await fillOrgLogin(page, { username: 'demo@budgetly.test', password: 'wrong' });
    await page.locator('#error').waitFor();
    expect(await page.locator('#error').textContent()).toContain('check your username and password');
    await fillOrgLogin(page, { username: 'demo@budgetly.test', password: 'budgetly' });
    await approve(page).catch(() => undefined);
    const result = await connecting;
    expect(result.ok && result.value.status).toBe('connected');
  });

  it('Deny → ACCESS_DENIED with a human message, connection stays disconnected', async () => {
    const { agent, call } = setup();
    const id = await addOrg(call);
    const connecting = call<Connection>('connections.connect', { id });
    const page = await agent.nextPage();
    await fillOrgLogin(page, { username: 'demo@budgetly.test', password: 'budgetly' });
    await deny(page).catch(() => undefined);
    const result = await connecting;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ code: 'ACCESS_DENIED', message: expect.stringContaining('You chose not to allow access') });
    const list = await call<Connection[]>('connections.list');
    expect(list.ok && list.value[0]?.status).toBe('disconnected');
    expect(list.ok && list.value[0]?.lastError?.code).toBe('ACCESS_DENIED');
  });

  it('closing the login window → CANCELLED, and a new attempt works afterwards', async () => {
    const { core, agent, call } = setup();
    const id = await addOrg(call);
    const connecting = call<Connection>('connections.connect', { id });
    const page = await agent.nextPage();
    await page.locator('#username').waitFor();
    await page.close();
    const result = await connecting;
    expect(!result.ok && result.error.code).toBe('CANCELLED');
    await connectTestCore(core, org, { agent, connectionId: id });
  });

  it('one attempt at a time; Cancel in the app closes the login page', async () => {
    const { agent, call } = setup();
    const id = await addOrg(call);
    const first = call<Connection>('connections.connect', { id });
    const page = await agent.nextPage();
    const second = await call<Connection>('connections.connect', { id });
    expect(!second.ok && second.error.code).toBe('LOGIN_IN_PROGRESS');
    expect((await call('connections.cancelLogin', { id })).ok).toBe(true);
    const result = await first;
    expect(!result.ok && result.error.code).toBe('CANCELLED');
    await expect.poll(() => page.isClosed()).toBe(true);
  });

  it('an attempt left open past the time limit → TIMEOUT and the page closes', async () => {
    const clock = new ManualClock();
    const { agent, call } = setup({ clock });
    const id = await addOrg(call);
    const connecting = call<Connection>('connections.connect', { id });
    const page = await agent.nextPage();
    await page.locator('#username').waitFor();
    clock.advance(11 * 60_000);
    const result = await connecting;
    expect(!result.ok && result.error.code).toBe('TIMEOUT');
    await expect.poll(() => page.isClosed()).toBe(true);
  });
});
