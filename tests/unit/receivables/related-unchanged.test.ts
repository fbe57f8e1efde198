import { describe, expect, it } from 'vitest';
import { applyObjectDelta, changedRecords, lazyRecords, recordsIdentity, tableOf, type RelatedCopy, type RelatedObjectCopy, type RelatedObjectDelta, type RelatedRecord } from '../../../electron/core/invoices/related/related-copy';
import type { CsvReading } from '../../../electron/core/invoices/related/related-csv';
import { CsvTable } from '../../../electron/core/invoices/related/related-csv-table';

/**
 * An incremental sync fetches again every related record stamped within the overlap of the watermark, changed or not.
 * What changes nothing — a record fetched again just as the copy keeps it (from REST's JSON, beside the copy's Bulk CSV
 * columns), a deletion of an id the copy does not have — is left out of the change, and an object left with no change
 * keeps its records as they are. The copy after the sync is the same as merging everything that was fetched.
 */
const reading: CsvReading = {
  object: 'PaymentLineInvoice', modstamp: 'SystemModstamp',
  paths: { invoice: 'InvoiceId', amount: 'Amount', type: 'Type', stamp: 'SystemModstamp' },
  cells: { amount: 'number', stamp: 'instant' },
};
const ids = Array.from({ length: 60 }, (_, r) => `0a4${String(r).padStart(15, '0')}`);
const csvCell = (r: number) => [ids[r]!, `3tt${r % 7}`, r % 5 === 0 ? '' : String(r * 1.25), r % 3 ? 'Applied' : 'Unapplied', `2026-12-0${1 + (r % 5)}T10:0${r % 10}:00.000Z`];
/** A record as REST's JSON gives it (recordMapper): numbers as numbers, instants in REST's form, empty as null. */
const restRecord = (r: number): RelatedRecord => {
  const [id, invoice, amount, type, stamp] = csvCell(r);
  return { id: id!, invoice: invoice!, amount: amount === '' ? null : Number(amount), type: type!, stamp: `${stamp!.slice(0, 23)}+0000` };
};

function columnsCopy(): RelatedObjectCopy {
  const table = new CsvTable(reading);
  table.add(`"Id","InvoiceId","Amount","Type","SystemModstamp"\n${ids.map((_, r) => `${csvCell(r).map((c) => `"${c}"`).join(',')}\n`).join('')}`);
  return lazyRecords({ role: 'paymentApplication', object: 'PaymentLineInvoice', signature: 's', watermark: 1 } as RelatedObjectCopy, 'records', table.length, () => table.records(), table);
}
const arrayCopy = (): RelatedObjectCopy => ({ role: 'paymentApplication', object: 'PaymentLineInvoice', signature: 's', watermark: 1, records: ids.map((_, r) => restRecord(r)) });
const copyOf = (object: RelatedObjectCopy): RelatedCopy => ({ objects: [object], warnings: [], none: null });
const change = (upserts: RelatedRecord[], deleted: string[]): RelatedObjectDelta => ({
  role: 'paymentApplication', object: 'PaymentLineInvoice', signature: 's', watermark: 2, replace: false, upserts, deleted,
});

describe('an incremental change without what the overlap fetched again unchanged', () => {
  for (const [kind, make] of [['kept as Bulk columns', columnsCopy], ['kept as records', arrayCopy]] as const) {
    it(`${kind}: unchanged records and unknown deletions left out; the copy the same as merging everything`, () => {
      const before = make();
      const edited = { ...restRecord(7), amount: 99.5 };
      const fresh: RelatedRecord = { id: '0a4NEW000000000001', invoice: '3tt1', amount: 5, type: 'Applied', stamp: '2026-12-06T10:00:00.000+0000' };
      // 3 and 12 fetched again unchanged; 7 changed; one new; 20 deleted, one deletion of an id never kept; 40 upserted
      // twice, first changed then as kept (its last value is the kept one: it changes nothing); 41 the other way round.
      const upserts = [restRecord(3), edited, restRecord(12), fresh, { ...restRecord(40), type: 'Unapplied!' }, restRecord(40), restRecord(41), { ...restRecord(41), amount: 1 }];
      const deleted = [ids[20]!, '0a4GONE00000000001'];
      const kept = changedRecords(before, upserts, deleted);
      expect(kept.upserts).toEqual([edited, fresh, restRecord(41), { ...restRecord(41), amount: 1 }]);
      expect(kept.deleted).toEqual([ids[20]]);
      const all = applyObjectDelta(copyOf(before), change(upserts, deleted)).records;
      expect(applyObjectDelta(copyOf(make()), change(kept.upserts, kept.deleted)).records).toEqual(all);
      expect(all.length).toBe(60);
      expect(all.find((r) => r.id === ids[41])).toEqual({ ...restRecord(41), amount: 1 });
    });

    it(`${kind}: only records fetched again unchanged — no change, and the copy keeps its records as they are`, () => {
      const before = make();
      const kept = changedRecords(before, [restRecord(0), restRecord(5), restRecord(59)], ['0a4GONE00000000001']);
      expect(kept).toEqual({ upserts: [], deleted: [] });
      const next = applyObjectDelta(copyOf(before), change(kept.upserts, kept.deleted));
      expect(recordsIdentity(next)).toBe(recordsIdentity(before));
      expect(tableOf(next)).toBe(tableOf(before));
      expect(next.watermark).toBe(2);
      expect(next.records).toEqual(make().records);
    });
  }

  it('Bulk columns whose ids repeat (never from Salesforce): the change kept as fetched (no index to tell by)', () => {
    const table = new CsvTable(reading);
    const line = `${csvCell(1).map((c) => `"${c}"`).join(',')}\n`;
    table.add(`"Id","InvoiceId","Amount","Type","SystemModstamp"\n${line}${line}`);
    const twice = lazyRecords({ role: 'paymentApplication', object: 'PaymentLineInvoice', signature: 's', watermark: 1 } as RelatedObjectCopy, 'records', 2, () => table.records(), table);
    expect(changedRecords(twice, [restRecord(1)], ['0a4GONE00000000001'])).toEqual({ upserts: [restRecord(1)], deleted: ['0a4GONE00000000001'] });
  });
});
