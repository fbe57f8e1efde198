import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FaultWorld, NEXT_PAGES } from './support/fault-world';

/**
 * The sync's page requests are sent by the core itself, not through jsforce's request chain (sync/salesforce-get.ts →
 * salesforce/jsforce-adapter.ts `sendAsConnection`, issue #22). What jsforce did for them must still happen, page by
 * page, against the local org through the whole core: a 401 renews the session once (a rotated refresh token saved
 * before it is used), a refused renewal asks for a new sign-in, Salesforce's error answers reach the user in its own
 * words, and a cancel stops a page whose body is still arriving. Whenever the sync cannot finish, the previous copy
 * stays exactly as it was (its rows and its file).
 */
describe('page requests of a sync (2,500 invoices: the second page is the one hit)', () => {
  const world = new FaultWorld();
  let cacheFile: () => Buffer;

  beforeAll(async () => {
    await world.start();
    const dir = `${world.temp.dir}/invoices`;
    cacheFile = () => readFileSync(`${dir}/${readdirSync(dir).find((name) => name.endsWith('.cache'))}`);
  });
  afterAll(async () => world.stop());
  beforeEach(async () => {
    world.org.control.clearFaults();
    world.org.control.setRotation(false);
    if ((await world.status()) !== 'connected') await world.expectOk('connections.connect', { id: world.connectionId });
    const sync = await world.sync('full');
    expect(sync.ok, JSON.stringify(sync.error)).toBe(true);
    // The org moves on: a sync that completes must bring these, a failed one must not.
    world.org.control.createInvoices(3, 'Invoice');
  });

  /** The sync failed: the copy is the one from before it, rows and file. */
  const expectPreviousKept = async (before: { list: unknown; file: Buffer }) => {
    expect(await world.list()).toEqual(before.list);
    expect(cacheFile().equals(before.file)).toBe(true);
    expect(readdirSync(`${world.temp.dir}/invoices`).filter((name) => name.includes('.partial-'))).toEqual([]);
  };
  const copyNow = async () => ({ list: await world.list(), file: cacheFile() });

  it('a 401 on a page with rotation on: renewed once, the rotated refresh token saved — after a restart it renews again', async () => {
    world.org.control.setRotation(true);
    const refreshes = world.org.control.counters().refreshes;
    world.org.control.injectFault({ kind: 'sessionExpired', count: 1, pathPrefix: NEXT_PAGES });
    const sync = await world.sync('full');
    expect(sync.ok, JSON.stringify(sync.error)).toBe(true);
    expect(world.org.control.counters().refreshes).toBe(refreshes + 1);
    expect((await world.list()).invoices.map((row) => row.id).sort()).toEqual(world.orgIds());
    // The refresh token the org rotated out is dead: only the saved new one can renew the session after a restart.
    await world.restart();
    world.org.control.expireSessions();
    const again = await world.sync('full');
    expect(again.ok, JSON.stringify(again.error)).toBe(true);
    expect(world.org.control.counters().refreshes).toBe(refreshes + 2);
    expect(await world.status()).toBe('connected');
  });

  it('a 401 on a page after the sign-in was revoked: RECONNECT_REQUIRED, the previous copy kept', async () => {
    const before = await copyNow();
    world.org.control.injectFault({ kind: 'latency', ms: 200, count: 5, pathPrefix: NEXT_PAGES });
    world.onFirstPage(() => world.org.control.revokeAllTokens());
    const sync = await world.sync('full');
    expect(sync.error).toMatchObject({ code: 'RECONNECT_REQUIRED', message: expect.stringMatching(/sign in|reconnect|connect again/i) });
    expect(await world.status()).toBe('reconnect-needed');
    await expectPreviousKept(before);
  });

  it('an error answer on a page: the user reads Salesforce’s own words, the previous copy kept', async () => {
    const before = await copyNow();
    world.org.control.injectFault({ kind: 'requestLimit', count: 1, pathPrefix: NEXT_PAGES });
    const sync = await world.sync('full');
    expect(sync.error?.code).toBe('SALESFORCE_LIMIT');
    // The org's message is in the answer's body only ([{"errorCode":"REQUEST_LIMIT_EXCEEDED","message":…}]).
    expect(sync.error?.message).toContain('TotalRequests Limit exceeded.');
    await expectPreviousKept(before);
  });

  it('cancel while a page’s body is still arriving: CANCELLED at once (not at the page’s time limit), the previous copy kept', async () => {
    const before = await copyNow();
    const nextPageRequests = () => world.org.control.counters().requests.queryMore ?? 0;
    const asked = nextPageRequests();
    // The second page's headers and half its body arrive, then nothing more (the org keeps the socket open).
    world.org.control.injectFault({ kind: 'stall', count: 1, pathPrefix: NEXT_PAGES });
    const sync = world.app.call('invoices.sync', { connectionId: world.connectionId, mode: 'full' });
    await expect.poll(nextPageRequests, { timeout: 60_000, interval: 10 }).toBeGreaterThan(asked);
    expect((await world.app.call('invoices.cancelSync', { connectionId: world.connectionId })).ok).toBe(true);
    // The page's own limit is 2 minutes, far past this test's time limit: only the cancel can end it in time.
    expect((await sync).error?.code).toBe('CANCELLED');
    await world.app.core.idle();
    await expectPreviousKept(before);
  });
});
