import { createCipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { InvoiceRow } from '../../../electron/contract';
import { namespaces } from '../../../electron/contract/i18n/catalogue';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { createMessageSpeaker } from '../../../electron/contract/i18n/spoken-messages';
import { InvoiceCacheStore } from '../../../electron/core/invoices/cache/cache-store';
import { CACHE_COLUMNS_BEFORE_ACCOUNT } from '../../../electron/core/invoices/cache/cache-rows';
import { ROWS_PER_SEGMENT } from '../../../electron/core/invoices/cache/cache-format';
import type { Snapshot } from '../../../electron/core/invoices/snapshot/snapshot';
import { MemoryLogger, tempDir, TestSecretBox } from '../../support/test-ports';
import { deflateCacheFile } from './support/deflate-cache-file';

const row = (id: string, balance: number): InvoiceRow => ({
  id, number: `INV-${id}`, customer: 'Acme', invoiceDate: '2026-01-01', dueDate: null, status: 'Posted', total: 100, balance, currency: 'EUR', lastModified: null,
});
const snapshot: Snapshot = { object: 'Invoice', signature: 'sig', syncedAt: '2026-11-29T12:00:00.000Z', watermark: 1_000, rows: [row('a', 1), row('b', 2)] };

/** A copy as the previous version wrote it ("BDLYINV1": one AES-GCM ciphertext of the deflated JSON). */
async function versionOneFile(box: TestSecretBox, value: Snapshot, tagBytes = 16): Promise<Buffer> {
  const magic = Buffer.from('BDLYINV1', 'ascii');
  const key = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(magic);
  const plain = JSON.stringify({ format: 1, ...value, columns: CACHE_COLUMNS_BEFORE_ACCOUNT, rows: value.rows.map((r) => CACHE_COLUMNS_BEFORE_ACCOUNT.map((c) => r[c])) });
  const body = Buffer.concat([cipher.update(deflateRawSync(Buffer.from(plain))), cipher.final()]);
  const header = Buffer.from(JSON.stringify({ format: 1, key: Buffer.from(await box.seal(key)).toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().subarray(0, tagBytes).toString('base64') }));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([magic, length, header, body]);
}

/**
 * A copy as the append-only format wrote it before the connection was bound ("BDLYINV2", header format 2):
 * records whose additional data is SHA-256(header) + sequence number + kind only. With `boundTo`, as format 3
 * wrote it (until session 4): the same, bound to the connection (+ SHA-256 of "budgetly-cache:" + its id), deflated;
 * with `zstd` too, as format 4 wrote it (until session 11): Zstandard instead of deflate.
 */
async function formatTwoFile(box: TestSecretBox, value: Snapshot, boundTo?: string, zstd = false): Promise<Buffer> {
  const { rows, ...meta } = value;
  return deflateCacheFile(box, boundTo, [
    { kind: 1, payload: rows.map((r) => CACHE_COLUMNS_BEFORE_ACCOUNT.map((c) => r[c])) },
    { kind: 2, payload: { ...meta, columns: CACHE_COLUMNS_BEFORE_ACCOUNT, rows: rows.length } },
  ], zstd);
}

/** The JSON header of a cache file (format, sealed key). */
function headerOf(path: string): Record<string, unknown> {
  const bytes = readFileSync(path);
  return JSON.parse(bytes.subarray(12, 12 + bytes.readUInt32BE(8)).toString()) as Record<string, unknown>;
}

describe('the cache store on disk', () => {
  const temps: ReturnType<typeof tempDir>[] = [];
  const setUp = () => {
    const temp = tempDir();
    temps.push(temp);
    const box = new TestSecretBox();
    const logger = new MemoryLogger();
    return { dir: temp.dir, box, logger, store: () => new InvoiceCacheStore(temp.dir, box, logger) };
  };
  afterEach(() => {
    for (const temp of temps.splice(0)) temp.remove();
  });

  it('opens a copy saved by the previous version (BDLYINV1); the next sync replaces it with the new format', async () => {
    const { box, store } = setUp();
    const first = store();
    mkdirSync(first.pathFor('c1').replace(/[^/]+$/, ''), { recursive: true });
    writeFileSync(first.pathFor('c1'), await versionOneFile(box, snapshot));
    expect(await first.read('c1')).toEqual({ snapshot, warning: null });
    // Nothing to append to in the old format: the incremental sync's snapshot is written whole.
    const next = { ...snapshot, watermark: 2_000, rows: [row('a', 0), row('b', 2)] };
    expect(await first.append('c1', next, { upserts: [row('a', 0)], deleted: [] })).toBe(false);
    await first.write('c1', next);
    expect(readFileSync(first.pathFor('c1')).subarray(0, 8).toString()).toBe('BDLYINV2');
    expect(headerOf(first.pathFor('c1'))).toMatchObject({ format: 5 });
    expect((await store().read('c1')).snapshot).toEqual(next);
  });

  it('opens a copy written before the connection was bound (format 2); the next sync replaces it with a bound file', async () => {
    const { box, store } = setUp();
    const first = store();
    mkdirSync(first.pathFor('c1').replace(/[^/]+$/, ''), { recursive: true });
    writeFileSync(first.pathFor('c1'), await formatTwoFile(box, snapshot));
    expect(await first.read('c1')).toEqual({ snapshot, warning: null });
    const next = { ...snapshot, watermark: 2_000, rows: [row('a', 0), row('b', 2)] };
    expect(await first.append('c1', next, { upserts: [row('a', 0)], deleted: [] })).toBe(false);
    await first.write('c1', next);
    expect(headerOf(first.pathFor('c1'))).toMatchObject({ format: 5 });
    expect((await store().read('c1')).snapshot).toEqual(next);
  });

  it('opens a copy written in deflate (format 3, before zstd) and appends to it in deflate; the next full write is zstd with columns (format 5)', async () => {
    const { box, store } = setUp();
    const first = store();
    mkdirSync(first.pathFor('c1').replace(/[^/]+$/, ''), { recursive: true });
    writeFileSync(first.pathFor('c1'), await formatTwoFile(box, snapshot, 'c1'));
    expect(await first.read('c1')).toEqual({ snapshot, warning: null });
    // An incremental sync appends to the old file: its header (format 3) and codec stay, and it reads back whole.
    const next = { ...snapshot, watermark: 2_000, rows: [row('a', 0), row('b', 2)] };
    expect(await first.append('c1', next, { upserts: [row('a', 0)], deleted: [] })).toBe(true);
    expect(headerOf(first.pathFor('c1'))).toMatchObject({ format: 3 });
    expect(await store().read('c1')).toEqual({ snapshot: next, warning: null });
    const full = { ...next, watermark: 3_000, rows: [row('b', 5)] };
    await first.write('c1', full);
    expect(headerOf(first.pathFor('c1'))).toMatchObject({ format: 5 });
    expect(await store().read('c1')).toEqual({ snapshot: full, warning: null });
  });

  it('opens a copy written by the previous version (format 4: zstd, rows as JSON) and appends to it as it is; the next full write is columns (format 5)', async () => {
    const { box, store } = setUp();
    const first = store();
    mkdirSync(first.pathFor('c1').replace(/[^/]+$/, ''), { recursive: true });
    writeFileSync(first.pathFor('c1'), await formatTwoFile(box, snapshot, 'c1', true));
    expect(headerOf(first.pathFor('c1'))).toMatchObject({ format: 4 });
    expect(await first.read('c1')).toEqual({ snapshot, warning: null });
    const next = { ...snapshot, watermark: 2_000, rows: [row('a', 0), row('b', 2)] };
    expect(await first.append('c1', next, { upserts: [row('a', 0)], deleted: [] })).toBe(true);
    expect(headerOf(first.pathFor('c1'))).toMatchObject({ format: 4 });
    expect(await store().read('c1')).toEqual({ snapshot: next, warning: null });
    const full = { ...next, watermark: 3_000, rows: [row('b', 5), row('c', 6)] };
    await first.write('c1', full);
    expect(headerOf(first.pathFor('c1'))).toMatchObject({ format: 5 });
    expect(await store().read('c1')).toEqual({ snapshot: full, warning: null });
  });

  it('a copy of another connection’s file does not open as this connection’s: deleted with a clear warning, rebuilt by the next sync', async () => {
    const { store } = setUp();
    const cache = store();
    await cache.write('c1', snapshot);
    writeFileSync(cache.pathFor('c2'), readFileSync(cache.pathFor('c1')));
    const read = await store().read('c2');
    expect(read.snapshot).toBeNull();
    expect(read.warning).toMatch(/could not be opened .* was deleted\. Sync to download them again\./);
    // The first connection's own copy still opens.
    expect((await store().read('c1')).snapshot).toEqual(snapshot);
  });

  it('a BDLYINV1 copy whose header carries a shortened tag (forgeable) is refused as damaged, not opened', async () => {
    const { box, store } = setUp();
    const cache = store();
    mkdirSync(cache.pathFor('c1').replace(/[^/]+$/, ''), { recursive: true });
    writeFileSync(cache.pathFor('c1'), await versionOneFile(box, snapshot, 4));
    const read = await cache.read('c1');
    expect(read.snapshot).toBeNull();
    expect(read.warning).toContain('could not be opened (its contents are damaged)');
  });

  it('says why a copy was deleted in the user’s language, the reason too (not an English fragment in a German sentence)', async () => {
    const { store } = setUp();
    const cache = store();
    await cache.write('c1', snapshot);
    writeFileSync(cache.pathFor('c2'), readFileSync(cache.pathFor('c1')));
    writeFileSync(cache.pathFor('c3'), 'not an invoice copy at all');
    const german = createMessageSpeaker(() => createI18n('de').getFixedT('de', namespaces));
    const damaged = german((await store().read('c2')).warning!);
    expect(damaged).toMatch(/^Die Offline-Kopie Ihrer Rechnungen konnte nicht geöffnet werden \((ihr|es) [^()]+\) und wurde gelöscht\./);
    expect(damaged).not.toMatch(/its |contents|cannot be opened|shape/);
    expect(german((await store().read('c3')).warning!)).toBe(
      'Die Offline-Kopie Ihrer Rechnungen konnte nicht geöffnet werden (es ist keine Rechnungskopie von Budgetly) und wurde gelöscht. Synchronisieren Sie, um sie erneut herunterzuladen.',
    );
  });

  it('a full write that fails half-way (cancel, crash) leaves the previous file byte-for-byte and no temp file', async () => {
    const { dir, store } = setUp();
    const cache = store();
    await cache.write('c1', snapshot);
    const before = readFileSync(cache.pathFor('c1'));
    const writer = cache.beginBase('c1');
    writer.add([row('x', 9)]);
    await writer.abort();
    expect(readFileSync(cache.pathFor('c1')).equals(before)).toBe(true);
    expect(readdirSync(`${dir}/invoices`)).toEqual([cache.pathFor('c1').split('/').at(-1)]);
  });

  it('a first screen’s temp file left by a write killed half-way (after a sync answered) is removed when the copy is next opened', async () => {
    const { dir, store } = setUp();
    await store().write('c1', snapshot);
    const cache = store();
    // What the app leaves when it is killed while it writes the first screen beside the copy (a temp of another process).
    const stray = `${cache.firstScreenPathFor('c1')}.partial-1-0123abcd`;
    writeFileSync(stray, 'half a first screen');
    expect((await cache.read('c1')).snapshot?.rows).toHaveLength(2);
    expect(readdirSync(`${dir}/invoices`)).toEqual([cache.pathFor('c1').split('/').at(-1)]);
  });

  it('a full sync’s pages, gathered into segments while it pages, read back whole and in order; a restart mid-way forgets what came before it', async () => {
    const { store } = setUp();
    const cache = store();
    const rows = Array.from({ length: ROWS_PER_SEGMENT * 2 + 777 }, (_, i) => row(`r${i}`, i));
    const pages = (from: InvoiceRow[]) => Array.from({ length: Math.ceil(from.length / 1999) }, (_, p) => from.slice(p * 1999, (p + 1) * 1999));
    const writer = cache.beginBase('c1');
    // The query's cursor expired after a segment and a half had been handed on: the sync starts again from the first page.
    for (const page of pages(rows.slice(0, ROWS_PER_SEGMENT + 5_000).reverse())) writer.add(page);
    writer.restart();
    for (const page of pages(rows)) writer.add(page);
    const whole = { ...snapshot, rows };
    await writer.commit(whole);
    expect(await store().read('c1')).toEqual({ snapshot: whole, warning: null });
  });

  it('a file replaced behind the store’s back is not appended to (the snapshot is written whole instead)', async () => {
    const { store } = setUp();
    const cache = store();
    await cache.write('c1', snapshot);
    writeFileSync(cache.pathFor('c1'), Buffer.alloc(10));
    expect(await cache.append('c1', snapshot, { upserts: [row('c', 3)], deleted: [] })).toBe(false);
  });
});
