import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection, Result } from '../../../electron/contract';
import { ConnectionRecords } from '../../../electron/core/connections/connection-records';
import { HttpLoginAgent, startOrg, type RunningOrg } from '../../org';
import { createTestCore, type TestCore } from '../../support/test-core';
import { createTestStore, tempDir } from '../../support/test-ports';

/**
 * A sync answers before the connection's last sync is written to the connections file (the store's whole file, written
 * synchronously with an fsync: it was on every sync's answer path, BENCHMARKS session 26, inc26). Through the real core
 * and the local org: the answer's outcome is in `connections.list` at once, the file written once after the answer,
 * and the app started again (a fresh store of the same folder) reads it — after a sync and after the app quit at once.
 */
let org: RunningOrg;
let app: TestCore | undefined;

beforeAll(async () => {
  org = await startOrg({ invoices: 300 });
});
afterAll(async () => {
  await app?.dispose();
  await org?.stop();
});

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const result = (await app!.call(channel, input)) as Result<T>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

const savedLastSync = (dataDir: string, id: string) => new ConnectionRecords(createTestStore(dataDir)).get(id)?.lastSyncAt;

describe('a sync’s outcome on the connection', () => {
  it('is answered at once and written after the answer, once per sync', async () => {
    app = createTestCore({ loginAgent: new HttpLoginAgent(), extraLoginOrigins: [org.url] });
    const { id } = await call<Connection>('connections.add', { label: 'Local org', loginUrl: org.url, clientId: 'budgetly-demo' });
    await call('connections.connect', { id });
    // Each write of the connections key, and whether the sync had answered by then.
    let answered = false;
    const writes: boolean[] = [];
    const set = app.store.set;
    app.store.set = (key, value) => {
      if (key === 'connections') writes.push(answered);
      set(key, value);
    };
    for (const mode of ['full', 'incremental'] as const) {
      answered = false;
      writes.length = 0;
      const sync = await call<{ syncedAt: string; mode: string }>('invoices.sync', { connectionId: id, mode }).then((value) => ((answered = true), value));
      expect(sync.mode).toBe(mode);
      const listed = await call<Connection[]>('connections.list');
      expect(listed.find((connection) => connection.id === id)?.lastSyncAt).toBe(sync.syncedAt);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(writes, mode).toEqual([true]);
      expect(savedLastSync(app.dataDir, id)).toBe(sync.syncedAt);
    }
  });

  it('is written when the app quits right after the answer', async () => {
    await app?.dispose();
    const temp = tempDir();
    app = createTestCore({ dataDir: temp.dir, loginAgent: new HttpLoginAgent(), extraLoginOrigins: [org.url] });
    const { id } = await call<Connection>('connections.add', { label: 'Local org', loginUrl: org.url, clientId: 'budgetly-demo' });
    await call('connections.connect', { id });
    const sync = await call<{ syncedAt: string }>('invoices.sync', { connectionId: id, mode: 'full' });
    try {
      await app.dispose();
      app = undefined;
      expect(savedLastSync(temp.dir, id)).toBe(sync.syncedAt);
    } finally {
      temp.remove();
    }
  });
});
