import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connection, InvoiceRow } from '../../../electron/contract';
import { FIRST_LIST_WINDOW } from '../../../electron/contract/list-window';
import { InvoiceRepository } from '../../../electron/core/invoices/cache/invoice-repository';
import { FIRST_ROWS_GRACE_MS, InvoiceLists, START_GRACE_MS } from '../../../electron/core/invoices/read/invoice-list';
import { firstScreenOf } from '../../../electron/core/invoices/read/ordered-rows';
import type { Snapshot } from '../../../electron/core/invoices/snapshot/snapshot';
import { SettingsService } from '../../../electron/core/settings/settings-service';
import { copyKeyOf, GatedSecretBox } from '../../support/gated-secret-box';
import { createTestStore, ManualClock, MemoryLogger, tempDir, TestSecretBox } from '../../support/test-ports';

/**
 * The first screen beside each offline copy (#19): the app's first rows without decoding the whole copy — the same
 * rows, count and version the copy gives, never those of another copy. Real files, real AES-GCM; the secret box (a
 * port) can hold the opening of a copy's own data key, which is how "before the copy is decoded" is seen without timing.
 */

const DAYS = ['2026-11-30', '2026-11-29', '2026-11-28', '2026-10-01', '2025-12-31', null];
const rowsOf = (count: number, prefix = 'a0'): InvoiceRow[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${String(i).padStart(13, '0')}`,
    number: `INV-${String(count - i).padStart(6, '0')}`,
    customer: `Customer ${i % 37}`,
    invoiceDate: DAYS[i % DAYS.length]!,
    dueDate: null,
    status: ['Posted', 'Draft', 'Cancelled'][i % 3]!,
    total: 100 + i,
    balance: i % 5 === 0 ? 0 : 50 + i,
    currency: i % 4 === 0 ? 'USD' : 'EUR',
    lastModified: null,
  }));
const snapshotOf = (rows: InvoiceRow[], syncedAt = '2026-11-30T10:00:00.000Z'): Snapshot => ({ object: 'Invoice', signature: 'sig', syncedAt, watermark: 1_000, rows });
const connection = (id: string): Connection => ({ id, label: id, loginUrl: 'https://login.salesforce.com', clientId: 'x', hasClientSecret: false, signInMethod: 'window', status: 'connected', sessionOnly: false, lastSyncAt: '2026-11-30T10:00:00.000Z' }) as Connection;

describe('the first screen beside the offline copy', () => {
  const temps: ReturnType<typeof tempDir>[] = [];
  afterEach(() => {
    for (const temp of temps.splice(0)) temp.remove();
  });

  /** The app on a data folder: its repository and lists, as the invoices module wires them. */
  function app(dir: string, box: TestSecretBox) {
    const store = createTestStore(dir);
    const settings = new SettingsService(store);
    const logger = new MemoryLogger();
    const repository = new InvoiceRepository(dir, box, settings, logger, firstScreenOf);
    const lists = new InvoiceLists(repository, store, logger);
    return {
      repository,
      lists,
      logger,
      first: (id: string) => lists.list(id, { offset: 0, limit: FIRST_LIST_WINDOW }),
      /** As the app starts (core.start()): the start-up warm-up of these connections' copies. */
      warmUp: (ids: string[], clock = new ManualClock()) => lists.warmUp(ids.map(connection), clock),
    };
  }
  function setUp() {
    const temp = tempDir();
    temps.push(temp);
    return { dir: temp.dir, box: new GatedSecretBox() };
  }
  const folder = (dir: string) => join(dir, 'invoices');
  const fileOf = (dir: string, ending: string) => join(folder(dir), readdirSync(folder(dir)).find((name) => name.endsWith(ending))!);
  /** A copy written by a sync, its first screen beside it (written after the copy, in the background). */
  async function synced(dir: string, box: TestSecretBox, id: string, snapshot: Snapshot) {
    const writer = app(dir, box);
    await writer.repository.replace(id, snapshot);
    await writer.repository.idle();
    return writer;
  }

  /**
   * The app started on c1's copy with the copy's data key held, and its first window; the page painted it and asks for
   * the next window: the decode then starts and waits for the key, so the window's first rows came from the first screen.
   */
  async function startedWithCopyHeld(dir: string, box: GatedSecretBox) {
    box.hold([copyKeyOf(fileOf(dir, '.cache'))]);
    const cold = app(dir, box);
    void cold.warmUp(['c1']);
    const first = await cold.first('c1');
    const next = cold.lists.list('c1', { offset: FIRST_LIST_WINDOW, limit: 10_000 });
    await expect.poll(() => box.waiting).toBe(1);
    expect(cold.repository.isLoaded('c1')).toBe(false);
    return { cold, first, next };
  }

  it('answers the first window before the copy is decoded, with the rows, count and version the whole copy gives; nothing moves when it arrives', async () => {
    const { dir, box } = setUp();
    const snapshot = snapshotOf(rowsOf(3_000));
    await synced(dir, box, 'c1', snapshot);
    const screenFile = fileOf(dir, '.first');
    // Encrypted like the copy: no invoice number or customer readable.
    const bytes = readFileSync(screenFile);
    for (const text of ['INV-', 'Customer 1', 'Posted']) expect(bytes.includes(Buffer.from(text))).toBe(false);

    const reference = await app(dir, box).lists.list('c1', {});
    const { cold, first, next: asked } = await startedWithCopyHeld(dir, box);
    expect(first.invoices).toEqual(reference.invoices.slice(0, FIRST_LIST_WINDOW));
    expect({ ...first, invoices: undefined }).toEqual({ ...reference, invoices: undefined, offset: 0 });

    box.letGo();
    const next = await asked;
    expect(next.version).toBe(first.version);
    const whole = await cold.lists.list('c1', {});
    expect(whole.invoices.slice(0, FIRST_LIST_WINDOW)).toEqual(first.invoices);
    expect([...first.invoices, ...next.invoices]).toEqual(whole.invoices);
  });

  it('a copy changed by a sync: the first screen follows it, and one kept from before is not used', async () => {
    const { dir, box } = setUp();
    const before = snapshotOf(rowsOf(2_000));
    const writer = await synced(dir, box, 'c1', before);
    const oldScreen = readFileSync(fileOf(dir, '.first'));
    // An incremental sync: newer invoices at the top, one deleted, its journal appended to the copy.
    const upserts = rowsOf(3, 'b0').map((row) => ({ ...row, invoiceDate: '2026-12-01' }));
    const rows = [...before.rows.filter((row) => row.id !== before.rows[1]!.id), ...upserts];
    const after = snapshotOf(rows, '2026-12-01T09:00:00.000Z');
    await writer.repository.applyIncremental('c1', after, { upserts, deleted: [before.rows[1]!.id] });
    await writer.repository.idle();
    const reference = await app(dir, box).lists.list('c1', {});
    expect(reference.invoices.slice(0, 3).map((row) => row.id).sort()).toEqual(upserts.map((row) => row.id).sort());

    const { first, next } = await startedWithCopyHeld(dir, box);
    expect(first.invoices).toEqual(reference.invoices.slice(0, FIRST_LIST_WINDOW));
    expect(first.version).toBe(reference.version);
    box.letGo();
    await next;

    // The first screen of the copy before the sync, put back (a crash between the copy's write and its first screen's):
    // it is not used; the first rows wait for the whole copy and are the copy's.
    writeFileSync(fileOf(dir, '.first'), oldScreen);
    box.hold([copyKeyOf(fileOf(dir, '.cache'))]);
    const stale = app(dir, box);
    const answer = stale.first('c1');
    await expect.poll(() => box.waiting).toBe(1);
    box.letGo();
    const shown = await answer;
    expect(shown.invoices).toEqual(reference.invoices.slice(0, FIRST_LIST_WINDOW));
    expect(shown.total).toBe(reference.total);
    expect(stale.logger.lines.join('\n')).toContain('Not using the first screen beside the offline copy; reading the whole copy');
  });

  it.each([
    ['damaged (one byte changed)', (path: string) => {
      const bytes = readFileSync(path);
      bytes[bytes.length - 40]! ^= 0xff;
      writeFileSync(path, bytes);
    }],
    ['cut short', (path: string) => writeFileSync(path, readFileSync(path).subarray(0, 100))],
    ['not a first screen at all', (path: string) => writeFileSync(path, 'garbage')],
    ['missing', (path: string) => rmSync(path)],
  ])('a first screen %s is ignored: the whole copy answers, with no warning', async (_name, spoil) => {
    const { dir, box } = setUp();
    await synced(dir, box, 'c1', snapshotOf(rowsOf(1_200)));
    const reference = await app(dir, box).lists.list('c1', {});
    spoil(fileOf(dir, '.first'));
    const cold = app(dir, box);
    const first = await cold.first('c1');
    expect(cold.repository.isLoaded('c1')).toBe(true);
    expect(first.invoices).toEqual(reference.invoices.slice(0, FIRST_LIST_WINDOW));
    expect(first.version).toBe(reference.version);
    expect(cold.repository.warnings('c1')).toEqual([]);
  });

  it("a sync's first screen is made once the sync's answer has gone, not before it (the answer does not wait for the ordering)", async () => {
    const { dir, box } = setUp();
    const made: string[] = [];
    const repository = new InvoiceRepository(dir, box, new SettingsService(createTestStore(dir)), new MemoryLogger(), (snapshot) => {
      made.push(snapshot.syncedAt);
      return firstScreenOf(snapshot);
    });
    let answer!: () => void;
    repository.afterAnswer('c1', new Promise<void>((resolve) => (answer = resolve)));
    const snapshot = snapshotOf(rowsOf(2_000));
    await repository.replace('c1', snapshot);
    // The copy is written and in memory; the promise turns after it (where the answer goes) have run: no ordering yet.
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(repository.isLoaded('c1')).toBe(true);
    expect(made).toEqual([]);
    answer();
    await repository.idle();
    expect(made).toEqual([snapshot.syncedAt]);
    const reference = await app(dir, box).lists.list('c1', {});
    box.hold([copyKeyOf(fileOf(dir, '.cache'))]);
    const cold = app(dir, box);
    void cold.warmUp(['c1']);
    const first = await cold.first('c1');
    const next = cold.lists.list('c1', { offset: FIRST_LIST_WINDOW, limit: 10_000 });
    await expect.poll(() => box.waiting).toBe(1);
    expect(first.invoices).toEqual(reference.invoices.slice(0, FIRST_LIST_WINDOW));
    box.letGo();
    await next;
  });

  it("another connection's first screen does not open for this one", async () => {
    const { dir, box } = setUp();
    await synced(dir, box, 'c1', snapshotOf(rowsOf(800)));
    const writer = await synced(dir, box, 'c2', snapshotOf(rowsOf(900, 'c0')));
    const paths = { c1: writer.repository.pathFor('c1').replace(/\.cache$/, '.first'), c2: writer.repository.pathFor('c2').replace(/\.cache$/, '.first') };
    writeFileSync(paths.c1, readFileSync(paths.c2));
    const cold = app(dir, box);
    const first = await cold.first('c1');
    expect(first.total).toBe(800);
    expect(cold.repository.isLoaded('c1')).toBe(true);
  });

  it('nothing is written beside the copy when no copy may be kept on disk', async () => {
    const { dir } = setUp();
    const weak = new TestSecretBox('basic_text');
    const writer = app(dir, weak);
    await writer.repository.replace('c1', snapshotOf(rowsOf(600)));
    await writer.repository.idle();
    expect(existsSync(folder(dir)) ? readdirSync(folder(dir)) : []).toEqual([]);
  });

  it('disconnecting deletes the first screen with the copy', async () => {
    const { dir, box } = setUp();
    const writer = await synced(dir, box, 'c1', snapshotOf(rowsOf(600)));
    expect(readdirSync(folder(dir)).sort().map((name) => name.split('.')[1])).toEqual(['cache', 'first']);
    await writer.repository.forget('c1');
    expect(readdirSync(folder(dir))).toEqual([]);
  });

  /** Three synced copies; the window listed c2 last. Their lists as a fresh app gives them, and their sealed data keys. */
  async function threeCopies(dir: string, box: GatedSecretBox) {
    const ids = ['c1', 'c2', 'c3'];
    for (const [n, id] of ids.entries()) await synced(dir, box, id, snapshotOf(rowsOf(1_000 + n * 100, `${n}0`)));
    const references = [];
    for (const id of ids) references.push(await app(dir, box).lists.list(id, {}));
    const sealed = ids.map((id) => copyKeyOf(app(dir, box).repository.pathFor(id)));
    await app(dir, box).lists.list('c2', { offset: 0, limit: FIRST_LIST_WINDOW });
    return { ids, references, sealed };
  }
  /** Lets every pending read and timer of the event loop run (to see that something did *not* start). */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  it('warm-up at start: every connection answers its first rows from its first screen; the last listed copy is decoded once the window has painted them (it asks for the next window), the others once it is all out', async () => {
    const { dir, box } = setUp();
    const { ids, references, sealed } = await threeCopies(dir, box);
    box.hold(sealed);
    const cold = app(dir, box);
    const warm = cold.warmUp(ids);
    const others = await Promise.all([cold.first('c1'), cold.first('c3')]);
    await settle();
    // The decode of the window's connection (c2) waits for its first rows: it would hold up the window's calls.
    expect(box.waiting).toBe(0);
    const firsts = [others[0]!, await cold.first('c2'), others[1]!];
    for (const [n, first] of firsts.entries()) {
      expect(first.invoices).toEqual(references[n]!.invoices.slice(0, FIRST_LIST_WINDOW));
      expect(first.total).toBe(references[n]!.total);
    }
    // #19: its first rows answered, the decode still waits — the page is painting them (and loading its start-up
    // files from this same thread) —, until the window asks for the next window.
    await settle();
    expect(box.waiting).toBe(0);
    const next = cold.lists.list('c2', { offset: FIRST_LIST_WINDOW, limit: 10_000 });
    // Now c2's copy is read, and only c2's (the others wait until the window has c2's list to its end).
    await expect.poll(() => box.waiting).toBe(1);
    await settle();
    expect(box.waiting).toBe(1);
    box.letGo();
    expect((await next).version).toBe(firsts[1]!.version);
    expect(cold.repository.isLoaded('c2')).toBe(true);
    await warm;
    for (const id of ids) expect(cold.repository.isLoaded(id)).toBe(true);
  });

  it('warm-up when the window does not ask (it opened on something else): the copies are decoded after the grace', async () => {
    const { dir, box } = setUp();
    const { ids, sealed } = await threeCopies(dir, box);
    box.hold(sealed);
    const cold = app(dir, box);
    const clock = new ManualClock();
    const warm = cold.warmUp(ids, clock);
    // The first rows' grace is set once the first screens are read: advanced before that, it would start after the
    // advance and never end (a flake at load ~10, load19, 2026-12-06).
    await expect.poll(() => clock.pendingTimers).toBe(1);
    await settle();
    expect(box.waiting).toBe(0);
    clock.advance(FIRST_ROWS_GRACE_MS);
    await expect.poll(() => box.waiting).toBe(1);
    box.letGo();
    // The grace for the whole list is set once the copy is read.
    await expect.poll(() => clock.pendingTimers).toBe(1);
    clock.advance(START_GRACE_MS);
    await warm;
    for (const id of ids) expect(cold.repository.isLoaded(id)).toBe(true);
  });

  it('warm-up while the window loads the list: the other copies (and the launch syncs after them) wait as long as it asks for windows', async () => {
    const { dir, box } = setUp();
    const { ids, references } = await threeCopies(dir, box);
    const cold = app(dir, box);
    const clock = new ManualClock();
    let warmed = false;
    const warm = cold.warmUp(ids, clock).then(() => (warmed = true));
    await cold.first('c2');
    // The window painted its first rows and asks for the rest of c2's list, a window at a time (a million invoices
    // take longer than the grace): each window asked sets the grace again.
    const windows = 4;
    const size = Math.ceil((references[1]!.total - FIRST_LIST_WINDOW) / windows);
    for (let offset = FIRST_LIST_WINDOW, n = 1; n < windows; offset += size, n++) {
      await cold.lists.listColumns('c2', { offset, limit: size });
      await expect.poll(() => clock.pendingTimers).toBe(1);
      clock.advance(START_GRACE_MS - 1);
      await settle();
      expect(warmed).toBe(false);
      expect(cold.repository.isLoaded('c1')).toBe(false);
    }
    // The last window: the list is out to its end, the rest of the start-up goes on at once.
    await cold.lists.listColumns('c2', { offset: FIRST_LIST_WINDOW + (windows - 1) * size, limit: size });
    await warm;
    for (const id of ids) expect(cold.repository.isLoaded(id)).toBe(true);
  });

  it('warm-up when the window stops asking halfway (it went elsewhere): the rest goes on the grace after its last window', async () => {
    const { dir, box } = setUp();
    const { ids } = await threeCopies(dir, box);
    const cold = app(dir, box);
    const clock = new ManualClock();
    let warmed = false;
    const warm = cold.warmUp(ids, clock).then(() => (warmed = true));
    await cold.first('c2');
    await cold.lists.listColumns('c2', { offset: FIRST_LIST_WINDOW, limit: 10 });
    await expect.poll(() => clock.pendingTimers).toBe(1);
    clock.advance(START_GRACE_MS - 1);
    await settle();
    expect(warmed).toBe(false);
    clock.advance(1);
    await warm;
    for (const id of ids) expect(cold.repository.isLoaded(id)).toBe(true);
  });
});
