import { afterEach, describe, expect, it } from 'vitest';
import type { InvoiceRow } from '../../../electron/contract';
import { InvoiceCacheStore } from '../../../electron/core/invoices/cache/cache-store';
import { InvoiceRepository } from '../../../electron/core/invoices/cache/invoice-repository';
import type { Delta, Snapshot, SnapshotMeta } from '../../../electron/core/invoices/snapshot/snapshot';
import { SettingsService } from '../../../electron/core/settings/settings-service';
import { createTestStore, MemoryLogger, tempDir, TestSecretBox } from '../../support/test-ports';

const row = (id: string, balance: number): InvoiceRow => ({
  id, number: `INV-${id}`, customer: 'Acme', invoiceDate: '2026-01-01', dueDate: null, status: 'Posted', total: 100, balance, currency: 'EUR', lastModified: null,
});
const meta = (watermark: number): SnapshotMeta => ({ object: 'Invoice', signature: 'sig', syncedAt: new Date(watermark).toISOString(), watermark });
const base: Snapshot = { ...meta(1_000), rows: [row('a', 1), row('b', 2), row('c', 3)] };
const first: Delta = { upserts: [row('b', 0), row('d', 4)], deleted: ['a'] };
const afterFirst: Snapshot = { ...meta(2_000), rows: [row('b', 0), row('c', 3), row('d', 4)] };
const second: Delta = { upserts: [row('c', 9), row('e', 5)], deleted: [] };
const afterSecond: Snapshot = { ...meta(3_000), rows: [row('b', 0), row('c', 9), row('d', 4), row('e', 5)] };

/**
 * An incremental sync's record is written after the repository has answered (session 30): two syncs one right after
 * the other queue two records before either is on disk. Over the real store and files.
 */
describe('incremental records written after the answer', () => {
  const temps: { remove(): void }[] = [];
  afterEach(() => temps.splice(0).forEach((temp) => temp.remove()));

  it('two records queued before either is written land one after the other: the file reads as the copy in memory', async () => {
    const temp = tempDir();
    temps.push(temp);
    const box = new TestSecretBox();
    const repository = new InvoiceRepository(temp.dir, box, new SettingsService(createTestStore(temp.dir)), new MemoryLogger());
    await repository.replace('c1', base);
    await repository.applyIncremental('c1', afterFirst, first);
    // In memory at once, the disk not waited for.
    expect(await repository.current('c1')).toBe(afterFirst);
    await repository.applyIncremental('c1', afterSecond, second);
    expect(await repository.current('c1')).toBe(afterSecond);
    await repository.idle();
    const read = await new InvoiceCacheStore(temp.dir, box, new MemoryLogger()).read('c1');
    expect(read.warning).toBeNull();
    expect(read.snapshot).toEqual(afterSecond);
  });
});
