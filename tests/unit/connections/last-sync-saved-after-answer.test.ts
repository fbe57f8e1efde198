import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KeyValueStore } from '../../../electron/core/ports';
import { ConnectionRecords, type ConnectionRecord } from '../../../electron/core/connections/connection-records';
import { createTestStore, MemoryLogger, tempDir } from '../../support/test-ports';

/**
 * A sync's outcome (its time, duration, API version) is saved after the sync has answered: the connections file is the
 * whole store, written synchronously with an fsync (conf), and that was on the incremental sync's answer path (BENCHMARKS,
 * inc25/inc26). Over the real store in a temp folder: nothing written before the turn ends, one write for outcomes of one
 * turn with the later one kept, a failed or torn write leaves the previous file readable and is logged, never thrown.
 */
const record: ConnectionRecord = { id: 'c1', label: 'Acme', loginUrl: 'https://login.salesforce.com', clientId: 'budgetly', hasClientSecret: false, signInMethod: 'window', status: 'connected' };
/** A timer of the next turn of the event loop: after this turn's setImmediate callbacks (and their promise turns). */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function counting(dir: string, refuse = false) {
  const real = createTestStore(dir);
  const store = {
    writes: 0,
    get: real.get,
    set(key: string, value: unknown) {
      store.writes++;
      if (refuse) {
        // A write that dies half-way: part of the new file in a temp file beside the store, then the error.
        writeFileSync(join(dir, 'settings.json.tmp-torn'), JSON.stringify({ connections: value }).slice(0, 40));
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      }
      real.set(key, value);
    },
    delete: real.delete,
  };
  return { real, store: store as KeyValueStore & { writes: number } };
}

/** Runs `test` over a temp folder, removed after. */
async function inTemp(test: (dir: string) => Promise<void>): Promise<void> {
  const temp = tempDir();
  try {
    await test(temp.dir);
  } finally {
    temp.remove();
  }
}

describe('a connection’s last sync, saved after the answer', () => {
  it('writes once after the turn, with the later of two outcomes; the app started again reads it', () =>
    inTemp(async (dir) => {
      const { real, store } = counting(dir);
      const records = new ConnectionRecords(store, new MemoryLogger());
      records.add(record);
      expect(store.writes).toBe(1);
      records.updateSoon('c1', { lastSyncAt: '2026-12-06T21:00:00.000Z', lastSyncDurationMs: 60 });
      records.updateSoon('c1', { lastSyncAt: '2026-12-06T21:00:05.000Z', lastSyncDurationMs: 58 });
      // Answered from memory at once; the file not yet written.
      expect(records.get('c1')).toMatchObject({ lastSyncAt: '2026-12-06T21:00:05.000Z', lastSyncDurationMs: 58 });
      expect(store.writes).toBe(1);
      expect(new ConnectionRecords(real).get('c1')?.lastSyncAt).toBeUndefined();
      await nextTurn();
      expect(store.writes).toBe(2);
      expect(new ConnectionRecords(real).get('c1')).toMatchObject({ lastSyncAt: '2026-12-06T21:00:05.000Z', lastSyncDurationMs: 58 });
      await nextTurn();
      expect(store.writes).toBe(2);
    }));

  it('waits for the answer it is given, however many turns that takes', () =>
    inTemp(async (dir) => {
      const { real, store } = counting(dir);
      const records = new ConnectionRecords(store, new MemoryLogger());
      records.add(record);
      let answer!: () => void;
      const answered = new Promise<void>((resolve) => (answer = resolve));
      records.updateSoon('c1', { lastSyncAt: '2026-12-06T21:00:00.000Z' }, answered);
      for (let i = 0; i < 5; i++) await nextTurn();
      expect(store.writes).toBe(1);
      answer();
      await nextTurn();
      expect(store.writes).toBe(2);
      expect(new ConnectionRecords(real).get('c1')?.lastSyncAt).toBe('2026-12-06T21:00:00.000Z');
    }));

  it('a change written at once (a rename) carries the pending outcome; flush() writes one still waiting (quit)', () =>
    inTemp(async (dir) => {
      const { real, store } = counting(dir);
      const records = new ConnectionRecords(store, new MemoryLogger());
      records.add(record);
      records.updateSoon('c1', { lastSyncAt: '2026-12-06T21:00:00.000Z' });
      records.update('c1', { label: 'Acme Ltd' });
      expect(new ConnectionRecords(real).get('c1')).toMatchObject({ label: 'Acme Ltd', lastSyncAt: '2026-12-06T21:00:00.000Z' });
      await nextTurn();
      expect(store.writes).toBe(2);
      records.updateSoon('c1', { lastSyncAt: '2026-12-06T21:01:00.000Z' });
      records.flush();
      expect(new ConnectionRecords(real).get('c1')?.lastSyncAt).toBe('2026-12-06T21:01:00.000Z');
      await nextTurn();
      expect(store.writes).toBe(3);
    }));

  it('a write that fails half-way leaves the previous file readable, is logged, and the next one writes the latest', () =>
    inTemp(async (dir) => {
      const { real } = counting(dir);
      new ConnectionRecords(real).add({ ...record, lastSyncAt: '2026-12-06T20:00:00.000Z' });
      const logger = new MemoryLogger();
      const failing = counting(dir, true);
      const records = new ConnectionRecords(failing.store, logger);
      expect(() => records.updateSoon('c1', { lastSyncAt: '2026-12-06T21:00:00.000Z' })).not.toThrow();
      await nextTurn();
      expect(failing.store.writes).toBe(1);
      expect(readdirSync(dir)).toContain('settings.json.tmp-torn');
      expect(new ConnectionRecords(real).get('c1')).toMatchObject({ label: 'Acme', lastSyncAt: '2026-12-06T20:00:00.000Z' });
      expect(logger.lines.join('\n')).toMatch(/warn Could not save .*ENOSPC/);
      // Still the latest in memory; a later write (here a working store's) saves it.
      expect(records.get('c1')?.lastSyncAt).toBe('2026-12-06T21:00:00.000Z');
      const working = new ConnectionRecords(real, logger);
      working.updateSoon('c1', { lastSyncAt: '2026-12-06T21:02:00.000Z' });
      await nextTurn();
      expect(new ConnectionRecords(real).get('c1')?.lastSyncAt).toBe('2026-12-06T21:02:00.000Z');
    }));
});
