import { describe, expect, it } from 'vitest';
import { applyRelatedDelta, type RelatedCopy, type RelatedObjectDelta, type RelatedRecord } from '../../../electron/core/invoices/related/related-copy';

/**
 * An incremental sync's related changes merged into the kept copy: an upsert takes its record's place, a new record
 * goes at the end, a deleted id leaves (upserted or not), the last of two upserts of one id wins at the first one's
 * place — what the copy, the file's journal replay and every reader see, checked against a plain reference merge.
 */
const rec = (id: string, amount: number): RelatedRecord => ({ id, amount, invoice: `I${id}` });

function reference(records: RelatedRecord[], upserts: RelatedRecord[], deleted: string[]): RelatedRecord[] {
  const out = records.slice();
  for (const record of upserts) {
    const i = out.findIndex((r) => r.id === record.id);
    if (i < 0) out.push(record);
    else out[i] = record;
  }
  return out.filter((r) => !deleted.includes(r.id));
}

const copyOf = (records: RelatedRecord[]): RelatedCopy => ({
  objects: [{ role: 'paymentApplication', object: 'PaymentLineInvoice', signature: 's', watermark: 1, records }], warnings: [], none: null,
});
const delta = (upserts: RelatedRecord[], deleted: string[], replace = false): RelatedObjectDelta => ({
  role: 'paymentApplication', object: 'PaymentLineInvoice', signature: 's', watermark: 2, replace, upserts, deleted,
});

describe('applyRelatedDelta (an incremental sync merged into the copy)', () => {
  it('matches the reference merge for updates, new records, deletes, repeated ids and a delete of an upserted record', () => {
    const base = Array.from({ length: 50 }, (_, i) => rec(String(i), i));
    const cases: [RelatedRecord[], string[]][] = [
      [[], []],
      [[rec('3', 300), rec('new1', 1), rec('10', 1000)], []],
      [[rec('new1', 1), rec('5', 500), rec('new1', 2), rec('5', 501)], ['7', '8']],
      [[rec('new2', 9), rec('12', 1200)], ['new2', '12', '0', '49', 'unknown']],
    ];
    for (const [upserts, deleted] of cases) {
      const next = applyRelatedDelta(copyOf(base), { objects: [delta(upserts, deleted)], warnings: [], none: null });
      expect(next.objects[0]!.records).toEqual(reference(base, upserts, deleted));
      expect(next.objects[0]!.watermark).toBe(2);
    }
  });

  it('leaves the previous copy as it was, and a full set (replace) becomes the copy as it came', () => {
    const base = [rec('1', 1), rec('2', 2)];
    const before = structuredClone(base);
    const next = applyRelatedDelta(copyOf(base), { objects: [delta([rec('2', 20), rec('3', 3)], ['1'])], warnings: [], none: null });
    expect(base).toEqual(before);
    expect(next.objects[0]!.records).toEqual([rec('2', 20), rec('3', 3)]);
    const whole = [rec('9', 9)];
    expect(applyRelatedDelta(copyOf(base), { objects: [delta(whole, [], true)], warnings: [], none: null }).objects[0]!.records).toBe(whole);
    // A replace that also deletes (never sent by a full query) starts from nothing.
    expect(applyRelatedDelta(copyOf(base), { objects: [delta([rec('4', 4), rec('5', 5)], ['5'], true)], warnings: [], none: null }).objects[0]!.records).toEqual([rec('4', 4)]);
  });
});
