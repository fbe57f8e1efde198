import { describe, expect, it } from 'vitest';
import { applyRelatedDelta, changedRecords, lazyRecords, tableOf, type RelatedCopy, type RelatedObjectDelta, type RelatedRecord } from '../../../electron/core/invoices/related/related-copy';
import type { CsvReading } from '../../../electron/core/invoices/related/related-csv';
import { CsvTable } from '../../../electron/core/invoices/related/related-csv-table';
import { IdIndex, MergedTable } from '../../../electron/core/invoices/related/related-merged-table';

/**
 * A merged view over a Bulk object's columns keeps only what the incrementals changed (session 32): the rows every reader
 * sees — ids, cells, whole records, in order — and the records the next incremental's overlap filter finds by id are those
 * of the same changes merged over plain records, after any run of incrementals: updates of kept rows and of records added
 * at the end, new records, deletions of both, an id deleted then back (Salesforce's undelete keeps the id), repeated ids.
 */
const reading: CsvReading = {
  object: 'PaymentLineInvoice', modstamp: 'SystemModstamp',
  paths: { source: 'PaymentId', invoice: 'InvoiceId', amount: 'Amount', type: 'Type' },
  cells: { amount: 'number' },
};
const idOf = (r: number) => `0a3${String(r).padStart(15, '0')}`;
const line = (r: number) => `"${idOf(r)}","0a1${r % 13}","3tt${r % 50}","${r % 9 === 0 ? '' : r * 1.25}","${r % 4 ? 'Applied' : 'Unapplied'}","2026-01-01T00:00:00.000Z"\n`;
const csvOf = (rows: number[]) => `"Id","PaymentId","InvoiceId","Amount","Type","SystemModstamp"\n${rows.map(line).join('')}`;
const meta = { role: 'paymentApplication' as const, object: 'PaymentLineInvoice', signature: 's', watermark: 7 };
const record = (id: string, amount: number): RelatedRecord => ({ id, source: '0a11', invoice: '3tt9', amount, type: 'Applied' });

/** The same rows kept as columns (unread) and as records. */
function copies(rows: number[][]): { columns: RelatedCopy; records: RelatedCopy; table: CsvTable } {
  const table = new CsvTable(reading);
  for (const part of rows) table.add(csvOf(part));
  const unread = lazyRecords<RelatedObjectDelta>({ ...meta, replace: true, upserts: [], deleted: [] }, 'upserts', table.length, () => table.records(), table);
  const copy = (change: RelatedObjectDelta): RelatedCopy => applyRelatedDelta(null, { objects: [change], warnings: [], none: null });
  return { columns: copy(unread), records: copy({ ...meta, replace: true, upserts: table.records(), deleted: [] }), table };
}

/** A small deterministic generator (the same runs every time). */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.floor((s / 2147483648) * n);
  };
}

/** The view's rows read by place (the readers of the copy's columns); `whole`: then its records (a reader of records: no view after). */
function expectSameRows(columns: RelatedCopy, records: RelatedCopy, whole = true): void {
  const view = tableOf(columns.objects[0]!)!;
  const expected = records.objects[0]!.records;
  expect(view.length).toBe(expected.length);
  for (let row = 0; row < view.length; row++) {
    expect(view.id(row)).toBe(expected[row]!.id);
    expect(view.record(row)).toEqual(expected[row]);
    for (const key of view.keys) expect(view.value(row, view.column(key))).toEqual(expected[row]![key] ?? null);
  }
  if (whole) expect(columns.objects[0]!.records).toEqual(expected);
}

describe('a merged view over columns: the rows and records of the same changes merged over records', () => {
  for (const [name, indexed, parts] of [
    ['ids once (found by the index)', true, [Array.from({ length: 300 }, (_, r) => r), Array.from({ length: 200 }, (_, r) => 300 + r)]],
    ['an id twice (never from Salesforce: every row read; no overlap filter)', false, [Array.from({ length: 300 }, (_, r) => r), Array.from({ length: 200 }, (_, r) => 250 + r)]],
  ] as const) {
    it(`${name}: 40 random incrementals, read between some of them and not others`, () => {
      const next = random(name.length);
      let { columns, records } = copies(parts.map((p) => [...p]));
      const rows = parts.flat().length;
      const known = [...new Set(parts.flat().map(idOf))];
      let fresh = 0;
      for (let i = 0; i < 40; i++) {
        const upserts: RelatedRecord[] = [];
        const deleted: string[] = [];
        for (let k = next(12); k > 0; k--) {
          const what = next(10);
          // An update of a row below, of a record added before, a new record, a deletion of either, an unknown deletion.
          if (what < 4) upserts.push(record(known[next(known.length)]!, i * 100 + k));
          else if (what < 6 && fresh > 0) upserts.push(record(`new${next(fresh)}`, -i - k));
          else if (what < 7) upserts.push(record(`new${fresh++}`, i + k / 10));
          else if (what < 9) deleted.push(next(2) === 0 || fresh === 0 ? known[next(known.length)]! : `new${next(fresh)}`);
          else deleted.push(`gone${i}`);
        }
        const change = { objects: [{ ...meta, watermark: 8 + i, replace: false, upserts, deleted }], warnings: [], none: null };
        // What the overlap filter keeps: looked up by id in the merged view, as in the records.
        const overlap = [...upserts.slice(0, 2).map((r) => ({ ...r })), ...known.slice(0, 3).map((id) => record(id, 0))];
        if (indexed) expect(changedRecords(columns.objects[0], overlap, deleted)).toEqual(changedRecords(records.objects[0], overlap, deleted));
        columns = applyRelatedDelta(columns, change);
        records = applyRelatedDelta(records, change);
        if (i % 7 === 3) expectSameRows(columns, records, false);
        if (indexed && i % 7 === 5) {
          // Each id's row by the index (a targeted read after a sync: read/rows-of-ids.ts), before any row is read by place.
          const view = tableOf(columns.objects[0]!) as MergedTable;
          const index = IdIndex.of(view.below)!;
          const rows = records.objects[0]!.records.map((r) => view.placeOf(r.id, index));
          expect(rows).toEqual(records.objects[0]!.records.map((_, row) => row));
          expect(deleted.filter((id) => !records.objects[0]!.records.some((r) => r.id === id)).map((id) => view.placeOf(id, index))).toEqual(deleted.filter((id) => !records.objects[0]!.records.some((r) => r.id === id)).map(() => -1));
        }
      }
      expectSameRows(columns, records);
      expect(records.objects[0]!.records.length).not.toBe(rows);
    });
  }

  it('an id deleted, then upserted again (undeleted): at the end, once; updated and deleted there by later incrementals', () => {
    let { columns, records } = copies([Array.from({ length: 50 }, (_, r) => r)]);
    const steps: [RelatedRecord[], string[]][] = [
      [[record(idOf(4), 1)], [idOf(10)]],
      [[record(idOf(10), 2), record('new1', 3)], []],
      [[record(idOf(10), 4)], [idOf(4)]],
      [[record(idOf(4), 5)], [idOf(10)]],
      [[record(idOf(10), 6), record(idOf(4), 7)], ['new1']],
    ];
    for (const [upserts, deleted] of steps) {
      const change = { objects: [{ ...meta, watermark: 9, replace: false, upserts, deleted }], warnings: [], none: null };
      columns = applyRelatedDelta(columns, change);
      records = applyRelatedDelta(records, change);
      expectSameRows(columns, records, false);
      expect(changedRecords(columns.objects[0], [record(idOf(10), 6), record(idOf(4), 7)], [])).toEqual(changedRecords(records.objects[0], [record(idOf(10), 6), record(idOf(4), 7)], []));
    }
    const ids = records.objects[0]!.records.map((r) => r.id);
    expect(ids.slice(-2)).toEqual([idOf(4), idOf(10)]);
    expect(ids.filter((id) => id === idOf(4) || id === idOf(10))).toHaveLength(2);
  });

  it('an incremental and its overlap filter read no row of the columns but the changed ones; the map of every row waits for a reader', () => {
    const table = new CsvTable(reading);
    table.add(csvOf(Array.from({ length: 5000 }, (_, r) => r)));
    let reads = 0;
    const counted = Object.create(table) as CsvTable;
    for (const name of ['id', 'record', 'value'] as const) {
      const own = table[name].bind(table) as (...args: number[]) => never;
      (counted as unknown as Record<string, unknown>)[name] = (...args: number[]) => {
        reads++;
        return own(...args);
      };
    }
    const unread = lazyRecords<RelatedObjectDelta>({ ...meta, replace: true, upserts: [], deleted: [] }, 'upserts', 5000, () => table.records(), counted);
    let copy = applyRelatedDelta(null, { objects: [unread], warnings: [], none: null });
    // The index of the ids below (made in the background after a sync): every id once.
    changedRecords(copy.objects[0], [record(idOf(1), 1)], []);
    for (let i = 0; i < 3; i++) {
      const before = reads;
      const upserts = [record(idOf(100 + i), i), record(`new${i}`, i), ...(i > 0 ? [record(`new${i - 1}`, 9)] : [])];
      const kept = changedRecords(copy.objects[0], upserts, [idOf(200 + i)]);
      copy = applyRelatedDelta(copy, { objects: [{ ...meta, watermark: 8 + i, replace: false, ...kept }], warnings: [], none: null });
      // The changed ids' rows (their records compared, and the index's checks of their ids): a handful, not 5,000.
      expect(reads - before).toBeLessThan(12);
    }
    const view = tableOf(copy.objects[0]!)!;
    expect(view.length).toBe(5000 - 3 + 3);
    expect((view as unknown as { rowMap: unknown }).rowMap).toBeNull();
    expect(view.id(100)).toBe(idOf(100));
    expect(view.id(200)).toBe(idOf(203));
    expect(view.record(4997)).toEqual(record('new0', 9));
    expect(view.record(4999)).toEqual(record('new2', 2));
    expect((view as unknown as { rowMap: unknown }).rowMap).not.toBeNull();
  });
});
