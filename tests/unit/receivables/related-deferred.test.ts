import { describe, expect, it } from 'vitest';
import { relatedHeadJson, RelatedSegments } from '../../../electron/core/invoices/cache/cache-related';
import { applyObjectDelta, applyRelatedDelta, lazyRecords, recordCount, recordsIdentity, tableOf, type RelatedCopy, type RelatedObjectDelta, type RelatedRecord } from '../../../electron/core/invoices/related/related-copy';
import { csvPartHead, relatedRecordsOfCsv, type CsvReading } from '../../../electron/core/invoices/related/related-csv';
import { CsvTable } from '../../../electron/core/invoices/related/related-csv-table';

/**
 * A full sync with payments keeps the Bulk objects' records as the CSV parts they came in, checked and counted as they
 * come (csvPartFacts), and reads them into records when a reader first asks — once, for the change and the copy made of
 * it alike. What a user sees is the same copy: the same records, counts, watermark, and the same clear error for a part
 * that is not well-formed, at the same moment (in the sync, or when the file is opened).
 */
const reading: CsvReading = {
  object: 'PaymentLineInvoice', modstamp: 'SystemModstamp',
  paths: { source: 'PaymentId', invoice: 'InvoiceId', amount: 'Amount', type: 'Type', created: 'CreatedDate', stamp: 'SystemModstamp' },
  cells: { amount: 'number', created: 'instant', stamp: 'instant' },
};
const header = ['Id', 'PaymentId', 'InvoiceId', 'Amount', 'Type', 'CreatedDate', 'SystemModstamp'];
const quoted = (cells: string[]) => `${cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')}\n`;
function csvOf(rows: number, from = 0): string {
  let csv = quoted(header);
  for (let r = from; r < from + rows; r++) {
    // Stamps out of order (the highest is not the last row).
    const stamp = `2026-0${1 + ((r * 7) % 9)}-1${r % 10}T0${r % 10}:00:00.000Z`;
    csv += quoted([`0a3${String(r).padStart(15, '0')}`, `0a1${r % 13}`, `3tt${r % 50}`, r % 9 === 0 ? '' : String(r * 1.25), r % 4 ? 'Applied' : 'Unapplied', stamp, stamp]);
  }
  return csv;
}

/** A part with quotes, commas and line ends inside cells (escaped as Salesforce escapes them). */
function hostile(): string {
  let csv = quoted(header);
  const texts = ['He said "hi", then left', 'Line one\nline two', '""', ',', 'CR\r\nLF, "both"'];
  for (const [r, text] of texts.entries()) csv += quoted([`0a3H${r}`, text, `3tt${r}`, '12.5', text, '', '2026-03-01T00:00:00.000Z']);
  return csv;
}

describe('a Bulk part counted now, read into records when first asked', () => {
  it('as columns (CsvTable): the count, watermark and records relatedRecordsOfCsv gives, cell by cell and whole; fails on the same parts', () => {
    const parts = [csvOf(0), csvOf(1), csvOf(257, 1), csvOf(40, 300).replaceAll('"\n', '"\r\n'), csvOf(40, 400).slice(0, -1), '', quoted(header), hostile()];
    const table = new CsvTable(reading);
    const all: RelatedRecord[] = [];
    for (const csv of parts) {
      const { records, watermark } = relatedRecordsOfCsv(reading, csv);
      expect(table.add(csv)).toEqual({ count: records.length, watermark });
      all.push(...records);
    }
    expect(table.length).toBe(all.length);
    expect(table.records()).toEqual(all);
    const keys = Object.keys(reading.paths);
    for (const [row, record] of all.entries()) {
      expect(table.record(row)).toEqual(record);
      expect(Object.keys(table.record(row))).toEqual(Object.keys(record));
      expect(table.id(row)).toBe(record.id);
      for (const key of keys) expect(table.value(row, table.column(key))).toEqual(record[key]);
    }
    expect(table.column('nothing')).toBe(-1);
    expect(table.value(0, -1)).toBeNull();
    const lines = csvOf(3).split('\n');
    const bad = [
      [lines[0], lines[1], lines[2]!.slice(0, lines[2]!.lastIndexOf(',')), lines[3], ''].join('\n'),
      [lines[0], `${lines[1]},"extra"`, lines[2], ''].join('\n'),
      `${lines[0]}\n"0a3x,"1\n`,
      csvOf(2).replace('"Type",', '"Other",'),
    ];
    for (const csv of bad) {
      expect(() => relatedRecordsOfCsv(reading, csv), csv).toThrow(/unexpected/i);
      expect(() => new CsvTable(reading).add(csv), csv).toThrow(/unexpected/i);
    }
  });

  it('a change of deferred records: the copy made of it reads them once, when first asked; counts and the head need no read', () => {
    const texts = [csvOf(120), csvOf(80, 120)];
    let reads = 0;
    const expected = texts.flatMap((t) => relatedRecordsOfCsv(reading, t).records);
    const change = lazyRecords<RelatedObjectDelta>({ role: 'paymentApplication', object: 'PaymentLineInvoice', signature: 's', watermark: 7, replace: true, upserts: [], deleted: [] }, 'upserts', 200, () => {
      reads++;
      return texts.flatMap((t) => relatedRecordsOfCsv(reading, t).records);
    });
    const copy = applyObjectDelta(null, change);
    expect(reads).toBe(0);
    expect(recordCount(copy)).toBe(200);
    expect(recordsIdentity(copy)).toBe(recordsIdentity(change));
    const whole: RelatedCopy = { objects: [copy], warnings: [], none: null };
    expect(JSON.parse(relatedHeadJson(whole)).objects[0].records).toBe(200);
    expect(reads).toBe(0);
    expect(copy.records).toEqual(expected);
    expect(change.upserts).toBe(copy.records);
    expect(reads).toBe(1);
    expect(Object.keys(copy)).toEqual(['role', 'object', 'signature', 'watermark', 'records']);
    // An incremental change merged into it reads it (the same records as a plain copy would give).
    const more: RelatedRecord = { id: 'new', source: null, invoice: '3tt1', amount: 1, type: 'Applied', created: null, stamp: null };
    const merged = applyRelatedDelta(whole, { objects: [{ ...change, replace: false, upserts: [more], deleted: [expected[0]!.id] }], warnings: [], none: null });
    expect(merged.objects[0]!.records).toEqual([...expected.slice(1), more]);
  });

  it('an incremental change merged into a copy kept as columns, unread: the same records, ledger cells and ids as merged over records', () => {
    const texts = [csvOf(60), csvOf(40, 60)];
    const table = new CsvTable(reading);
    for (const text of texts) table.add(text);
    const base = table.records();
    const unread = lazyRecords<RelatedObjectDelta>({ role: 'paymentApplication', object: 'PaymentLineInvoice', signature: 's', watermark: 7, replace: true, upserts: [], deleted: [] }, 'upserts', table.length, () => table.records(), table);
    const plain: RelatedObjectDelta = { role: 'paymentApplication', object: 'PaymentLineInvoice', signature: 's', watermark: 7, replace: true, upserts: base, deleted: [] };
    const more = (id: string, amount: number): RelatedRecord => ({ id, source: '0a11', invoice: '3tt9', amount, type: 'Applied', created: '2026-05-01T00:00:00.000+0000', stamp: null });
    const change = { role: 'paymentApplication' as const, object: 'PaymentLineInvoice', signature: 's', watermark: 9, replace: false,
      upserts: [more('new1', 1), more(base[5]!.id, 2), more('new1', 3), more(base[70]!.id, 4)], deleted: [base[0]!.id, base[70]!.id, 'unknown'] };
    const overRecords = applyRelatedDelta({ objects: [applyObjectDelta(null, plain)], warnings: [], none: null }, { objects: [change], warnings: [], none: null });
    const overColumns = applyRelatedDelta({ objects: [applyObjectDelta(null, unread)], warnings: [], none: null }, { objects: [change], warnings: [], none: null });
    const merged = overColumns.objects[0]!;
    const view = tableOf(merged)!;
    expect(view).not.toBeNull();
    expect(recordCount(merged)).toBe(overRecords.objects[0]!.records.length);
    for (let row = 0; row < view.length; row++) {
      const record = overRecords.objects[0]!.records[row]!;
      expect(view.id(row)).toBe(record.id);
      expect(view.record(row)).toEqual(record);
      for (const key of view.keys) expect(view.value(row, view.column(key))).toEqual(record[key] ?? null);
    }
    expect(merged.records).toEqual(overRecords.objects[0]!.records);
  });

  it('many incrementals in a row over columns never read: the same records as merged over records, and one view over the columns, not a stack', () => {
    const table = new CsvTable(reading);
    for (const text of [csvOf(60), csvOf(40, 60)]) table.add(text);
    const base = table.records();
    const meta = { role: 'paymentApplication' as const, object: 'PaymentLineInvoice', signature: 's', watermark: 7 };
    const unread = lazyRecords<RelatedObjectDelta>({ ...meta, replace: true, upserts: [], deleted: [] }, 'upserts', table.length, () => table.records(), table);
    let overColumns: RelatedCopy = { objects: [applyObjectDelta(null, unread)], warnings: [], none: null };
    let overRecords: RelatedCopy = { objects: [applyObjectDelta(null, { ...meta, replace: true, upserts: base, deleted: [] })], warnings: [], none: null };
    const more = (id: string, amount: number): RelatedRecord => ({ id, source: '0a11', invoice: '3tt9', amount, type: 'Applied', created: '2026-05-01T00:00:00.000+0000', stamp: null });
    // 65 background incrementals (a compaction comes after 64 journal records): updates of kept and of added records,
    // new records, deletions of both, and incrementals that change nothing.
    for (let i = 0; i < 65; i++) {
      const upserts = i % 5 === 4 ? [] : [more(`new${i}`, i), more(base[(i * 7) % 100]!.id, i + 0.5), ...(i > 3 ? [more(`new${i - 3}`, -i)] : [])];
      const deleted = i % 5 === 4 ? [] : i % 3 === 0 ? [base[(i * 11 + 1) % 100]!.id, `new${i - 2}`] : [];
      const change = { objects: [{ ...meta, watermark: 8 + i, replace: false, upserts, deleted }], warnings: [], none: null };
      overColumns = applyRelatedDelta(overColumns, change);
      overRecords = applyRelatedDelta(overRecords, change);
    }
    const view = tableOf(overColumns.objects[0]!)!;
    const expected = overRecords.objects[0]!.records;
    expect(view.length).toBe(expected.length);
    for (let row = 0; row < view.length; row++) {
      expect(view.id(row)).toBe(expected[row]!.id);
      for (const key of view.keys) expect(view.value(row, view.column(key))).toEqual(expected[row]![key] ?? null);
    }
    // One view deep: what it reads through is the columns themselves (stacked, it was the 64th view before it).
    expect((view as unknown as { base: unknown }).base).toBe(table);
    expect(overColumns.objects[0]!.records).toEqual(expected);
  });

  it('a file\'s CSV parts (kind 7): counted when the file opens, read when asked; a malformed part fails the open, not a later read', () => {
    const texts = [csvOf(50), csvOf(70, 50)];
    const part = (text: string) => Buffer.concat([csvPartHead({ role: 'paymentApplication', object: 'PaymentLineInvoice' }, reading), Buffer.from(text, 'utf8')]);
    const segments = new RelatedSegments();
    for (const text of texts) segments.addCsv(part(text));
    const head = { format: 'segments' as const, objects: [{ role: 'paymentApplication' as const, object: 'PaymentLineInvoice', signature: 's', watermark: 3, records: 120 }], warnings: [], none: null };
    const copy = segments.copy(head);
    expect(recordCount(copy.objects[0]!)).toBe(120);
    expect(copy.objects[0]!.records).toEqual(texts.flatMap((t) => relatedRecordsOfCsv(reading, t).records));
    const wrongCount = new RelatedSegments();
    for (const text of texts) wrongCount.addCsv(part(text));
    expect(() => wrongCount.copy({ ...head, objects: [{ ...head.objects[0]!, records: 121 }] })).toThrow(/120 records in the file, 121 expected/);
    const lines = csvOf(3).split('\n');
    expect(() => new RelatedSegments().addCsv(part([lines[0], `${lines[1]},"extra"`, lines[2], ''].join('\n')))).toThrow(/unexpected/i);
  });
});

describe('an incremental change merged into columns finds its records by id, not by reading every row (session 20)', () => {
  /** The columns, counting the ids read from them. */
  function counted(table: CsvTable) {
    let reads = 0;
    const view = Object.create(table) as CsvTable;
    view.id = (row: number) => {
      reads++;
      return table.id(row);
    };
    return { view, reads: () => reads };
  }

  it('after the first merge (or the background index after a sync), a merge reads a few ids, not every row\'s; the same records as merged over records', () => {
    const table = new CsvTable(reading);
    for (const text of [csvOf(3000), csvOf(2000, 3000)]) table.add(text);
    const base = table.records();
    const { view, reads } = counted(table);
    const meta = { role: 'paymentApplication' as const, object: 'PaymentLineInvoice', signature: 's', watermark: 7 };
    const unread = lazyRecords<RelatedObjectDelta>({ ...meta, replace: true, upserts: [], deleted: [] }, 'upserts', view.length, () => table.records(), view);
    let overColumns: RelatedCopy = { objects: [applyObjectDelta(null, unread)], warnings: [], none: null };
    let overRecords: RelatedCopy = { objects: [applyObjectDelta(null, { ...meta, replace: true, upserts: base, deleted: [] })], warnings: [], none: null };
    const more = (id: string, amount: number): RelatedRecord => ({ id, source: '0a11', invoice: '3tt9', amount, type: 'Applied', created: '2026-05-01T00:00:00.000+0000', stamp: null });
    const perMerge: number[] = [];
    for (let i = 0; i < 4; i++) {
      const before = reads();
      const change = { objects: [{ ...meta, watermark: 8 + i, replace: false, upserts: [more(`new${i}`, i), more(base[(i * 997) % 5000]!.id, i), ...(i > 0 ? [more(`new${i - 1}`, -i)] : [])], deleted: [base[(i * 1301 + 7) % 5000]!.id] }], warnings: [], none: null };
      overColumns = applyRelatedDelta(overColumns, change);
      overRecords = applyRelatedDelta(overRecords, change);
      perMerge.push(reads() - before);
    }
    // The first merge indexes the 5,000 rows once; each later one reads a handful of ids (it read 5,000 before).
    expect(perMerge[0]).toBeGreaterThanOrEqual(5000);
    for (const n of perMerge.slice(1)) expect(n).toBeLessThan(20);
    expect(overColumns.objects[0]!.records).toEqual(overRecords.objects[0]!.records);
  });

  it('columns where an id came twice (never from Salesforce): the merge reads every row, as before — the same records as merged over records', () => {
    const table = new CsvTable(reading);
    for (const text of [csvOf(60), csvOf(40, 50)]) table.add(text);
    const base = table.records();
    const meta = { role: 'paymentApplication' as const, object: 'PaymentLineInvoice', signature: 's', watermark: 7 };
    const unread = lazyRecords<RelatedObjectDelta>({ ...meta, replace: true, upserts: [], deleted: [] }, 'upserts', table.length, () => table.records(), table);
    const change = { objects: [{ ...meta, watermark: 9, replace: false, upserts: [{ ...base[55]!, amount: 5 }, { ...base[3]!, amount: 3 }], deleted: [base[57]!.id] }], warnings: [], none: null };
    const overColumns = applyRelatedDelta({ objects: [applyObjectDelta(null, unread)], warnings: [], none: null }, change);
    const overRecords = applyRelatedDelta({ objects: [applyObjectDelta(null, { ...meta, replace: true, upserts: base, deleted: [] })], warnings: [], none: null }, change);
    expect(overColumns.objects[0]!.records).toEqual(overRecords.objects[0]!.records);
  });
});
