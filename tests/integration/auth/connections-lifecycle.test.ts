import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Connection, Result } from '../../../electron/contract';
import { toAppError } from '../../../electron/core/salesforce/salesforce-errors';
import { startOrg, type RunningOrg } from '../../org';
import { launchChromium } from '../../support/chromium';
import { connectTestCore } from '../../support/connect';
import { PlaywrightLoginAgent } from '../../support/playwright-login-agent';
import { createTestCore, type TestCore } from '../../support/test-core';
import { filesWithTokens, holdsToken } from './no-token-leaks';

/** Disconnect, remove, and Salesforce ending the session: what the user sees and what the org records. */
let browser: Browser;
let org: RunningOrg;
const open: { core: TestCore; agent: PlaywrightLoginAgent; orgs: RunningOrg[] }[] = [];

beforeAll(async () => {
  [browser, org] = await Promise.all([launchChromium(), startOrg({ invoices: 3 })]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), org?.stop()]);
});
afterEach(async () => {
  for (const { core, agent, orgs } of open.splice(0)) {
    expect(filesWithTokens(core.dataDir), 'token on disk').toEqual([]);
    expect(core.events.emitted.some(holdsToken), 'token in a pushed event').toBe(false);
    await agent.dispose();
    await core.dispose();
    await Promise.all(orgs.map((extra) => extra.stop()));
  }
  org.control.clearFaults();
});

async function connected(target: RunningOrg = org) {
  const agent = new PlaywrightLoginAgent(browser);
  const core = createTestCore({ loginAgent: agent, extraLoginOrigins: [target.url] });
  const entry = { core, agent, orgs: target === org ? [] : [target] };
  open.push(entry);
  const id = await connectTestCore(core, target, { agent });
  const call = async <T>(channel: string, input?: unknown) => {
    const result = (await core.call(channel, input)) as Result<T>;
    expect(holdsToken(result), `token in the result of ${channel}`).toBe(false);
    return result;
  };
  const status = async () => {
    const list = await call<Connection[]>('connections.list');
    return list.ok ? list.value.find((connection) => connection.id === id) : undefined;
  };
  // As the invoices module does: jsforce's errors go through toAppError.
  const query = async () => {
    try {
      return (await (await core.core.sessions.open(id, '62.0')).query('SELECT Id FROM Invoice')).totalSize;
    } catch (error) {
      throw toAppError(error);
    }
  };
  return { agent, core, id, call, status, query };
}

async function statusOf(url: string, token: string): Promise<number> {
  const response = await fetch(`${url}/services/data/v62.0/query?q=${encodeURIComponent('SELECT Id FROM Invoice')}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return response.status;
}

describe('disconnect and remove', () => {
  it('disconnect revokes at the org, the old token stops working, and local data is told to go', async () => {
    const { agent, core, id, call, status, query } = await connected();
    expect(await query()).toBe(3);
    const oldToken = (await core.core.sessions.open(id, '62.0')).accessToken!;
    const forgotten: string[] = [];
    core.core.directory.onForget((connectionId) => void forgotten.push(connectionId));
    const before = org.control.counters().revokes;

    const result = await call<{ revoked: boolean }>('connections.disconnect', { id });
    expect(result).toEqual({ ok: true, value: { revoked: true } });
    expect(org.control.counters().revokes).toBe(before + 1);
    expect(await statusOf(org.url, oldToken)).toBe(401);
    expect(forgotten).toEqual([id]);
    expect(await status()).toMatchObject({ status: 'disconnected' });
    expect((await status())?.username).toBeUndefined();
    expect(core.events.of('connections.changed').at(-1)?.[0]?.status).toBe('disconnected');
    await expect(core.core.sessions.open(id, '62.0')).rejects.toMatchObject({ code: 'NOT_CONNECTED' });

    // The login partition was cleared: the next sign-in asks for the password again.
    const connecting = call<Connection>('connections.connect', { id });
    const page = await agent.nextPage();
    await page.locator('#username').or(page.locator('#oaapprove')).first().waitFor();
    expect(await page.locator('#username').isVisible(), 'login form, not a remembered session').toBe(true);
    await call('connections.cancelLogin', { id });
    expect((await connecting).ok).toBe(false);
  });

  it('offline, disconnect still forgets everything locally and says the revoke was not sent', async () => {
    const lonely = await startOrg({ invoices: 1 });
    const { id, call, status, core } = await connected(lonely);
    await lonely.stop();
    const result = await call<{ revoked: boolean }>('connections.disconnect', { id });
    expect(result).toEqual({ ok: true, value: { revoked: false } });
    expect(await status()).toMatchObject({ status: 'disconnected' });
    await expect(core.core.sessions.open(id, '62.0')).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
    open.at(-1)!.orgs = [];
  });

  it('remove revokes, forgets the connection and its offline data', async () => {
    const { core, id, call } = await connected();
    const forgotten: string[] = [];
    core.core.directory.onForget((connectionId) => void forgotten.push(connectionId));
    const before = org.control.counters().revokes;
    expect((await call('connections.remove', { id })).ok).toBe(true);
    expect(org.control.counters().revokes).toBe(before + 1);
    expect(forgotten).toContain(id);
    const list = await call<Connection[]>('connections.list');
    expect(list.ok && list.value).toEqual([]);
    expect((await call('connections.remove', { id })).ok).toBe(false);
  });
});

describe('when Salesforce ends the session', () => {
  it('refresh token revoked at the org → reconnect-needed (not an error loop); reconnecting fixes it', async () => {
    const { core, id, call, status, query } = await connected();
    expect(await query()).toBe(3);
    const before = org.control.counters().refreshes;
    org.control.revokeAllTokens();
    await expect(query()).rejects.toMatchObject({ code: 'RECONNECT_REQUIRED' });
    expect(org.control.counters().refreshes - before).toBeLessThanOrEqual(1);
    expect(await status()).toMatchObject({ status: 'reconnect-needed', lastError: { code: 'RECONNECT_REQUIRED' } });
    expect(core.events.of('connections.changed').at(-1)?.[0]?.status).toBe('reconnect-needed');
    // Why, in the language the user reads now (the record keeps English, as the log does).
    expect((await status())?.lastError?.message).toMatch(/^Salesforce ended this sign-in/);
    await call('settings.set', { language: 'de' });
    expect((await status())?.lastError?.message).toBe(
      'Salesforce hat diese Anmeldung beendet (sie wurde widerrufen oder ist abgelaufen). Melden Sie sich erneut an, um fortzufahren; Ihre heruntergeladenen Rechnungen bleiben verfügbar.',
    );
    await call('settings.set', { language: 'system' });
    const forgotten: string[] = [];
    core.core.directory.onForget((connectionId) => void forgotten.push(connectionId));
    await connectTestCore(core, org, { connectionId: id, agent: open.at(-1)!.agent });
    expect(forgotten, 'same user and org: the offline copy stays').toEqual([]);
    expect(await status()).toMatchObject({ status: 'connected' });
    expect((await status())?.lastError).toBeUndefined();
    expect(await query()).toBe(3);
  });

  it('refresh token past its lifetime → reconnect-needed', async () => {
    // The org ends the refresh token's lifetime through its control (oidc-provider's own expiry check refuses it),
    // instead of a 1-second lifetime and a real wait; the session itself is ended on purpose.
    const shortLived = await startOrg({ invoices: 2 });
    const { status, query } = await connected(shortLived);
    expect(await query()).toBe(2);
    shortLived.control.expireRefreshTokens();
    shortLived.control.expireSessions();
    await expect(query()).rejects.toMatchObject({ code: 'RECONNECT_REQUIRED' });
    expect(await status()).toMatchObject({ status: 'reconnect-needed' });
  });

  it('offline (org unreachable) → NETWORK and the connection stays connected', async () => {
    const lonely = await startOrg({ invoices: 1 });
    const { status, query } = await connected(lonely);
    expect(await query()).toBe(1);
    lonely.control.expireSessions();
    await lonely.stop();
    open.at(-1)!.orgs = [];
    await expect(query()).rejects.toMatchObject({ code: 'NETWORK' });
    expect(await status()).toMatchObject({ status: 'connected' });
  });

  it('the token endpoint answering 503 during a refresh → NETWORK, still connected; works once the org is back', async () => {
    const { status, query } = await connected();
    org.control.expireSessions();
    org.control.injectFault({ kind: 'http503', pathPrefix: '/services/oauth2/token', count: 10 });
    await expect(query()).rejects.toMatchObject({ code: 'NETWORK' });
    expect(await status()).toMatchObject({ status: 'connected' });
    org.control.clearFaults();
    expect(await query()).toBe(3);
  });
});

describe('editing connections', () => {
  it('validates login hosts and refuses to change the client of a connected org', async () => {
    const { id, call } = await connected();
    const renamed = await call<Connection>('connections.update', { id, label: 'Acme Ltd' });
    expect(renamed.ok && renamed.value).toMatchObject({ label: 'Acme Ltd', status: 'connected' });
    const moved = await call<Connection>('connections.update', { id, loginUrl: 'https://test.salesforce.com' });
    expect(!moved.ok && moved.error.code).toBe('INVALID_INPUT');
    for (const loginUrl of ['http://login.salesforce.com', 'https://login.salesforce.com.evil.example', 'https://evil.example', 'javascript:alert(1)']) {
      const added = await call<Connection>('connections.add', { label: 'x', loginUrl, clientId: 'c' });
      expect(!added.ok && added.error.code, loginUrl).toBe('INVALID_INPUT');
    }
    const mydomain = await call<Connection>('connections.add', { label: 'Sandbox', loginUrl: 'acme--uat.sandbox.my.salesforce.com/', clientId: 'c' });
    expect(mydomain.ok && mydomain.value).toMatchObject({ loginUrl: 'https://acme--uat.sandbox.my.salesforce.com', status: 'disconnected', sessionOnly: false });
  });

  it('“switch user” asks the org to show the login page again (prompt=login)', async () => {
    const { agent, id, call } = await connected();
    const connecting = call<Connection>('connections.connect', { id, switchUser: true });
    const page = await agent.nextPage();
    await page.locator('#username').waitFor();
    expect(new URL(agent.authorizeUrls.at(-1)!).searchParams.get('prompt')).toBe('login');
    await call('connections.cancelLogin', { id });
    expect(!(await connecting).ok).toBe(true);
  });
});
