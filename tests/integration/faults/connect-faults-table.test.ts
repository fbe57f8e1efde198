import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Fault } from '../../org';
import { FaultWorld, type InvoiceList } from './support/fault-world';

/**
 * Faults while the user signs in again (Salesforce ended the session, the offline copy is kept):
 * the connect fails with a clear code and message, the connection stays "reconnect needed", the
 * offline invoices stay exactly as they were, and once the fault clears Connect and Sync work and
 * the invoices equal the org's.
 */
interface Row {
  name: string;
  fault?: Fault;
  arrange?(world: FaultWorld): Promise<void>;
  /** Empty: the connect still succeeds. */
  codes: string[];
  recover?(world: FaultWorld): Promise<void>;
}

const TOKEN = '/services/oauth2/token';

const rows: Row[] = [
  { name: 'token endpoint answers HTTP 500', fault: { kind: 'http500', count: 1, pathPrefix: TOKEN }, codes: ['NETWORK', 'LOGIN_FAILED'] },
  { name: 'token endpoint answers HTTP 503', fault: { kind: 'http503', count: 1, pathPrefix: TOKEN }, codes: ['NETWORK', 'LOGIN_FAILED'] },
  // Not a row: a token answer dropped mid-body. It fails only after the 60 s request limit (jsforce's
  // transport does not see a body cut off; see SECURITY.md, fault table), too slow for this suite.
  // Salesforce's REST-style 503 (SERVER_UNAVAILABLE) on the identity call: passing, like every other 503.
  { name: 'identity endpoint answers HTTP 503', fault: { kind: 'http503', count: 3, pathPrefix: '/id/' }, codes: ['NETWORK'] },
  { name: 'slow token endpoint (within the time limit)', fault: { kind: 'latency', ms: 1_500, count: 1, pathPrefix: TOKEN }, codes: [] },
  {
    name: 'the org is gone',
    arrange: async (w) => void (await w.org.stop()),
    codes: ['NETWORK', 'LOGIN_FAILED'],
    recover: async (w) => w.replaceOrg(),
  },
];

describe('faults while reconnecting through the whole core', () => {
  const world = new FaultWorld();
  let kept: InvoiceList;

  beforeAll(async () => {
    await world.start();
  });
  afterAll(async () => world.stop());
  beforeEach(async () => {
    world.org.control.clearFaults();
    if ((await world.status()) !== 'connected') await world.expectOk('connections.connect', { id: world.connectionId });
    expect((await world.sync()).ok).toBe(true);
    // Salesforce ends the sign-in: the next sync says so and the user clicks Connect.
    world.org.control.revokeAllTokens();
    expect((await world.sync()).error?.code).toBe('RECONNECT_REQUIRED');
    expect(await world.status()).toBe('reconnect-needed');
    kept = await world.list();
    expect(kept.invoices.length).toBe(world.orgIds().length);
  });

  it.each(rows.map((row) => [row.name, row]))('%s', async (_name, row) => {
    if (row.fault) world.org.control.injectFault(row.fault);
    await row.arrange?.(world);
    const connect = await world.app.call('connections.connect', { id: world.connectionId });
    if (row.codes.length === 0) {
      expect(connect.ok, JSON.stringify(connect.error)).toBe(true);
      expect((await world.sync()).ok).toBe(true);
      expect((await world.list()).invoices.map((invoice) => invoice.id).sort()).toEqual(world.orgIds());
      return;
    }
    expect(connect.ok).toBe(false);
    expect(row.codes).toContain(connect.error!.code);
    expect(connect.error!.message.length).toBeGreaterThan(15);
    expect(connect.error!.message).not.toMatch(/\n\s+at |00D[A-Za-z0-9]{12,15}!|5Aep/);
    expect(await world.status()).toBe('reconnect-needed');
    expect(await world.list()).toEqual(kept);

    world.org.control.clearFaults();
    await row.recover?.(world);
    await world.expectOk('connections.connect', { id: world.connectionId });
    expect(await world.status()).toBe('connected');
    expect((await world.sync()).ok).toBe(true);
    const after = await world.list();
    FaultWorld.expectNoDuplicates(after);
    expect(after.invoices.map((invoice) => invoice.id).sort()).toEqual(world.orgIds());
  });
});
