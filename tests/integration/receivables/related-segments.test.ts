import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { InvoiceRow } from '../../../electron/contract';
import { CACHE_COLUMNS } from '../../../electron/core/invoices/cache/cache-rows';
import { RecordKind, ROWS_PER_SEGMENT } from '../../../electron/core/invoices/cache/cache-format';
import { InvoiceCacheStore } from '../../../electron/core/invoices/cache/cache-store';
import type { RelatedCopy, RelatedObjectCopy, RelatedRecord } from '../../../electron/core/invoices/related/related-copy';
import type { Snapshot } from '../../../electron/core/invoices/snapshot/snapshot';
import { MemoryLogger, tempDir, TestSecretBox } from '../../support/test-ports';
import { deflateCacheFile } from '../invoices/support/deflate-cache-file';

/**
 * The related copy in the encrypted file: each object's records in segments of cells (kind 5), written as each
 * related query completes, and a head (kind 4) that counts them (cache-related.ts).
 */
const row = (i: number): InvoiceRow => ({
  id: `I${i}`, number: `INV-${i}`, customer: 'Acme', invoiceDate: '2026-01-01', dueDate: null, status: 'Posted', total: 100, balance: i % 7, currency: 'EUR', lastModified: null,
});
const payment = (i: number): RelatedRecord => ({ id: `P${i}`, number: `PAY-${i}`, account: 'A1', accountName: i % 3 ? 'Acme' : null, amount: 10 + i / 100, date: '2026-02-01', status: 'Processed', method: 'Sale', currency: 'EUR' });
const application = (i: number): RelatedRecord => ({ id: `L${i}`, source: `P${i}`, invoice: `I${i % 500}`, amount: 10, type: i % 11 ? 'Applied' : 'Unapplied', date: null, created: '2026-02-01T10:00:00.000+0000', currency: 'EUR' });
const object = (role: RelatedObjectCopy['role'], name: string, records: RelatedRecord[], watermark: number | null = 5): RelatedObjectCopy => ({ role, object: name, signature: `sig-${name}`, watermark, records });

const rows = Array.from({ length: 1_234 }, (_, i) => row(i));
const related: RelatedCopy = {
  objects: [
    object('payment', 'Payment', Array.from({ length: ROWS_PER_SEGMENT + 321 }, (_, i) => payment(i))),
    object('paymentApplication', 'PaymentLineInvoice', Array.from({ length: 2_000 }, (_, i) => application(i))),
    object('creditNote', 'CreditMemo', [], null),
    object('currency', 'CurrencyType', [{ id: 'C1', iso: 'EUR', rate: 1, decimals: 2, active: true, corporate: true }]),
  ],
  warnings: ['Credit memo applications are hidden from you.'],
  none: null,
  ratesUnreadable: true,
};
const snapshot: Snapshot = { object: 'Invoice', signature: 'sig', syncedAt: '2026-12-04T12:00:00.000Z', watermark: 1_000, rows, related };

/** The file's records: offset, length and kind of each, after the header. */
function recordsOf(bytes: Buffer): { offset: number; length: number; kind: number }[] {
  const out = [];
  for (let offset = 12 + bytes.readUInt32BE(8); offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    out.push({ offset, length, kind: bytes.readUInt8(offset + 4) });
    offset += 4 + length;
  }
  return out;
}

/** A file as the app wrote it before the segments (format 3, deflate): the related copy whole in one kind-4 record. */
async function wholeRelatedFile(box: TestSecretBox, connectionId: string, value: Snapshot): Promise<Buffer> {
  const { rows: all, related: copy, ...meta } = value;
  const whole = { ...copy!, objects: copy!.objects.map(({ records, ...o }) => ({ ...o, replace: true, upserts: records, deleted: [] })) };
  return deflateCacheFile(box, connectionId, [
    { kind: RecordKind.baseRows, payload: all.map((r) => CACHE_COLUMNS.map((c) => r[c])) },
    { kind: RecordKind.related, payload: whole },
    { kind: RecordKind.baseEnd, payload: { ...meta, columns: CACHE_COLUMNS, rows: all.length, related: true } },
  ]);
}

describe('the related records in the offline copy, in segments', () => {
  const temps: ReturnType<typeof tempDir>[] = [];
  const setUp = () => {
    const temp = tempDir();
    temps.push(temp);
    const box = new TestSecretBox();
    return { box, store: () => new InvoiceCacheStore(temp.dir, box, new MemoryLogger()) };
  };
  afterEach(() => {
    for (const temp of temps.splice(0)) temp.remove();
  });

  it('a full sync hands each related object over as its query completes; the file reads back to the same copy, records as cells under their keys', async () => {
    const { store } = setUp();
    const cache = store();
    const writer = cache.beginBase('c1');
    writer.add(rows.slice(0, 600));
    writer.object({ ...related.objects[1]!, upserts: related.objects[1]!.records });
    writer.add(rows.slice(600));
    writer.object({ ...related.objects[0]!, upserts: related.objects[0]!.records });
    // The other two (not handed over, as after a compaction) are written at commit.
    await writer.commit(snapshot);
    const bytes = readFileSync(cache.pathFor('c1'));
    const kinds = recordsOf(bytes).map((r) => r.kind);
    // Payments in two segments (one of ROWS_PER_SEGMENT), applications and the currency in one each, the empty object in none.
    expect(kinds.filter((k) => k === RecordKind.relatedRows)).toHaveLength(4);
    expect(kinds.slice(-2)).toEqual([RecordKind.related, RecordKind.baseEnd]);
    expect(await store().read('c1')).toEqual({ snapshot, warning: null });
  });

  it('the invoices’ query starting over (cursor expired) after a related object was written: the object is written again, once', async () => {
    const { store } = setUp();
    const cache = store();
    const writer = cache.beginBase('c1');
    writer.add(rows.slice(0, 700));
    writer.object({ ...related.objects[0]!, upserts: related.objects[0]!.records });
    writer.restart();
    writer.add(rows);
    for (const o of related.objects.slice(1)) writer.object({ ...o, upserts: o.records });
    await writer.commit(snapshot);
    expect(await store().read('c1')).toEqual({ snapshot, warning: null });
  });

  it('a compaction (the whole snapshot written at once) and a later journal record read back alike', async () => {
    const { store } = setUp();
    const cache = store();
    await cache.write('c1', snapshot);
    const changed: RelatedRecord = { ...payment(3), amount: 99 };
    const delta = {
      upserts: [], deleted: [],
      related: {
        ...related,
        objects: related.objects.map(({ role, object: name, signature, watermark }, i) => ({
          role, object: name, signature, watermark, replace: false, upserts: i === 0 ? [changed] : [], deleted: i === 1 ? ['L7'] : [],
        })),
      },
    };
    expect(await cache.append('c1', snapshot, delta)).toBe(true);
    const read = (await store().read('c1')).snapshot!;
    expect(read.related!.objects[0]!.records[3]).toEqual(changed);
    expect(read.related!.objects[1]!.records.map((r) => r.id)).not.toContain('L7');
    expect(read.related!.objects[1]!.records).toHaveLength(1_999);
  });

  it('a journal heavy with related changes (applications fetched again, no invoice changed) makes the cache compact', async () => {
    const { store } = setUp();
    const cache = store();
    await cache.write('c1', snapshot);
    const deltaOf = (count: number) => ({
      upserts: [], deleted: [],
      related: {
        ...related,
        objects: related.objects.map(({ role, object: name, signature, watermark }, i) => ({
          role, object: name, signature, watermark, replace: false, upserts: i === 1 ? Array.from({ length: count }, (_, k) => application(k)) : [], deleted: [],
        })),
      },
    });
    // A few changed applications: the journal stays.
    expect(await cache.append('c1', snapshot, deltaOf(100))).toBe(true);
    expect(cache.needsCompaction('c1')).toBe(false);
    // Related changes over a fifth of the base's invoice rows weigh as invoice changes would: a new base is due.
    expect(await cache.append('c1', snapshot, deltaOf(Math.ceil(rows.length * 0.2)))).toBe(true);
    expect(cache.needsCompaction('c1')).toBe(true);
    // The same read back from the file (a later start decides alike).
    const again = store();
    await again.read('c1');
    expect(again.needsCompaction('c1')).toBe(true);
  });

  it('a copy written before the segments (the related copy whole in one record) still opens with the same figures', async () => {
    const { box, store } = setUp();
    const cache = store();
    const path = cache.pathFor('c1');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, await wholeRelatedFile(box, 'c1', snapshot));
    expect(await cache.read('c1')).toEqual({ snapshot, warning: null });
  });

  it('a damaged related segment, or one missing, makes the copy unreadable (never opened with payments missing): deleted, said, synced again', async () => {
    const { store } = setUp();
    for (const damage of ['flip', 'drop'] as const) {
      const cache = store();
      await cache.write('c1', snapshot);
      const bytes = readFileSync(cache.pathFor('c1'));
      const segment = recordsOf(bytes).filter((r) => r.kind === RecordKind.relatedRows)[1]!;
      let damaged: Buffer;
      if (damage === 'flip') {
        damaged = Buffer.from(bytes);
        damaged[segment.offset + 40]! ^= 0x01;
      } else {
        // Without it the records are one short of what the head counts (and every later record is out of place).
        damaged = Buffer.concat([bytes.subarray(0, segment.offset), bytes.subarray(segment.offset + 4 + segment.length)]);
      }
      writeFileSync(cache.pathFor('c1'), damaged);
      const read = await store().read('c1');
      expect(read.snapshot, damage).toBeNull();
      expect(read.warning, damage).toMatch(/deleted/);
    }
  });
});
