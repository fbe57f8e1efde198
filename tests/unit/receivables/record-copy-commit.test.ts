import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Cell } from '../../../electron/core/invoices/record/record-fetch';
import type { RecordPlan } from '../../../electron/core/invoices/record/record-plan';
import { MemoryLogger, tempDir, TestSecretBox } from '../../support/test-ports';

/**
 * The moment a phase puts its new record copy in place (reviewB, session 11): after the rename, the folder is fsynced
 * before the copies know the new head. An invoice read offline in that moment read the OLD head's places in the NEW
 * file, failed to open, and — the copies still naming the old head — dropped the copy: the file just written was
 * deleted and the next phase fetched every record again.
 */

// Holds the folder's fsync (the one `open(<folder>, 'r')` of a commit) until the test lets it go.
const gate = vi.hoisted(() => ({ folder: '', held: null as null | (() => Promise<void>) }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const open = (async (...args: Parameters<typeof real.open>) => {
    if (gate.held && args[0] === gate.folder && args[1] === 'r') {
      const held = gate.held;
      gate.held = null;
      await held();
    }
    return real.open(...args);
  }) as typeof real.open;
  return { ...real, default: { ...real, open }, open };
});

const { RecordCopies } = await import('../../../electron/core/invoices/record/record-copy');

/** Beside an offline copy that may be on disk and has no write queued. */
const onDisk = { persistable: () => true, written: () => Promise.resolve() };
const CONNECTION = 'conn-commit';
const plan: RecordPlan = {
  fields: { object: 'Invoice', select: ['Name', 'Amount'], modstamp: 'SystemModstamp', describe: { name: 'Invoice', label: 'Invoice', fields: [] }, named: [], signature: 'fields-1' },
  lines: { object: 'InvoiceLine', parent: 'InvoiceId', columns: {}, modstamp: 'SystemModstamp', signature: 'lines-1' },
  warnings: [],
};
const invoiceId = (n: number) => `3tt${String(n).padStart(12, '0')}AAA`;
const fieldsOf = (n: number, version = 1): Cell[] => [`INV-${n}`, n * 100 + version];

describe('the record copy put in place while an invoice is read offline', () => {
  const temps: { remove(): void }[] = [];
  afterEach(() => temps.splice(0).forEach((t) => t.remove()));

  it('the read answers from the new copy; the new copy stays on disk and nothing is dropped', async () => {
    const temp = tempDir();
    temps.push(temp);
    const logger = new MemoryLogger();
    const copies = new RecordCopies(temp.dir, new TestSecretBox(), onDisk, logger, { chunkEntries: 3, backlogChunks: 1 });
    const folder = join(temp.dir, 'invoices');
    const file = join(folder, `${createHash('sha256').update(CONNECTION).digest('hex').slice(0, 32)}.record`);
    const run = (fetch: (sink: import('../../../electron/core/invoices/record/record-fetch').RecordSink) => void, previous: Awaited<ReturnType<typeof copies.head>>) =>
      copies.write(CONNECTION, {
        plan, previous, signal: new AbortController().signal, saving: () => undefined, syncedAt: () => new Date().toISOString(),
        fetch: async (sink) => {
          fetch(sink);
          return { fieldsWatermark: 1, linesWatermark: 1, fetched: 0 };
        },
      });

    await run((sink) => {
      for (let i = 1; i <= 9; i++) sink.field(invoiceId(i), fieldsOf(i));
    }, null);
    expect((await copies.get(CONNECTION, invoiceId(8)))?.entry[1]).toEqual(fieldsOf(8));

    // An incremental phase changes invoice 1: its new chunk comes first in the new file, every other chunk moves.
    let readMeanwhile: unknown = 'not read';
    gate.folder = folder;
    gate.held = async () => {
      readMeanwhile = (await copies.get(CONNECTION, invoiceId(8)))?.entry[1] ?? null;
    };
    await run((sink) => sink.field(invoiceId(1), fieldsOf(1, 2)), await copies.head(CONNECTION));
    expect(gate.held).toBeNull(); // the commit did go through the held fsync

    expect(readMeanwhile).toEqual(fieldsOf(8));
    expect(existsSync(file)).toBe(true);
    expect(logger.lines.filter((line) => line.includes('unreadable'))).toEqual([]);
    expect((await copies.get(CONNECTION, invoiceId(1)))?.entry[1]).toEqual(fieldsOf(1, 2));
    expect((await copies.get(CONNECTION, invoiceId(8)))?.entry[1]).toEqual(fieldsOf(8));
  });
});
