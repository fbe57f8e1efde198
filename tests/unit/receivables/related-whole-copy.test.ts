import { describe, expect, it } from 'vitest';
import { applyRelatedDelta, relatedDeltaFrom, type RelatedCopy } from '../../../electron/core/invoices/related/related-copy';

const copy: RelatedCopy = {
  objects: [
    { role: 'payment', object: 'Payment', signature: 's1', watermark: 5, records: [{ id: 'P1', number: 'PAY-UNIQUE-1', amount: 10 }] },
    { role: 'paymentApplication', object: 'PaymentLineInvoice', signature: 's2', watermark: 6, records: [{ id: 'A1', source: 'P1', invoice: 'I1', amount: 10, type: 'Applied' }] },
  ],
  warnings: ['w'],
  none: null,
};

describe('the related copy written whole as one record (files written before the segments of cache-related.ts)', () => {
  it('reads back to the same copy', () => {
    const whole = { ...copy, objects: copy.objects.map(({ records, ...o }) => ({ ...o, replace: true, upserts: records, deleted: [] })) };
    expect(applyRelatedDelta(null, relatedDeltaFrom(JSON.parse(JSON.stringify(whole))))).toEqual(copy);
  });

  it('still reads a file written with the records twice (as records and as upserts)', () => {
    const old = { ...copy, objects: copy.objects.map((o) => ({ ...o, replace: true, upserts: o.records, deleted: [] })) };
    expect(applyRelatedDelta(null, relatedDeltaFrom(JSON.parse(JSON.stringify(old))))).toEqual(copy);
  });
});
