import { describe, expect, it } from 'vitest';
import { decodeCache, encodeSnapshot, UnreadableCacheError } from '../../../electron/core/invoices/cache/cache-format';
import type { Snapshot } from '../../../electron/core/invoices/snapshot/snapshot';
import { TestSecretBox } from '../../support/test-ports';

const decodeSnapshot = async (bytes: Buffer, box: TestSecretBox, connectionId: string) => (await decodeCache(bytes, box, connectionId)).snapshot;

const snapshot: Snapshot = {
  object: 'Invoice',
  signature: '{"object":"Invoice"}',
  syncedAt: '2026-11-29T12:00:00.000Z',
  watermark: 1795000000000,
  rows: [
    { id: '3tt1', number: 'INV-SECRET-0001', customer: 'Zürich Ärzte GmbH', invoiceDate: '2026-01-01', dueDate: null, status: 'Posted', total: 100.5, balance: -2, currency: 'CHF', lastModified: '2026-11-29T11:00:00.000Z' },
    { id: '3tt2', number: 'INV-SECRET-0002', customer: null, invoiceDate: null, dueDate: '2026-02-01', status: null, total: null, balance: null, currency: 'JPY', lastModified: null },
  ],
};

describe('cache file format', () => {
  it('round-trips a snapshot exactly', async () => {
    const box = new TestSecretBox();
    expect(await decodeSnapshot(await encodeSnapshot(snapshot, box, 'c1'), box, 'c1')).toEqual(snapshot);
  });

  it('keeps the span of the sync that set the watermark (review19); a copy without one, or one of another shape, reads back without it', async () => {
    const box = new TestSecretBox();
    const spanOfCopy = async (spanMs: unknown) => (await decodeSnapshot(await encodeSnapshot({ ...snapshot, spanMs } as Snapshot, box, 'c1'), box, 'c1'))!.spanMs;
    expect(await spanOfCopy(754_321)).toBe(754_321);
    expect(await spanOfCopy(0)).toBe(0);
    for (const junk of [undefined, -1, '754321', null]) expect(await spanOfCopy(junk)).toBeUndefined();
  });

  it('writes zstd with the rows as columns (format 5); the deflate writer (format 3, for a runtime without zstd) round-trips too', async () => {
    const box = new TestSecretBox();
    const headerOf = (bytes: Buffer) => JSON.parse(bytes.subarray(12, 12 + bytes.readUInt32BE(8)).toString()) as { format: number };
    const zstd = await encodeSnapshot(snapshot, box, 'c1');
    const deflate = await encodeSnapshot(snapshot, box, 'c1', 'deflate');
    expect([headerOf(zstd).format, headerOf(deflate).format]).toEqual([5, 3]);
    expect(await decodeSnapshot(deflate, box, 'c1')).toEqual(snapshot);
  });

  it('holds no readable invoice data and a fresh key each write', async () => {
    const box = new TestSecretBox();
    const first = await encodeSnapshot(snapshot, box, 'c1');
    const second = await encodeSnapshot(snapshot, box, 'c1');
    for (const text of ['INV-SECRET', 'Zürich', 'Posted', 'CHF']) expect(first.includes(Buffer.from(text))).toBe(false);
    expect(first.equals(second)).toBe(false);
  });

  it('rejects any changed byte, a truncated file, another key and foreign files as unreadable', async () => {
    const box = new TestSecretBox();
    const bytes = await encodeSnapshot(snapshot, box, 'c1');
    for (const index of [0, 10, bytes.length - 40, bytes.length - 1]) {
      const damaged = Buffer.from(bytes);
      damaged[index]! ^= 0x01;
      await expect(decodeSnapshot(damaged, box, 'c1')).rejects.toBeInstanceOf(UnreadableCacheError);
    }
    await expect(decodeSnapshot(bytes.subarray(0, bytes.length - 1), box, 'c1')).rejects.toBeInstanceOf(UnreadableCacheError);
    await expect(decodeSnapshot(bytes, new TestSecretBox(), 'c1')).rejects.toBeInstanceOf(UnreadableCacheError);
    await expect(decodeSnapshot(Buffer.from('{"rows":[]}'), box, 'c1')).rejects.toBeInstanceOf(UnreadableCacheError);
  });
});
