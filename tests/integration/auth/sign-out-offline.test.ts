import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../../electron/contract';
import { createOAuth2, refreshTokens } from '../../../electron/core/auth/oauth-client';
import { REDIRECT_URI } from '../../../electron/core/auth/redirect';
import { defaultHttpLimits } from '../../../electron/core/salesforce/http-limits';
import { SealedStore } from '../../../electron/core/secrets/sealed-store';
import { startOrg, type RunningOrg } from '../../org';
import { HttpLoginAgent } from '../../org';
import { createTestCore, type TestCore } from '../../support/test-core';
import { filesWithTokens } from './no-token-leaks';

/**
 * Signing out while Salesforce cannot be reached (issue #17, finding 4): the local sign-in goes at once, the
 * user is told that Salesforce still has to end it, and the refresh token waits sealed ("revoke pending") until
 * the revoke goes through — when the app hears the computer is back online, or at the next start. The org's
 * revoke endpoint must see the token: afterwards it is refused at the org.
 */
let org: RunningOrg;
const cores: TestCore[] = [];

beforeAll(async () => {
  org = await startOrg({ invoices: 3 });
});
afterAll(async () => {
  await org?.stop();
});
afterEach(async () => {
  org.control.clearFaults();
  for (const core of cores.splice(0)) await core.dispose();
});

function core(options: Parameters<typeof createTestCore>[0] = {}): TestCore {
  const created = createTestCore({ loginAgent: new HttpLoginAgent(), extraLoginOrigins: [org.url], ...options });
  cores.push(created);
  return created;
}

/** A connected connection and its refresh token (read from the vault as the app sealed it). */
async function connected(testCore: TestCore): Promise<{ id: string; refreshToken: string }> {
  const id = ((await testCore.call('connections.add', { label: 'Acme', loginUrl: org.url, clientId: 'budgetly-demo' })).value as Connection).id;
  expect(await testCore.call('connections.connect', { id })).toMatchObject({ ok: true });
  const read = await new SealedStore(testCore.secretBox, testCore.store).read(`secrets.tokens.${id}`, (v): v is { refreshToken: string } => typeof v === 'object' && v !== null);
  if (read.kind !== 'found') throw new Error('no sealed sign-in');
  return { id, refreshToken: read.value.refreshToken };
}

/** Whether the org still honours the refresh token (a real refresh grant against it). */
async function orgAccepts(refreshToken: string): Promise<boolean> {
  const oauth2 = createOAuth2({ loginUrl: org.url, clientId: 'budgetly-demo', redirectUri: REDIRECT_URI }, defaultHttpLimits);
  return refreshTokens(oauth2, refreshToken).then(
    () => true,
    (error: Error) => {
      if (error.name !== 'invalid_grant') throw error;
      return false;
    },
  );
}

async function signOutWhileSalesforceIsDown(testCore: TestCore, id: string) {
  org.control.injectFault({ kind: 'http503', count: 1_000, pathPrefix: '/services/oauth2/revoke' });
  const result = await testCore.call('connections.disconnect', { id });
  expect(result).toMatchObject({ ok: true, value: { revoked: false } });
  const list = (await testCore.call('connections.list')).value as Connection[];
  // The user is told: signed out here, Salesforce will be told later.
  expect(list.find((c) => c.id === id)).toMatchObject({
    status: 'disconnected',
    lastError: { code: 'NETWORK', message: expect.stringContaining('Budgetly will do it as soon as Salesforce can be reached') },
  });
}

describe('signing out while Salesforce cannot be reached', () => {
  it('keeps a sealed "revoke pending" and sends it when the computer is back online', async () => {
    const testCore = core();
    const { id, refreshToken } = await connected(testCore);
    await signOutWhileSalesforceIsDown(testCore, id);
    expect(await orgAccepts(refreshToken)).toBe(true); // not revoked yet
    expect(filesWithTokens(testCore.dataDir), 'the pending token is sealed, never readable on disk').toEqual([]);

    org.control.clearFaults();
    org.control.resetCounters();
    expect(await testCore.call('app.networkChanged', { online: true })).toMatchObject({ ok: true });
    await expect.poll(() => org.control.counters().revokes, { timeout: 20_000 }).toBe(1);
    expect(await orgAccepts(refreshToken)).toBe(false);
    await expect
      .poll(async () => ((await testCore.call('connections.list')).value as Connection[]).find((c) => c.id === id)?.lastError, { timeout: 20_000 })
      .toBeUndefined();
  });

  it('sends it at the next start when the app was closed before Salesforce could be reached', async () => {
    const first = core();
    const { id, refreshToken } = await connected(first);
    await signOutWhileSalesforceIsDown(first, id);
    await first.core.dispose();

    org.control.clearFaults();
    org.control.resetCounters();
    core({ dataDir: first.dataDir, secretBox: first.secretBox });
    await expect.poll(() => org.control.counters().revokes, { timeout: 20_000 }).toBe(1);
    expect(await orgAccepts(refreshToken)).toBe(false);
  });

  it('never sends the token to a login address that is not Salesforce’s (a tampered pending sign-out is dropped unsent)', async () => {
    const first = core();
    const { id, refreshToken } = await connected(first);
    await signOutWhileSalesforceIsDown(first, id);
    await first.core.dispose();

    // Someone with write access to the store (not to the OS key) points the pending revoke at their server.
    const heard: string[] = [];
    const attacker = createServer((request, response) => {
      heard.push(`${request.method} ${request.url}`);
      response.end('{}');
    });
    await new Promise<void>((done) => attacker.listen(0, '127.0.0.1', done));
    try {
      const sealed = new SealedStore(first.secretBox, first.store);
      const read = await sealed.read('secrets.pendingRevokes', (v): v is { loginUrl: string }[] => Array.isArray(v));
      if (read.kind !== 'found') throw new Error('no pending sign-out');
      const { port } = attacker.address() as AddressInfo;
      await sealed.write('secrets.pendingRevokes', read.value.map((item) => ({ ...item, loginUrl: `http://127.0.0.1:${port}` })));

      org.control.clearFaults();
      org.control.resetCounters();
      const second = core({ dataDir: first.dataDir, secretBox: first.secretBox });
      const dropped = () => second.logger.lines.some((line) => line.includes('Pending sign-out dropped unsent'));
      await expect.poll(() => dropped() || heard.length > 0, { timeout: 20_000 }).toBe(true);
      expect(heard).toEqual([]);
      expect(dropped()).toBe(true);
      expect(org.control.counters().revokes ?? 0).toBe(0);
      expect(new SealedStore(second.secretBox, second.store).has('secrets.pendingRevokes')).toBe(false);
      // The user is told Salesforce was not told (no "will do it later" promise left behind).
      const listed = ((await second.call('connections.list')).value as Connection[]).find((c) => c.id === id);
      expect(listed?.lastError?.message).toMatch(/did not end the sign-in at Salesforce/);
      expect(await orgAccepts(refreshToken)).toBe(true);
    } finally {
      await new Promise((done) => attacker.close(done));
    }
  });
});
