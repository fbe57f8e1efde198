import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvoiceRow } from '../../../electron/contract';
import { decodeCache, encodeSnapshot, journalRecord, UnreadableCacheError, type CacheTail } from '../../../electron/core/invoices/cache/cache-format';
import { mergeChanges, type Change, type Delta, type Snapshot, type SnapshotMeta } from '../../../electron/core/invoices/snapshot/snapshot';
import { TestSecretBox } from '../../support/test-ports';

const row = (id: string, balance: number, customer = 'Zürich Ärzte GmbH'): InvoiceRow => ({
  id, number: `INV-SECRET-${id}`, customer, invoiceDate: '2026-01-01', dueDate: null, status: 'Posted', total: 100, balance, currency: 'CHF', lastModified: null,
});
const meta = (watermark: number): SnapshotMeta => ({ object: 'Invoice', signature: 'sig', syncedAt: new Date(watermark).toISOString(), watermark });
const base: Snapshot = { ...meta(1_000), rows: [row('a', 1), row('b', 2), row('c', 3)] };

/** A file as the app leaves it: the base, then one journal record per incremental sync. */
async function fileWith(box: TestSecretBox, deltas: { delta: Delta; meta: SnapshotMeta }[]): Promise<{ bytes: Buffer; ends: number[] }> {
  const first = await encodeSnapshot(base, box, 'c1');
  const opened = await decodeCache(first, box, 'c1');
  const tail = opened.tail!;
  const parts = [first];
  const ends = [first.length];
  for (const { delta, meta: m } of deltas) {
    const record = await journalRecord(tail.file, tail.nextSeq++, m, delta);
    parts.push(record);
    ends.push(ends.at(-1)! + record.length);
  }
  return { bytes: Buffer.concat(parts), ends };
}

const first = { delta: { upserts: [row('b', 0), row('d', 4)], deleted: ['a'] }, meta: meta(2_000) };
const second = { delta: { upserts: [row('e', 5)], deleted: [] }, meta: meta(3_000) };
const afterFirst = [row('b', 0), row('c', 3), row('d', 4)];
const afterSecond = [...afterFirst, row('e', 5)];

describe('append-only cache file: base + journal of encrypted change records', () => {
  it('reads the base with every journal record applied; the latest record’s watermark and sync time govern', async () => {
    const box = new TestSecretBox();
    const { bytes, ends } = await fileWith(box, [first, second]);
    const decoded = await decodeCache(bytes, box, 'c1');
    expect(decoded.snapshot).toEqual({ ...meta(3_000), rows: afterSecond });
    expect(decoded.ignoredTail).toBeNull();
    expect(decoded.tail).toMatchObject<Partial<CacheTail>>({ length: ends[2], nextSeq: expect.any(Number), baseRows: 3, journalRecords: 2, journalRows: 4 });
  });

  it('appended records hold no readable invoice data', async () => {
    const box = new TestSecretBox();
    const { bytes } = await fileWith(box, [first, second]);
    for (const text of ['INV-SECRET', 'Zürich', 'Posted', 'CHF', '"b"']) expect(bytes.includes(Buffer.from(text))).toBe(false);
  });

  it('a record cut short by a crash mid-append is ignored: the previous record governs (older watermark → the next sync fetches those changes again)', async () => {
    const box = new TestSecretBox();
    const { bytes, ends } = await fileWith(box, [first, second]);
    for (const cut of [ends[1]! + 1, ends[1]! + 4, ends[1]! + 20, ends[2]! - 1]) {
      const decoded = await decodeCache(bytes.subarray(0, cut), box, 'c1');
      expect(decoded.snapshot).toEqual({ ...meta(2_000), rows: afterFirst });
      expect(decoded.ignoredTail).toMatch(/cut short/);
      // An append goes where the good records end (the torn bytes are cut off first).
      expect(decoded.tail?.length).toBe(ends[1]);
    }
    const onlyBase = await decodeCache(bytes.subarray(0, ends[0]! + 7), box, 'c1');
    expect(onlyBase.snapshot).toEqual(base);
  });

  it('a damaged journal record (any flipped byte) ends the file there: that record and the ones after it are ignored', async () => {
    const box = new TestSecretBox();
    const { bytes, ends } = await fileWith(box, [first, second]);
    for (const [at, expected] of [
      [ends[0]! + 4, base], // the first record's kind
      [ends[0]! + 30, base], // its ciphertext
      [ends[1]! - 1, base], // its tag
      [ends[1]! + 25, { ...meta(2_000), rows: afterFirst }], // the second record
    ] as const) {
      const damaged = Buffer.from(bytes);
      damaged[at]! ^= 0x01;
      const decoded = await decodeCache(damaged, box, 'c1');
      expect(decoded.snapshot, `byte ${at}`).toEqual(expected);
      expect(decoded.ignoredTail).not.toBeNull();
    }
  });

  it('records cannot be swapped or replayed from elsewhere in the file', async () => {
    const box = new TestSecretBox();
    const { bytes, ends } = await fileWith(box, [first, second]);
    const swapped = Buffer.concat([bytes.subarray(0, ends[0]), bytes.subarray(ends[1], ends[2]), bytes.subarray(ends[0], ends[1])]);
    expect((await decodeCache(swapped, box, 'c1')).snapshot).toEqual(base);
    const replayed = Buffer.concat([bytes, bytes.subarray(ends[0], ends[1])]);
    expect((await decodeCache(replayed, box, 'c1')).snapshot).toEqual({ ...meta(3_000), rows: afterSecond });
  });

  it('a damaged or incomplete base makes the whole file unreadable', async () => {
    const box = new TestSecretBox();
    const { bytes, ends } = await fileWith(box, [first]);
    const damaged = Buffer.from(bytes);
    damaged[ends[0]! - 30]! ^= 0x01;
    await expect(decodeCache(damaged, box, 'c1')).rejects.toBeInstanceOf(UnreadableCacheError);
    await expect(decodeCache(bytes.subarray(0, ends[0]! - 1), box, 'c1')).rejects.toBeInstanceOf(UnreadableCacheError);
    await expect(decodeCache(bytes, new TestSecretBox(), 'c1')).rejects.toBeInstanceOf(UnreadableCacheError);
  });

  it('rows in memory after incremental syncs equal the rows read back from the file, in the same order (random syncs)', async () => {
    const box = new TestSecretBox();
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const change = fc.record({ id: fc.constantFrom(...ids), deleted: fc.boolean(), balance: fc.integer({ min: 0, max: 3 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(change, { maxLength: 6 }), { minLength: 1, maxLength: 5 }), async (syncs) => {
        let rows = base.rows;
        const records: { delta: Delta; meta: SnapshotMeta }[] = [];
        // Reference: the rows a full sync would give (membership), kept by a plain Map.
        const model = new Map(base.rows.map((r) => [r.id, r]));
        for (const [i, batch] of syncs.entries()) {
          const changes: Change[] = batch.map((c) => ({ row: row(c.id, c.balance), deleted: c.deleted }));
          const merged = mergeChanges(rows, changes);
          rows = merged.rows;
          records.push({ delta: merged.delta, meta: meta(2_000 + i) });
          for (const c of changes) {
            if (c.deleted) model.delete(c.row.id);
            else model.set(c.row.id, c.row);
          }
        }
        const decoded = await decodeCache((await fileWith(box, records)).bytes, box, 'c1');
        expect(decoded.snapshot.rows).toEqual(rows);
        expect([...rows].sort((x, y) => x.id.localeCompare(y.id))).toEqual([...model.values()].sort((x, y) => x.id.localeCompare(y.id)));
      }),
      { numRuns: 60 },
    );
  });
});
