import { describe, expect, it } from 'vitest';
import { applyRelatedDelta, relatedDeltaFrom, wholeCopy, type RelatedCopy } from '../../../electron/core/invoices/related/related-copy';

const copy: RelatedCopy = {
  objects: [
    { role: 'payment', object: 'Payment', signature: 's1', watermark: 5, records: [{ id: 'P1', number: 'PAY-UNIQUE-1', amount: 10 }] },
    { role: 'paymentApplication', object: 'PaymentLineInvoice', signature: 's2', watermark: 6, records: [{ id: 'A1', source: 'P1', invoice: 'I1', amount: 10, type: 'Applied' }] },
  ],
  warnings: ['w'],
  none: null,
};

describe('the related copy written whole (full sync, compaction)', () => {
  it('writes each record once and reads back to the same copy', () => {
    const json = JSON.stringify(wholeCopy(copy));
    expect(json.split('PAY-UNIQUE-1').length - 1).toBe(1);
    expect(applyRelatedDelta(null, relatedDeltaFrom(JSON.parse(json)))).toEqual(copy);
  });

  it('still reads a file written with the records twice (as records and as upserts)', () => {
    const old = { ...copy, objects: copy.objects.map((o) => ({ ...o, replace: true, upserts: o.records, deleted: [] })) };
    expect(applyRelatedDelta(null, relatedDeltaFrom(JSON.parse(JSON.stringify(old))))).toEqual(copy);
  });
});
