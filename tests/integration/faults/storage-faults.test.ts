import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, tempDir } from '../../support/test-ports';
import { FaultWorld, type InvoiceList } from './support/fault-world';
import { TinyDisk } from './support/tiny-disk';

/**
 * The disk refuses while the offline copy is being written (full, or read-only), and a process
 * is killed while writing the settings. The writer killed while writing the offline copy is
 * tests/integration/invoices/offline-cache.test.ts ("a writer killed mid-write leaves the previous copy whole").
 */
const canMount = TinyDisk.available();
if (!canMount) console.warn('storage-faults: cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN): the disk rows are SKIPPED.');

describe.skipIf(!canMount)('the disk refuses the offline copy', () => {
  const world = new FaultWorld();
  let disk: TinyDisk;
  let kept: InvoiceList;
  let keptFile: Buffer;
  const cacheFile = () => join(disk.path, readdirSync(disk.path).find((name) => name.endsWith('.cache'))!);

  beforeAll(async () => {
    await world.start();
    disk = new TinyDisk(join(world.temp.dir, 'invoices'));
    disk.mount(8 * 1024 * 1024);
    expect((await world.sync()).ok).toBe(true);
  });
  afterAll(async () => {
    await world.app?.core.dispose();
    disk?.unmount();
    await world.stop();
  });

  const expectRefusedThenRecovered = async (fault: () => void, clear: () => void) => {
    kept = await world.list();
    keptFile = readFileSync(cacheFile());
    world.org.control.createInvoices(3, 'Invoice');
    fault();
    const sync = await world.sync('full');
    expect(sync.error).toMatchObject({ code: 'STORAGE', message: expect.stringMatching(/could not be saved for offline use/) });
    expect(await world.list()).toEqual(kept);
    expect(readFileSync(cacheFile()).equals(keptFile)).toBe(true);
    expect(readdirSync(disk.path).filter((name) => name.includes('.partial-'))).toEqual([]);
    clear();
    expect((await world.sync('full')).ok).toBe(true);
    const after = await world.list();
    FaultWorld.expectNoDuplicates(after);
    expect(after.invoices.map((invoice) => invoice.id).sort()).toEqual(world.orgIds());
  };

  it('disk full: STORAGE with a clear message, the previous copy untouched, then saved once there is room', async () => {
    await expectRefusedThenRecovered(
      () => disk.fill(),
      () => disk.unfill(),
    );
  });

  it('disk read-only: the same', async () => {
    await expectRefusedThenRecovered(
      () => disk.readOnly(true),
      () => disk.readOnly(false),
    );
  });

  it('after a restart the offline copy opens as the last saved one', async () => {
    const before = await world.list();
    await world.restart();
    expect(await world.list()).toEqual(before);
  });

  // An incremental answers before its journal record is written (inc30, session 30). A write the full disk cuts off after
  // the file was opened must make the store forget where the file ends: the next sync then writes the whole copy, not its
  // own record after the one that never landed — else a restart loses the first sync's changes for good (the second
  // record's watermark is past them). review30: without that `forgetTail` every other test passed; this one fails.
  it('an incremental record cut off by the full disk after the answer: the next sync saves both syncs’ changes', async () => {
    const ids = world.orgIds();
    // Enough changed rows that the record does not fit in what the filled disk leaves.
    world.org.control.updateInvoices(ids.slice(0, 600), { Balance: 3 });
    disk.fill();
    expect((await world.sync('incremental')).ok).toBe(true);
    expect((await world.list()).warnings.join(' ')).toMatch(/could not be saved for offline use/);
    disk.unfill();
    world.org.control.updateInvoices(ids.slice(1000, 1010), { Balance: 5 });
    expect((await world.sync('incremental')).ok).toBe(true);
    expect((await world.list()).warnings).toEqual([]);
    await world.restart();
    const balances = new Map((await world.list()).invoices.map((row) => [row.id, row.balance]));
    for (const id of ids.slice(0, 600)) expect(balances.get(id), id).toBe(3);
    for (const id of ids.slice(1000, 1010)) expect(balances.get(id), id).toBe(5);
  });
});

describe('a process killed while writing the settings', () => {
  const temp = tempDir('budgetly-settings-kill-');
  afterAll(() => temp.remove());

  it('leaves a whole version: the previous or the new one, never a torn file; its temp file is removed when the store opens', async () => {
    const leftTemps = () => readdirSync(temp.dir).filter((name) => name.startsWith('settings.json.tmp-'));
    let left = 0;
    for (let attempt = 0; attempt < 4; attempt++) {
      const child = spawn('npx', ['tsx', join(import.meta.dirname, 'support/settings-writer-child.ts'), temp.dir], {
        stdio: ['ignore', 'pipe', 'inherit'],
        detached: true,
      });
      let written = 0;
      child.stdout!.on('data', (chunk: Buffer) => (written += chunk.toString().split('wrote').length - 1));
      const target = 3 + attempt * 2;
      const deadline = Date.now() + 60_000;
      while (written < target && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(written, 'the child wrote its versions').toBeGreaterThanOrEqual(target);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, 'SIGKILL');
      await exited;

      const file = join(temp.dir, 'settings.json');
      expect(() => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow();
      left += leftTemps().length;
      const settings = createTestStore(temp.dir).get<{ round: number; padding: string }>('settings')!;
      // The killed write's temp file (it holds what the store holds) is gone once the store has opened again.
      expect(leftTemps()).toEqual([]);
      expect(settings.round).toBeGreaterThanOrEqual(written);
      expect(settings.padding).toBe(String(settings.round % 10).repeat(400_000));
    }
    console.info(`settings kill: ${left} temp file(s) left by 4 kills, removed when the store opened`);
  });

  // conf writes `<file>.tmp-<10 digits><6 hex>` and renames it: a kill between leaves it (review30: 3 of 37 kills right after
  // an incremental's answer). Only the store's own temps go (electron/main/store-over-conf.ts), the settings unchanged.
  it('a temp file a killed write left beside the store is removed when the store opens; nothing else is', () => {
    const dir = tempDir('budgetly-settings-temps-');
    try {
      createTestStore(dir.dir).set('settings', { theme: 'dark', round: 7 });
      const stale = ['settings.json.tmp-1765100000a1b2c3', 'settings.json.tmp-0000000000ffffff'];
      const others = ['other.json.tmp-1765100000a1b2c3', 'settings.json.tmp-notconfs', 'settings.json.tmp-1765100000a1b2c3.bak', 'settings.json.partial-1-00ff00ff'];
      for (const name of [...stale, ...others]) writeFileSync(join(dir.dir, name), '{"settings":{"theme":"light","round":6}}');
      const before = readFileSync(join(dir.dir, 'settings.json'));
      const store = createTestStore(dir.dir);
      expect(readdirSync(dir.dir).sort()).toEqual([...others, 'settings.json'].sort());
      expect(store.get('settings')).toEqual({ theme: 'dark', round: 7 });
      expect(readFileSync(join(dir.dir, 'settings.json')).equals(before)).toBe(true);
    } finally {
      dir.remove();
    }
  });
});

describe.skipIf(!canMount)('the disk refuses the settings and the sign-in', () => {
  const world = new FaultWorld();
  let disk: TinyDisk;

  beforeAll(async () => {
    // The whole data folder on a small disk, before the app first writes to it.
    disk = new TinyDisk(world.temp.dir);
    disk.mount(16 * 1024 * 1024);
    await world.start();
    expect((await world.sync()).ok).toBe(true);
  });
  afterAll(async () => {
    await world.app?.core.dispose();
    disk?.unmount();
    await world.stop();
  });

  /** Runs `body` with the data folder read-only, and makes it writable again whatever happens. */
  const whileReadOnly = async (body: () => Promise<void>) => {
    disk.readOnly(true);
    try {
      await body();
    } finally {
      disk.readOnly(false);
    }
  };

  // A refused write is STORAGE with a disk message, not INTERNAL (settings-service.ts).
  it('settings: a clear STORAGE error, the previous settings kept, saved once there is room', async () => {
    await world.expectOk('settings.set', { theme: 'dark' });
    await whileReadOnly(async () => {
      const refused = await world.app.call('settings.set', { theme: 'light' });
      expect(refused.error?.code).toBe('STORAGE');
      expect(refused.error?.message.length).toBeGreaterThan(15);
      expect(await world.expectOk('settings.get')).toMatchObject({ theme: 'dark' });
    });
    await world.expectOk('settings.set', { theme: 'light' });
    await world.restart();
    expect(await world.expectOk('settings.get')).toMatchObject({ theme: 'light' });
  });

  // The vault keeps a sign-in it cannot seal in memory; the connection records' write reports STORAGE.
  it('signing in again: a clear error, the offline invoices still readable, connects once there is room', async () => {
    const kept = await world.list();
    world.org.control.revokeAllTokens();
    expect((await world.sync()).error?.code).toBe('RECONNECT_REQUIRED');
    await whileReadOnly(async () => {
      const connect = await world.app.call('connections.connect', { id: world.connectionId });
      expect(connect.error?.code).toBe('STORAGE');
      expect(connect.error?.message).toMatch(/disk/);
      expect((await world.list()).invoices).toEqual(kept.invoices);
    });
    await world.expectOk('connections.connect', { id: world.connectionId });
    expect((await world.sync()).ok).toBe(true);
    expect((await world.list()).invoices.map((invoice) => invoice.id).sort()).toEqual(world.orgIds());
  });
});
