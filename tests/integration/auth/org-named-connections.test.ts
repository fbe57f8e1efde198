import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Connection, Result } from '../../../electron/contract';
import { HttpLoginAgent, startOrg, type RunningOrg } from '../../org';
import { createTestCore, type TestCore } from '../../support/test-core';
import { tempDir } from '../../support/test-ports';

/**
 * A connection the user did not name ("Add connection" with the name left empty) is called after its login host
 * ("127.0.0.1:44295") until it is signed in; then it takes the org's name from Salesforce (Organization.Name). A name
 * someone typed is never replaced — not at sign-in, not at a later one, not when typed while the org's name is on its way.
 */
const ORG_NAME = 'Müller & Söhne GmbH';
let org: RunningOrg;
let core: TestCore | undefined;

beforeAll(async () => {
  org = await startOrg({ invoices: 5, orgName: ORG_NAME });
});
afterAll(async () => org?.stop());
afterEach(async () => {
  await core?.dispose();
  core = undefined;
});

const host = () => new URL(org.url).host;

function start(dataDir?: string) {
  core = createTestCore({ loginAgent: new HttpLoginAgent(), extraLoginOrigins: [org.url], ...(dataDir ? { dataDir } : {}) });
  return core;
}

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const result = (await core!.call(channel, input)) as Result<T>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

const queryCount = () => org.control.counters().requests.query ?? 0;
const labelOf = async (id: string) => (await call<Connection[]>('connections.list')).find((c) => c.id === id)?.label;

/** Waits for the label (the org's name is read just after sign-in, without holding the sign-in up). */
async function expectLabel(id: string, label: string) {
  await expect.poll(() => labelOf(id), { timeout: 10_000, interval: 20 }).toBe(label);
}

describe('a connection nobody named', () => {
  it('is called after its login host, and after the org once signed in (and says so to the renderer)', async () => {
    start();
    const added = await call<Connection>('connections.add', { loginUrl: org.url, clientId: 'budgetly-demo' });
    expect(added.label).toBe(host());
    const connected = await call<Connection>('connections.connect', { id: added.id });
    expect(connected.status).toBe('connected');
    await expectLabel(added.id, ORG_NAME);
    expect(core!.events.of('connections.changed').at(-1)?.find((c) => c.id === added.id)?.label).toBe(ORG_NAME);
    expect(org.control.counters().requests.query ?? 0).toBeGreaterThan(0);
  });

  it('keeps a name the user typed, at sign-in and at every later one', async () => {
    start();
    const added = await call<Connection>('connections.add', { label: 'Receivables EU', loginUrl: org.url, clientId: 'budgetly-demo' });
    const queries = queryCount();
    await call('connections.connect', { id: added.id });
    await call('connections.connect', { id: added.id });
    // A chosen name is kept without asking the org (the decision is made as the sign-in ends).
    expect(queryCount()).toBe(queries);
    expect(await labelOf(added.id)).toBe('Receivables EU');
  });

  it('keeps a name the user typed over the host name before signing in', async () => {
    start();
    const added = await call<Connection>('connections.add', { loginUrl: org.url, clientId: 'budgetly-demo' });
    await call('connections.update', { id: added.id, label: 'Books' });
    const queries = queryCount();
    await call('connections.connect', { id: added.id });
    expect(queryCount()).toBe(queries);
    expect(await labelOf(added.id)).toBe('Books');
  });

  it('renamed by the user after the org named it: the user’s name stays at the next sign-in', async () => {
    start();
    const added = await call<Connection>('connections.add', { loginUrl: org.url, clientId: 'budgetly-demo' });
    await call('connections.connect', { id: added.id });
    await expectLabel(added.id, ORG_NAME);
    await call('connections.update', { id: added.id, label: 'Mine' });
    const queries = queryCount();
    await call('connections.connect', { id: added.id });
    expect(queryCount()).toBe(queries);
    expect(await labelOf(added.id)).toBe('Mine');
    // The org's name is read after the sign-in returns: once a connection signed in later has been named, this
    // sign-in's decision is over too — one query (the other's), and the user's name still stands.
    const later = await call<Connection>('connections.add', { loginUrl: org.url, clientId: 'budgetly-demo' });
    await call('connections.connect', { id: later.id });
    await expectLabel(later.id, ORG_NAME);
    expect(queryCount()).toBe(queries + 1);
    expect(await labelOf(added.id)).toBe('Mine');
  });

  it('saved by an older version with the host as its label: named after the org at the next sign-in', async () => {
    const dir = tempDir();
    onTestFinished(() => dir.remove());
    start(dir.dir);
    const added = await call<Connection>('connections.add', { label: host(), loginUrl: org.url, clientId: 'budgetly-demo' });
    // What an older version stored: the form filled in the host, and there was no record of who chose it.
    const saved = core!.store.get<Record<string, unknown>[]>('connections')!;
    core!.store.set('connections', saved.map(({ labelChosen: _chosen, ...record }) => record));
    await core!.dispose();
    start(dir.dir);
    await call('connections.connect', { id: added.id });
    await expectLabel(added.id, ORG_NAME);
  });

  it('when the org does not tell its name, signs in all the same and keeps the host name', async () => {
    start();
    org.control.injectFault({ kind: 'http500', soqlContains: 'SELECT Name FROM Organization', count: 5 });
    const added = await call<Connection>('connections.add', { loginUrl: org.url, clientId: 'budgetly-demo' });
    const queries = queryCount();
    const connected = await call<Connection>('connections.connect', { id: added.id });
    expect(connected.status).toBe('connected');
    // The org was asked (and failed): the host's name stays, the connection is signed in.
    await expect.poll(queryCount, { timeout: 10_000, interval: 20 }).toBeGreaterThan(queries);
    expect(await labelOf(added.id)).toBe(host());
    expect((await call<Connection[]>('connections.list')).find((c) => c.id === added.id)?.status).toBe('connected');
    // Once the org answers, the next sign-in names it.
    org.control.clearFaults();
    await call('connections.connect', { id: added.id });
    await expectLabel(added.id, ORG_NAME);
  });
});
