import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection, FreshnessStatus, InvoiceList, Result } from '../../../electron/contract';
import { startOrg, type RunningOrg } from '../../org';
import { launchChromium } from '../../support/chromium';
import { connectTestCore } from '../../support/connect';
import { PlaywrightLoginAgent } from '../../support/playwright-login-agent';
import { createTestCore, type TestCore } from '../../support/test-core';
import { ManualClock } from '../../support/test-ports';

/**
 * The real core (connections, invoices, freshness) on a ManualClock against the local org: what the
 * background syncs pick up, how a failing one leaves the copy, and a refresh token revoked while idle.
 */
const MINUTE = 60_000;
let browser: Browser;
let org: RunningOrg;
let agent: PlaywrightLoginAgent;
let app: TestCore;
let connectionId: string;
const clock = new ManualClock(Date.now());

const value = async <T>(channel: string, input?: unknown): Promise<T> => {
  const result = (await app.call(channel, input)) as Result<T>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
};
const list = () => value<InvoiceList>('invoices.list', { connectionId });
const connection = async () => (await value<Connection[]>('connections.list')).find((c) => c.id === connectionId)!;
const freshness = async () => (await value<FreshnessStatus>('freshness.status')).connections.find((c) => c.connectionId === connectionId)!;
const changes = () => app.events.of('invoices.changed');
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 25 });
const idle = () => poll(() => app.events.of('invoices.syncProgress').at(-1)?.phase).toMatch(/done|failed|cancelled/);
const orgIds = () => org.control.records('Invoice').map((r) => r.Id as string);

beforeAll(async () => {
  [browser, org] = await Promise.all([launchChromium(), startOrg({ invoices: 2500, payments: false })]);
  agent = new PlaywrightLoginAgent(browser);
  app = createTestCore({ clock, loginAgent: agent, extraLoginOrigins: [org.url] });
  connectionId = await connectTestCore(app, org, { agent });
});
afterAll(async () => {
  await app?.dispose();
  await agent?.dispose();
  await Promise.all([browser?.close(), org?.stop()]);
});

describe('background syncs against the local org', () => {
  it('on launch, the org is synced without anyone asking; the next one is planned 15 minutes later', async () => {
    expect(changes()).toHaveLength(0);
    await app.core.start(); // launch: the first (full) sync runs in the background
    await poll(() => changes().length).toBe(1);
    expect((await list()).invoices).toHaveLength(2500);
    expect((await connection()).lastSyncAt).toBe(new Date(clock.now()).toISOString());
    expect(Date.parse((await freshness()).nextAttemptAt!) - clock.now()).toBe(15 * MINUTE);
  });

  it('picks up records created, changed and deleted at the org at the next interval, and says what changed', async () => {
    const ids = orgIds();
    org.control.updateInvoices(ids.slice(0, 2), { Balance: 0 });
    org.control.deleteInvoices([ids[2]!]);
    const [created] = org.control.createInvoices(1);
    clock.advance(15 * MINUTE);
    await poll(() => changes().length).toBe(2);
    expect(changes().at(-1)).toEqual({ connectionId, added: 1, changed: 2, deleted: 1, changedIds: expect.arrayContaining([ids[0], ids[1], created]) });
    const rows = (await list()).invoices;
    expect(rows.map((r) => r.id).sort()).toEqual(orgIds().sort());
    expect(rows.find((r) => r.id === ids[0])!.balance).toBe(0);
  });

  it('a manual sync and a background tick at the same moment are one sync at the org', async () => {
    const before = org.control.counters().requests.queryAll ?? 0;
    org.control.updateInvoices([orgIds()[10]!], { Balance: 1 });
    const manual = app.call('invoices.sync', { connectionId });
    clock.advance(15 * MINUTE);
    expect((await manual).ok).toBe(true);
    await idle();
    expect((org.control.counters().requests.queryAll ?? 0) - before).toBe(1);
    expect(changes().at(-1)).toMatchObject({ changed: 1, changedIds: [orgIds()[10]] });
  });

  it('a background sync failing part-way leaves the previous invoices, says why, and retries a minute later', async () => {
    const before = await list();
    const heard = changes().length;
    // More than one page of changes; the second page hits the org's API request limit.
    org.control.updateInvoices(orgIds().slice(0, 2100), { Balance: 7 });
    org.control.injectFault({ kind: 'requestLimit', pathPrefix: '/services/data/v67.0/query/' });
    clock.advance(15 * MINUTE);
    await poll(async () => (await connection()).lastError?.code).toBe('SALESFORCE_LIMIT');
    expect(await list()).toEqual(before);
    expect(changes()).toHaveLength(heard);
    const plan = await freshness();
    expect(plan).toMatchObject({ failures: 1, paused: null });
    expect(Date.parse(plan.nextAttemptAt!) - clock.now()).toBe(MINUTE);
    clock.advance(MINUTE);
    await poll(() => changes().length).toBe(heard + 1);
    expect((await list()).invoices.filter((r) => r.balance === 7)).toHaveLength(2100);
    expect(await connection()).not.toHaveProperty('lastError');
    expect((await freshness()).failures).toBe(0);
  });

  it('a refresh token revoked while idle: "reconnect needed" at the next attempt, no error, and no further attempts', async () => {
    org.control.revokeAllTokens();
    org.control.expireSessions();
    clock.advance(15 * MINUTE);
    await poll(async () => (await connection()).status).toBe('reconnect-needed');
    expect((await connection()).lastError?.code).toBe('RECONNECT_REQUIRED');
    expect(await freshness()).toMatchObject({ paused: 'reconnect-needed', nextAttemptAt: null });
    expect(app.logger.lines.filter((line) => line.startsWith('error'))).toEqual([]);
    await idle();
    const counters = JSON.stringify(org.control.counters());
    clock.advance(24 * 60 * MINUTE);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(JSON.stringify(org.control.counters())).toBe(counters);
    expect((await list()).invoices.length).toBeGreaterThan(0);
  });
});
