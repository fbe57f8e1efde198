import { createHash } from 'node:crypto';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordCopies } from '../../../electron/core/invoices/record/record-copy';
import type { Cell } from '../../../electron/core/invoices/record/record-fetch';
import type { RecordPlan } from '../../../electron/core/invoices/record/record-plan';
import { MemoryLogger, tempDir, TestSecretBox } from '../../support/test-ports';

/**
 * A record copy is bound to its connection (reviewB, session 11), as the offline copy is (SECURITY.md): one connection's
 * `.record` file put at another's path — two connections of one org, an admin's and a user's whose fields are hidden —
 * is not shown as the other's records; it is dropped and the next phase fetches that connection's own.
 */

/** Beside an offline copy that may be on disk and has no write queued. */
const onDisk = { persistable: () => true, written: () => Promise.resolve() };
const plan: RecordPlan = {
  fields: { object: 'Invoice', select: ['Name', 'Amount'], modstamp: 'SystemModstamp', describe: { name: 'Invoice', label: 'Invoice', fields: [] }, named: [], signature: 'fields-1' },
  lines: null,
  warnings: [],
};
const invoiceId = (n: number) => `3tt${String(n).padStart(12, '0')}AAA`;
const fieldsOf = (n: number): Cell[] => [`INV-${n}`, n * 100];
const fileOf = (dir: string, connectionId: string) => join(dir, 'invoices', `${createHash('sha256').update(connectionId).digest('hex').slice(0, 32)}.record`);

describe('the record copy is bound to its connection', () => {
  const temps: { remove(): void }[] = [];
  afterEach(() => temps.splice(0).forEach((t) => t.remove()));

  it("another connection's copy at this connection's path is not read as this connection's: dropped, said in the log", async () => {
    const temp = tempDir();
    temps.push(temp);
    const box = new TestSecretBox();
    const writer = new RecordCopies(temp.dir, box, onDisk, new MemoryLogger(), { chunkEntries: 3, backlogChunks: 1 });
    await writer.write('admin-connection', {
      plan, previous: null, signal: new AbortController().signal, saving: () => undefined, syncedAt: () => new Date().toISOString(),
      fetch: async (sink) => {
        for (let i = 1; i <= 4; i++) sink.field(invoiceId(i), fieldsOf(i));
        return { fieldsWatermark: 1, linesWatermark: null, fetched: 4 };
      },
    });
    expect((await writer.get('admin-connection', invoiceId(2)))?.entry[1]).toEqual(fieldsOf(2));

    copyFileSync(fileOf(temp.dir, 'admin-connection'), fileOf(temp.dir, 'user-connection'));
    const logger = new MemoryLogger();
    const reader = new RecordCopies(temp.dir, box, onDisk, logger, { chunkEntries: 3, backlogChunks: 1 });
    expect(await reader.get('user-connection', invoiceId(2))).toBeNull();
    expect(await reader.head('user-connection')).toBeNull();
    expect(existsSync(fileOf(temp.dir, 'user-connection'))).toBe(false);
    expect(logger.lines.some((line) => line.includes('unreadable'))).toBe(true);
    // Its own copy still opens.
    expect((await reader.get('admin-connection', invoiceId(2)))?.entry[1]).toEqual(fieldsOf(2));
  });
});
