import { afterEach, describe, expect, it } from 'vitest';
import type { InvoiceRow } from '../../../electron/contract';
import { InvoiceCacheStore } from '../../../electron/core/invoices/cache/cache-store';
import { applyObjectDelta, lazyRecords, type RelatedObjectDelta } from '../../../electron/core/invoices/related/related-copy';
import { csvPartHead, type CsvParts, type CsvReading } from '../../../electron/core/invoices/related/related-csv';
import { CsvTable } from '../../../electron/core/invoices/related/related-csv-table';
import type { Snapshot } from '../../../electron/core/invoices/snapshot/snapshot';
import { MemoryLogger, tempDir, TestSecretBox } from '../../support/test-ports';

/**
 * A full sync hands the new file each Bulk part as it comes (BaseWriter.part), before its object is complete, so the parts
 * are sealed while the rest still come (not all at once at the end, behind the invoices' last segments). The file must read
 * back the same copy whatever came between two parts: the invoices' query starting over (its cursor expired) in the middle
 * of an object writes the parts handed over so far again, once, and the later parts after them.
 */
const row = (i: number): InvoiceRow => ({
  id: `I${i}`, number: `INV-${i}`, customer: 'Acme', invoiceDate: '2026-01-01', dueDate: null, status: 'Posted', total: 100, balance: i % 7, currency: 'EUR', lastModified: null,
});
const rows = Array.from({ length: 1_500 }, (_, i) => row(i));
const reading: CsvReading = {
  object: 'PaymentLineInvoice', modstamp: 'SystemModstamp',
  paths: { source: 'PaymentId', invoice: 'InvoiceId', amount: 'Amount', type: 'Type', stamp: 'SystemModstamp' },
  cells: { amount: 'number', stamp: 'instant' },
};
const header = ['Id', 'PaymentId', 'InvoiceId', 'Amount', 'Type', 'SystemModstamp'];
const quoted = (cells: string[]) => `${cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')}\n`;
const part = (from: number, count: number) => {
  let csv = quoted(header);
  for (let r = from; r < from + count; r++) csv += quoted([`0a3${String(r).padStart(15, '0')}`, `0a1${r % 13}`, `I${r % 1_500}`, String(r * 1.25), r % 4 ? 'Applied' : 'Unapplied', `2026-0${1 + (r % 9)}-10T00:00:00.000Z`]);
  return Buffer.from(csv, 'utf8');
};
const object = { role: 'paymentApplication', object: 'PaymentLineInvoice' } as const;

/** What readBulk (related-sync.ts) builds as the parts come: the table, and each part's bytes behind the file's line. */
function bulkObject() {
  const table = new CsvTable(reading);
  const csv: CsvParts = { reading, parts: table.bytes, payloads: [] };
  return {
    csv,
    add(bytes: Buffer) {
      const whole = Buffer.concat([csvPartHead(object, reading), bytes]);
      table.add(whole.subarray(whole.length - bytes.length));
      csv.payloads.push(whole);
    },
    change: () => lazyRecords<RelatedObjectDelta>({ ...object, signature: 'sig-pli', watermark: null, spanMs: 0, replace: true, upserts: [], deleted: [] }, 'upserts', table.length, () => table.records(), table),
  };
}

describe('a Bulk object’s parts written to the new file as they come', () => {
  const temps: ReturnType<typeof tempDir>[] = [];
  afterEach(() => {
    for (const temp of temps.splice(0)) temp.remove();
  });

  const write = async (steps: (writer: ReturnType<InvoiceCacheStore['beginBase']>, bulk: ReturnType<typeof bulkObject>) => void) => {
    const temp = tempDir();
    temps.push(temp);
    const box = new TestSecretBox();
    const store = new InvoiceCacheStore(temp.dir, box, new MemoryLogger());
    const bulk = bulkObject();
    const writer = store.beginBase('c1');
    steps(writer, bulk);
    const change = bulk.change();
    writer.object(change, bulk.csv);
    const snapshot: Snapshot = {
      object: 'Invoice', signature: 'sig', syncedAt: '2026-12-07T00:00:00.000Z', watermark: 1_000, rows,
      // The copy's object made of the change as the sync makes it (related-sync.ts): the file knows it as written.
      related: { objects: [applyObjectDelta(null, change)], warnings: [], none: null },
    };
    await writer.commit(snapshot);
    const read = await new InvoiceCacheStore(temp.dir, box, new MemoryLogger()).read('c1');
    expect(read.warning).toBeNull();
    return { read: read.snapshot!, records: change.upserts.length };
  };

  it('parts handed over one by one between the invoices’ pages read back as every record, once', async () => {
    const { read, records } = await write((writer, bulk) => {
      writer.add(rows.slice(0, 500));
      bulk.add(part(0, 700));
      writer.part(object, bulk.csv);
      writer.add(rows.slice(500));
      bulk.add(part(700, 300));
      writer.part(object, bulk.csv);
    });
    expect(records).toBe(1_000);
    expect(read.related!.objects[0]!.records.map((r) => r.id)).toEqual(Array.from({ length: 1_000 }, (_, r) => `0a3${String(r).padStart(15, '0')}`));
    expect(read.rows).toHaveLength(1_500);
  });

  it('the invoices’ query starting over between two parts of an object: the parts so far written again, once, then the rest', async () => {
    const { read } = await write((writer, bulk) => {
      writer.add(rows.slice(0, 400));
      bulk.add(part(0, 600));
      writer.part(object, bulk.csv);
      writer.restart();
      writer.add(rows.slice(0, 900));
      bulk.add(part(600, 250));
      writer.part(object, bulk.csv);
      writer.add(rows.slice(900));
      bulk.add(part(850, 150));
      writer.part(object, bulk.csv);
    });
    const ids = read.related!.objects[0]!.records.map((r) => r.id);
    expect(ids).toEqual(Array.from({ length: 1_000 }, (_, r) => `0a3${String(r).padStart(15, '0')}`));
    expect(read.rows.map((r) => r.id)).toEqual(rows.map((r) => r.id));
  });
});
