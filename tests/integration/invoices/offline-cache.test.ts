import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InvoiceCacheStore } from '../../../electron/core/invoices/cache/cache-store';
import { startOrg, type RunningOrg } from '../../org';
import { MemoryLogger, tempDir, TestSecretBox } from '../../support/test-ports';
import { CONNECTION_ID, startHarness, type Harness } from './support/invoice-harness';
import { loginToOrg, type OrgTokens } from './support/org-login';

const connectionId = CONNECTION_ID;
type ListValue = { invoices: { id: string; number: string; customer: string | null }[]; syncedAt: string | null; warnings: string[] };

describe('the encrypted offline copy', () => {
  let org: RunningOrg;
  let harness: Harness;
  let tokens: OrgTokens;
  const temp = tempDir();
  const box = new TestSecretBox();
  const cacheFile = () => join(temp.dir, 'invoices', readdirSync(join(temp.dir, 'invoices')).find((name) => name.endsWith('.cache'))!);
  const list = async (h: Harness) => (await h.call('invoices.list', { connectionId })).value as ListValue;
  /** The app started again on the same data folder (same OS key), nothing in memory. */
  const restart = () => startHarness(org, temp.dir, { tokens, secretBox: box });

  beforeAll(async () => {
    org = await startOrg({ invoices: 2000, multiCurrency: true });
    tokens = await loginToOrg(org);
    harness = await startHarness(org, temp.dir, { secretBox: box, tokens });
    expect((await harness.call('invoices.sync', { connectionId })).ok).toBe(true);
  });
  afterAll(async () => {
    await harness?.dispose();
    await org?.stop();
    temp.remove();
  });

  it('is encrypted: no invoice number or customer readable in the file, owner-only permissions', async () => {
    const bytes = readFileSync(cacheFile());
    const rows = (await list(harness)).invoices;
    for (const row of rows.slice(0, 50)) {
      for (const text of [row.number, row.customer!]) {
        for (const encoding of ['utf8', 'utf16le'] as const) expect(bytes.includes(Buffer.from(text, encoding))).toBe(false);
      }
    }
    expect(bytes.includes(Buffer.from('INV-'))).toBe(false);
    if (process.platform !== 'win32') expect(statSync(cacheFile()).mode & 0o777).toBe(0o600);
  });

  it('is read from disk once when several callers ask for it at the same time after a restart', async () => {
    const before = await list(harness);
    const fresh = await restart();
    try {
      const opened = vi.spyOn(box, 'open');
      const lists = await Promise.all([list(fresh), list(fresh), list(fresh)]);
      for (const answer of lists) expect(answer).toEqual(before);
      expect(opened).toHaveBeenCalledTimes(1); // one data key opened: one read of the file
      opened.mockRestore();
    } finally {
      await fresh.dispose();
    }
  });

  it('opens after a restart with the org stopped, or the connection needing a reconnect', async () => {
    const before = await list(harness);
    await org.stop();
    try {
      const offline = await restart();
      expect(await list(offline)).toEqual(before);
      const sync = await offline.call('invoices.sync', { connectionId });
      expect(sync.error?.code).toBe('NETWORK');
      expect(await list(offline)).toEqual(before);
      offline.directory.connection = { ...offline.directory.connection!, status: 'reconnect-needed' };
      expect((await list(offline)).invoices).toHaveLength(2000);
      await offline.dispose();
    } finally {
      org = await startOrg({ invoices: 2000, multiCurrency: true, port: Number(new URL(org.url).port) });
      tokens = await loginToOrg(org);
    }
  });

  it('a corrupted file is deleted with a clear warning and rebuilt by the next sync', async () => {
    for (const damage of ['flip', 'truncate', 'garbage'] as const) {
      const path = cacheFile();
      const bytes = readFileSync(path);
      if (damage === 'flip') bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
      writeFileSync(path, damage === 'truncate' ? bytes.subarray(0, bytes.length - 100) : damage === 'garbage' ? Buffer.from('not a cache') : bytes);
      const app = await restart();
      const damaged = await list(app);
      expect(damaged.invoices).toEqual([]);
      expect(damaged.syncedAt).toBeNull();
      expect(damaged.warnings.join(' ')).toMatch(/offline copy of your invoices could not be opened .* deleted\. Sync/);
      expect(existsSync(path)).toBe(false);
      const sync = await app.call('invoices.sync', { connectionId });
      expect(sync.ok, JSON.stringify(sync.error)).toBe(true);
      const rebuilt = await list(app);
      expect(rebuilt.invoices).toHaveLength(2000);
      expect(rebuilt.warnings).toEqual([]);
      await app.dispose();
    }
  });

  it('loaded at start-up (before the window asks), the first list is the same copy; a damaged one is still reported on the list call', async () => {
    const cold = await restart();
    const before = await list(cold);
    await cold.dispose();
    const warm = await restart();
    warm.module.warmUp([warm.directory.connection!]);
    expect(await list(warm)).toEqual(before);
    await warm.dispose();

    writeFileSync(cacheFile(), Buffer.from('not a cache'));
    const damaged = await restart();
    damaged.module.warmUp([damaged.directory.connection!]);
    const result = await list(damaged);
    expect(result.invoices).toEqual([]);
    expect(result.warnings.join(' ')).toMatch(/could not be opened/);
    expect((await damaged.call('invoices.sync', { connectionId })).ok).toBe(true);
    expect((await list(damaged)).invoices).toHaveLength(2000);
    await damaged.dispose();
  });

  it('a cache sealed with another key (other user, other machine) counts as unreadable', async () => {
    const stranger = await startHarness(org, temp.dir, { tokens, secretBox: new TestSecretBox() });
    const result = await list(stranger);
    expect(result.invoices).toEqual([]);
    expect(result.warnings.join(' ')).toMatch(/could not be opened/);
    expect((await stranger.call('invoices.sync', { connectionId })).ok).toBe(true);
    await stranger.dispose();
  });

  it('a writer killed mid-write leaves the previous copy whole', async () => {
    const app = await restart();
    expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
    await app.dispose();
    const store = new InvoiceCacheStore(temp.dir, box, new MemoryLogger());
    const previous = await store.read(connectionId);
    expect(previous.snapshot?.rows.length).toBeGreaterThan(0);
    const folder = join(temp.dir, 'invoices');
    const partial = () => readdirSync(folder).find((name) => name.includes('.partial-') && statSync(join(folder, name), { throwIfNoEntry: false })?.size);
    // The child writes one large copy after another; a kill can land between two writes, so try
    // again until it lands while a temp file is being written (the case this test is about).
    let caughtMidWrite = false;
    for (let attempt = 0; attempt < 5 && !caughtMidWrite; attempt++) {
      const child = spawn('npx', ['tsx', join(import.meta.dirname, 'support/cache-writer-child.ts'), temp.dir, box.keyHex, '80000'], {
        stdio: ['ignore', 'pipe', 'inherit'],
        // Its own process group: the kill must reach the node process under npx, not just npx.
        detached: true,
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const deadline = Date.now() + 60_000;
      while (!partial() && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
      caughtMidWrite = partial() !== undefined;
    }
    expect(caughtMidWrite, 'the child was killed while a temp file was being written').toBe(true);

    const after = await store.read(connectionId);
    expect(after.warning).toBeNull();
    // Either the copy from before or one the child finished: complete either way, never a mix.
    const snapshot = after.snapshot!;
    if (snapshot.signature === 'child') expect(snapshot.rows).toHaveLength(Number(snapshot.object.split(':')[1]));
    else expect(snapshot).toEqual(previous.snapshot);
    expect(partial()).toBeUndefined();
  });

  it('an incremental sync appends to the file after its answer; a kill before the record is on disk, a crash mid-append or a damaged last record loses only that sync, and the next one fetches it again', async () => {
    const app = await restart();
    expect((await app.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
    await app.module.idle();
    const before = readFileSync(cacheFile());
    const listBefore = await list(app);
    const changed = org.control.records('Invoice').slice(0, 30).map((record) => record.Id as string);
    org.control.updateInvoices(changed, { Balance: 0 });
    const incremental = await app.call('invoices.sync', { connectionId, mode: 'incremental' });
    // What a process killed at its answer leaves on disk: the answer does not wait for the journal's record (session 30).
    const atAnswer = readFileSync(cacheFile());
    expect(incremental.value).toMatchObject({ mode: 'incremental' });
    expect(atAnswer.equals(before)).toBe(true);
    await app.module.idle();
    const after = readFileSync(cacheFile());
    // Appended: the file before the sync is, byte for byte, the start of the file after it.
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    const listAfter = await list(app);
    expect(listAfter.invoices.filter((row) => changed.includes(row.id)).every((row) => (row as { balance?: number }).balance === 0)).toBe(true);
    await app.dispose();

    const middle = before.length + Math.floor((after.length - before.length) / 2);
    const flipped = Buffer.from(after);
    flipped[middle]! ^= 0x01;
    for (const damaged of [atAnswer, after.subarray(0, middle), flipped]) {
      writeFileSync(cacheFile(), damaged);
      const reopened = await restart();
      // The copy as of the sync before: complete, no warning (nothing the user must do).
      expect(await list(reopened)).toEqual(listBefore);
      const again = await reopened.call('invoices.sync', { connectionId, mode: 'incremental' });
      expect(again.value).toMatchObject({ mode: 'incremental' });
      expect(again.value.fetched).toBeGreaterThanOrEqual(changed.length);
      expect((await list(reopened)).invoices).toEqual(listAfter.invoices);
      await reopened.dispose();
      // The damaged end was cut off before the new record went in: the file reads whole again.
      const third = await restart();
      expect((await list(third)).invoices).toEqual(listAfter.invoices);
      await third.dispose();
    }
  });

  it('once the journal is large next to the base, the file is rewritten as a new base (fresh key), after the sync has answered', async () => {
    const app = await restart();
    expect((await app.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
    const before = readFileSync(cacheFile());
    // More than 20% of the rows changed: one journal record this large triggers the rewrite.
    org.control.updateInvoices(org.control.records('Invoice').slice(0, 600).map((record) => record.Id as string), { Balance: 1 });
    const incremental = await app.call('invoices.sync', { connectionId, mode: 'incremental' });
    expect(incremental.value).toMatchObject({ mode: 'incremental' });
    const rows = (await list(app)).invoices;
    await app.dispose(); // waits for the background rewrite
    const rewritten = readFileSync(cacheFile());
    expect(rewritten.subarray(0, 64).equals(before.subarray(0, 64))).toBe(false);
    const reopened = await restart();
    expect((await list(reopened)).invoices).toEqual(rows);
    await reopened.dispose();
  });

  it('without OS encryption nothing is written to disk: invoices stay in memory, and the user is told', async () => {
    const dir = tempDir();
    const weak = await startHarness(org, dir.dir, { tokens, secretBox: new TestSecretBox('basic_text') });
    try {
      expect((await weak.call('invoices.sync', { connectionId })).ok).toBe(true);
      const result = await list(weak);
      expect(result.invoices).toHaveLength(2000);
      expect(result.warnings.join(' ')).toMatch(/no secure storage.*kept only until Budgetly closes/);
      expect(existsSync(join(dir.dir, 'invoices')) ? readdirSync(join(dir.dir, 'invoices')) : []).toEqual([]);
    } finally {
      await weak.dispose();
      dir.remove();
    }
  });

  it('disconnecting deletes the offline copy, even while a sync is running', async () => {
    org.control.injectFault({ kind: 'latency', ms: 300, count: 1, pathPrefix: '/services/data/v67.0/query' });
    const app = await restart();
    const running = app.call('invoices.sync', { connectionId, mode: 'full' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const path = cacheFile();
    await app.directory.forget(connectionId);
    expect((await running).error?.code).toBe('CANCELLED');
    expect(existsSync(path)).toBe(false);
    const after = await list(app);
    expect(after.invoices).toEqual([]);
    expect((await app.call('invoices.mapping.get', { connectionId })).value).toBeNull();
    await app.dispose();
  });
});
