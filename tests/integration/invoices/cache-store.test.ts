import { createCipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { InvoiceRow } from '../../../electron/contract';
import { InvoiceCacheStore } from '../../../electron/core/invoices/cache/cache-store';
import { CACHE_COLUMNS } from '../../../electron/core/invoices/cache/cache-rows';
import type { Snapshot } from '../../../electron/core/invoices/snapshot/snapshot';
import { MemoryLogger, tempDir, TestSecretBox } from '../../support/test-ports';

const row = (id: string, balance: number): InvoiceRow => ({
  id, number: `INV-${id}`, customer: 'Acme', invoiceDate: '2026-01-01', dueDate: null, status: 'Posted', total: 100, balance, currency: 'EUR', lastModified: null,
});
const snapshot: Snapshot = { object: 'Invoice', signature: 'sig', syncedAt: '2026-11-29T12:00:00.000Z', watermark: 1_000, rows: [row('a', 1), row('b', 2)] };

/** A copy as the previous version wrote it ("BDLYINV1": one AES-GCM ciphertext of the deflated JSON). */
async function versionOneFile(box: TestSecretBox, value: Snapshot): Promise<Buffer> {
  const magic = Buffer.from('BDLYINV1', 'ascii');
  const key = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(magic);
  const plain = JSON.stringify({ format: 1, ...value, columns: CACHE_COLUMNS, rows: value.rows.map((r) => CACHE_COLUMNS.map((c) => r[c])) });
  const body = Buffer.concat([cipher.update(deflateRawSync(Buffer.from(plain))), cipher.final()]);
  const header = Buffer.from(JSON.stringify({ format: 1, key: Buffer.from(await box.seal(key)).toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') }));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([magic, length, header, body]);
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
    expect((await store().read('c1')).snapshot).toEqual(next);
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

  it('a file replaced behind the store’s back is not appended to (the snapshot is written whole instead)', async () => {
    const { store } = setUp();
    const cache = store();
    await cache.write('c1', snapshot);
    writeFileSync(cache.pathFor('c1'), Buffer.alloc(10));
    expect(await cache.append('c1', snapshot, { upserts: [row('c', 3)], deleted: [] })).toBe(false);
  });
});
