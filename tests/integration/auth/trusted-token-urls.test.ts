import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Connection } from '../../../electron/contract';
import { SealedStore } from '../../../electron/core/secrets/sealed-store';
import { HttpLoginAgent, startOrg, type RunningOrg } from '../../org';
import { createTestCore, type TestCore } from '../../support/test-core';
import { startBaitServer, type BaitServer } from './support/bait-server';

/**
 * A bearer token goes only to trusted hosts (issue #17, finding 1): `instance_url` and `id` of a token
 * answer must be https on Salesforce's domains (or the exact extra origin of the local org), at sign-in,
 * on every refresh and when the stored sign-in is loaded; a refresh may not move the session to another
 * host. The org announces hostile URLs through its `setTokenUrls` control; a bait server records any
 * bearer token that reaches it.
 */
let org: RunningOrg;
let bait: BaitServer;
const cores: TestCore[] = [];

beforeAll(async () => {
  [org, bait] = await Promise.all([startOrg({ invoices: 5 }), startBaitServer()]);
});
afterAll(async () => {
  await Promise.all([org?.stop(), bait?.stop()]);
});
afterEach(async () => {
  org.control.setTokenUrls(null);
  org.control.clearFaults();
  for (const core of cores.splice(0)) await core.dispose();
  expect(bait.bearers, 'a bearer token reached the bait server').toEqual([]);
});

function core(options: { dataDir?: string; secretBox?: TestCore['secretBox'] } = {}): TestCore {
  const created = createTestCore({ loginAgent: new HttpLoginAgent(), extraLoginOrigins: [org.url], ...options });
  cores.push(created);
  return created;
}

async function addConnection(testCore: TestCore): Promise<string> {
  const added = await testCore.call('connections.add', { label: 'Acme', loginUrl: org.url, clientId: 'budgetly-demo' });
  return (added.value as Connection).id;
}

async function connected(testCore: TestCore): Promise<string> {
  const id = await addConnection(testCore);
  expect(await testCore.call('connections.connect', { id })).toMatchObject({ ok: true, value: { status: 'connected' } });
  return id;
}

async function statusOf(testCore: TestCore, id: string) {
  const list = await testCore.call('connections.list');
  return (list.value as Connection[]).find((connection) => connection.id === id)?.status;
}

describe('at sign-in', () => {
  it.each([
    ['an http instance on another port', () => ({ instanceUrl: bait.url })],
    ['an identity URL on another host', () => ({ identityUrl: `${bait.url}/id/00D/005` })],
    ['an https instance outside Salesforce', () => ({ instanceUrl: 'https://salesforce.evil.test' })],
    ['a Salesforce host over plain http', () => ({ instanceUrl: 'http://acme.my.salesforce.com' })],
    ['a Salesforce host with credentials', () => ({ instanceUrl: 'https://x:y@acme.my.salesforce.com' })],
  ])('refuses %s, keeps nothing and revokes what was granted', async (_label, urls) => {
    const testCore = core();
    const id = await addConnection(testCore);
    org.control.setTokenUrls(urls());
    org.control.resetCounters();
    const result = await testCore.call('connections.connect', { id });
    expect(result).toMatchObject({ ok: false, error: { code: 'LOGIN_FAILED', message: expect.stringContaining('not a secure Salesforce address') } });
    expect(await statusOf(testCore, id)).toBe('disconnected');
    await vi.waitFor(() => expect(org.control.counters().revokes).toBe(1));
  });
});

describe('on refresh', () => {
  it.each([
    ['to an untrusted host', () => ({ instanceUrl: bait.url })],
    ['to another Salesforce host (an instance move is not followed)', () => ({ instanceUrl: 'https://other.my.salesforce.com' })],
  ])('an answer moving the session %s ends it: reconnect needed, nothing sent there', async (_label, urls) => {
    const testCore = core();
    const id = await connected(testCore);
    expect(await testCore.call('invoices.sync', { connectionId: id, mode: 'full' })).toMatchObject({ ok: true });
    org.control.setTokenUrls(urls());
    org.control.expireSessions();
    const sync = await testCore.call('invoices.sync', { connectionId: id });
    expect(sync).toMatchObject({ ok: false, error: { code: 'RECONNECT_REQUIRED' } });
    expect(await statusOf(testCore, id)).toBe('reconnect-needed');
    // The downloaded invoices stay readable.
    expect(await testCore.call('invoices.list', { connectionId: id })).toMatchObject({ ok: true, value: { total: 5 } });
    // Connect again (the org's answers are normal again) recovers.
    org.control.setTokenUrls(null);
    expect(await testCore.call('connections.connect', { id })).toMatchObject({ ok: true, value: { status: 'connected' } });
  });
});

describe('when the stored sign-in is loaded', () => {
  it('a stored instance URL that is not trusted is never used: reconnect needed after a restart', async () => {
    const first = core();
    const id = await connected(first);
    await first.core.dispose();
    // Someone with write access to the store rewrites the sealed blob (or an older build wrote a bad one).
    const sealed = new SealedStore(first.secretBox, first.store);
    const read = await sealed.read(`secrets.tokens.${id}`, (value): value is Record<string, string> => typeof value === 'object' && value !== null);
    expect(read.kind).toBe('found');
    await sealed.write(`secrets.tokens.${id}`, { ...(read as { value: object }).value, instanceUrl: bait.url });

    const reopened = core({ dataDir: first.dataDir, secretBox: first.secretBox });
    expect(await statusOf(reopened, id)).toBe('reconnect-needed');
    expect(await reopened.call('invoices.sync', { connectionId: id })).toMatchObject({ ok: false, error: { code: 'RECONNECT_REQUIRED' } });
  });
});

describe('a saved connection whose login address was rewritten', () => {
  // The connection list is plain JSON in the key-value store (the tokens are sealed, it is not): someone who can
  // write there names another login address, hoping for the refresh token, a code exchange or a revoke.
  async function rewrittenAfterRestart(): Promise<{ testCore: TestCore; id: string }> {
    const first = core();
    const id = await connected(first);
    expect(await first.call('invoices.sync', { connectionId: id, mode: 'full' })).toMatchObject({ ok: true });
    await first.core.dispose();
    const records = first.store.get('connections') as Record<string, unknown>[];
    first.store.set('connections', records.map((record) => ({ ...record, loginUrl: bait.url })));
    bait.requests.length = 0;
    return { testCore: core({ dataDir: first.dataDir, secretBox: first.secretBox }), id };
  }

  it('never gets the refresh token: the session that needs renewing ends (reconnect needed)', async () => {
    const { testCore, id } = await rewrittenAfterRestart();
    org.control.expireSessions();
    expect(await testCore.call('invoices.sync', { connectionId: id })).toMatchObject({ ok: false, error: { code: 'RECONNECT_REQUIRED', message: expect.stringContaining('not a Salesforce sign-in address') } });
    expect(await statusOf(testCore, id)).toBe('reconnect-needed');
    expect(bait.requests).toEqual([]);
  });

  it('never gets the sign-out (the refresh token) nor a sign-in', async () => {
    const { testCore, id } = await rewrittenAfterRestart();
    expect(await testCore.call('connections.disconnect', { id })).toMatchObject({ ok: true });
    expect(await testCore.call('connections.connect', { id })).toMatchObject({ ok: false, error: { message: expect.stringContaining('not a Salesforce sign-in address') } });
    expect(bait.requests).toEqual([]);
  });
});
