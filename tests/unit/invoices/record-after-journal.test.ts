import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { InvoiceRow } from '../../../electron/contract';
import { InvoiceCacheStore } from '../../../electron/core/invoices/cache/cache-store';
import { InvoiceRepository } from '../../../electron/core/invoices/cache/invoice-repository';
import { RecordCopies, type BesideCopy } from '../../../electron/core/invoices/record/record-copy';
import type { RecordPlan } from '../../../electron/core/invoices/record/record-plan';
import type { Delta, Snapshot, SnapshotMeta } from '../../../electron/core/invoices/snapshot/snapshot';
import { SettingsService } from '../../../electron/core/settings/settings-service';
import { createTestStore, MemoryLogger, tempDir, TestSecretBox } from '../../support/test-ports';

const CONNECTION = 'c1';
const row = (id: string, balance: number): InvoiceRow => ({
  id, number: `INV-${id}`, customer: 'Acme', invoiceDate: '2026-01-01', dueDate: null, status: 'Posted', total: 100, balance, currency: 'EUR', lastModified: null,
});
const meta = (watermark: number): SnapshotMeta => ({ object: 'Invoice', signature: 'sig', syncedAt: new Date(watermark).toISOString(), watermark });
const base: Snapshot = { ...meta(1_000), rows: [row('a', 1), row('b', 2)] };
const delta: Delta = { upserts: [row('b', 0)], deleted: [] };
const changed: Snapshot = { ...meta(2_000), rows: [row('a', 1), row('b', 0)] };
const plan: RecordPlan = {
  fields: { object: 'Invoice', select: ['Name', 'Balance'], modstamp: 'SystemModstamp', describe: { name: 'Invoice', label: 'Invoice', fields: [] }, named: [], signature: 'fields-1' },
  lines: null,
  warnings: [],
};

/**
 * An incremental sync's journal record is written after its answer (invoice-repository.ts, session 30); the background
 * whole-record phase that follows the sync puts its file in place only after it (review30's low: a kill between could
 * leave whole records newer than the list's rows until the next sync). Over the real repository, copies and files.
 */
describe('the whole-record phase after an incremental journal record', () => {
  const temps: { remove(): void }[] = [];
  afterEach(() => temps.splice(0).forEach((temp) => temp.remove()));

  const world = async () => {
    const temp = tempDir();
    temps.push(temp);
    const box = new TestSecretBox();
    const repository = new InvoiceRepository(temp.dir, box, new SettingsService(createTestStore(temp.dir)), new MemoryLogger());
    await repository.replace(CONNECTION, base);
    await repository.idle();
    // The sync's answer still on its way: its journal record waits for it.
    let answer = () => undefined as void;
    repository.afterAnswer(CONNECTION, new Promise<void>((resolve) => (answer = resolve)));
    await repository.applyIncremental(CONNECTION, changed, delta);
    const onDisk = async () => (await new InvoiceCacheStore(temp.dir, box, new MemoryLogger()).read(CONNECTION)).snapshot;
    return { temp, box, repository, answer: () => answer(), onDisk };
  };

  it('the copy’s writes settle only once the journal record queued after the answer is on disk', async () => {
    const { repository, answer, onDisk } = await world();
    let settled = false;
    void repository.written(CONNECTION).then(() => (settled = true));
    // However long the answer takes, the record waits for it (a few turns of the loop stand for that here).
    for (let turn = 0; turn < 5; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    expect(await onDisk()).toEqual(base);
    answer();
    await repository.written(CONNECTION);
    expect(settled).toBe(true);
    expect(await onDisk()).toEqual(changed);
  });

  it('the record copy is put in place after the journal record, never before it', async () => {
    const { temp, box, repository, answer, onDisk } = await world();
    const recordFile = join(temp.dir, 'invoices', `${createHash('sha256').update(CONNECTION).digest('hex').slice(0, 32)}.record`);
    // What was on disk when the answer went: it goes once the phase waits for the copy's writes, or — a phase that does
    // not wait — once its copy is in place.
    let whenAnswered: { recordPlaced: boolean; copy: Snapshot | null } | null = null;
    const release = async () => {
      if (whenAnswered) return;
      whenAnswered = { recordPlaced: existsSync(recordFile), copy: null };
      whenAnswered.copy = await onDisk();
      answer();
    };
    const beside: BesideCopy = {
      persistable: () => repository.persistable(),
      written: (connectionId) => {
        void release();
        return repository.written(connectionId);
      },
    };
    const copies = new RecordCopies(temp.dir, box, beside, new MemoryLogger(), { chunkEntries: 3, backlogChunks: 1 });
    await copies
      .write(CONNECTION, {
        plan, previous: null, signal: new AbortController().signal, saving: () => undefined, syncedAt: () => new Date(2_000).toISOString(),
        fetch: async (sink) => {
          sink.field('b', ['INV-b', 0]);
          return { fieldsWatermark: 2_000, linesWatermark: null, fetched: 1 };
        },
      })
      .finally(release);
    expect(whenAnswered).toEqual({ recordPlaced: false, copy: base });
    // Once in place, the journal record was on disk before it.
    expect(existsSync(recordFile)).toBe(true);
    expect(await onDisk()).toEqual(changed);
    expect((await copies.get(CONNECTION, 'b'))?.entry[1]).toEqual(['INV-b', 0]);
  });
});
