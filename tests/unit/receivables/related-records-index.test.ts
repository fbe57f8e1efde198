import { describe, expect, it } from 'vitest';
import { applyObjectDelta, changedRecords, warmRelatedIndexes, type RelatedCopy, type RelatedObjectCopy, type RelatedObjectDelta, type RelatedRecord } from '../../../electron/core/invoices/related/related-copy';

/**
 * An object kept as records (a REST object: RefundLinePayment, credit notes) gets an index by id in the background after
 * a sync (`warmRelatedIndexes`), and the next incremental finds the kept records of its few fetched ids there instead of
 * walking every record (session 33). What the incremental keeps as a change is the same either way: a record fetched
 * again as the copy has it is left out, a changed one kept — also when the copy's records changed since an index was
 * made, and when an id is there twice (the last one is the record, as the walk finds it).
 */
const line = (r: number, amount = r * 2): RelatedRecord => ({ id: `0fr${String(r).padStart(15, '0')}`, refund: `0rf${r % 7}`, amount, type: r % 2 ? 'Applied' : 'Unapplied' });
const object = (records: RelatedRecord[]): RelatedObjectCopy => ({ role: 'refundApplication', object: 'RefundLinePayment', signature: 's', watermark: 1, records });
const copyOf = (objects: RelatedObjectCopy[]): RelatedCopy => ({ objects, warnings: [], none: null });
const change = (upserts: RelatedRecord[], deleted: string[]): RelatedObjectDelta => ({ role: 'refundApplication', object: 'RefundLinePayment', signature: 's', watermark: 2, replace: false, upserts, deleted });
/** The background's timer run (warmRelatedIndexes makes the indexes on the next turn). */
const warmed = async (copy: RelatedCopy) => {
  warmRelatedIndexes(copy);
  await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('an incremental over related records kept as records, found through their index by id', () => {
  it('leaves out what was fetched again unchanged and keeps the rest, as without the index', async () => {
    const records = Array.from({ length: 40 }, (_, r) => line(r));
    const fetched = [line(3), line(8, 99), line(12), { ...line(50), id: '0frNEW000000000001' }];
    const deleted = [line(20).id, '0frGONE00000000001'];
    const walked = changedRecords(object(records.slice()), fetched, deleted);
    const before = object(records);
    await warmed(copyOf([before]));
    const indexed = changedRecords(before, fetched, deleted);
    expect(indexed).toEqual(walked);
    expect(indexed).toEqual({ upserts: [line(8, 99), { ...line(50), id: '0frNEW000000000001' }], deleted: [line(20).id] });
  });

  it('after an incremental changed the records, the next compares with the new records, not those indexed before', async () => {
    const first = object(Array.from({ length: 30 }, (_, r) => line(r)));
    await warmed(copyOf([first]));
    // Sync 1: line 5's amount changes (the copy's records become a new array).
    const second = applyObjectDelta(copyOf([first]), change([line(5, 77)], []));
    expect(second.records.find((record) => record.id === line(5).id)).toEqual(line(5, 77));
    // Sync 2, before or after the background's index of the new records: line 5 fetched again as it now is — no change;
    // as it was before sync 1 — a change.
    for (const index of [false, true]) {
      if (index) await warmed(copyOf([second]));
      expect(changedRecords(second, [line(5, 77)], [])).toEqual({ upserts: [], deleted: [] });
      expect(changedRecords(second, [line(5)], [])).toEqual({ upserts: [line(5)], deleted: [] });
    }
  });

  it('an id kept twice (never from Salesforce): its last record is the one compared, with or without the index', async () => {
    const records = [line(1), line(2, 10), line(3), line(2, 20)];
    const before = object(records);
    const walked = [changedRecords(before, [line(2, 20)], []), changedRecords(before, [line(2, 10)], [])];
    await warmed(copyOf([before]));
    expect([changedRecords(before, [line(2, 20)], []), changedRecords(before, [line(2, 10)], [])]).toEqual(walked);
    expect(walked).toEqual([{ upserts: [], deleted: [] }, { upserts: [line(2, 10)], deleted: [] }]);
  });
});
