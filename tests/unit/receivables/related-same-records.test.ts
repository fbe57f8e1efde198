import { describe, expect, it } from 'vitest';
import { applyRelatedDelta, changedRecords, lazyRecords, sameRelatedRecords, type RelatedCopy, type RelatedDelta, type RelatedObjectCopy, type RelatedRecord } from '../../../electron/core/invoices/related/related-copy';
import type { CsvReading } from '../../../electron/core/invoices/related/related-csv';
import { CsvTable } from '../../../electron/core/invoices/related/related-csv-table';

/**
 * Whether a new copy holds the very records of the previous one — what lets the list keep its version after a sync that
 * changed nothing without computing every invoice's payment figures twice (invoice-list.ts sameRows). A wrong "same" would
 * keep an old list's version over new figures: every change below must say "not the same".
 */
const reading: CsvReading = {
  object: 'PaymentLineInvoice', modstamp: 'SystemModstamp',
  paths: { invoice: 'InvoiceId', amount: 'Amount', type: 'Type', stamp: 'SystemModstamp' },
  cells: { amount: 'number', stamp: 'instant' },
};
const ids = Array.from({ length: 20 }, (_, r) => `0a4${String(r).padStart(15, '0')}`);
const cells = (r: number) => [ids[r]!, `3tt${r % 7}`, String(r * 1.25 + 1), 'Applied', `2026-12-0${1 + (r % 5)}T10:0${r % 10}:00.000Z`];
const restRecord = (r: number): RelatedRecord => {
  const [id, invoice, amount, type, stamp] = cells(r);
  return { id: id!, invoice: invoice!, amount: Number(amount), type: type!, stamp: `${stamp!.slice(0, 23)}+0000` };
};
function applications(): RelatedObjectCopy {
  const table = new CsvTable(reading);
  table.add(`"Id","InvoiceId","Amount","Type","SystemModstamp"\n${ids.map((_, r) => `${cells(r).map((c) => `"${c}"`).join(',')}\n`).join('')}`);
  return lazyRecords({ role: 'paymentApplication', object: 'PaymentLineInvoice', signature: 's', watermark: 1 } as RelatedObjectCopy, 'records', table.length, () => table.records(), table);
}
const rates = (rate: number): RelatedObjectCopy => ({ role: 'datedRates', object: 'DatedConversionRate', signature: 'r', watermark: null, records: [{ id: '04w1', IsoCode: 'EUR', ConversionRate: rate, StartDate: '2026-01-01' }] } as unknown as RelatedObjectCopy);
const copy = (): RelatedCopy => ({ objects: [applications(), rates(0.9)], warnings: ['Refund lines: hidden field Amount'], none: null });

/** An incremental's delta: the applications with what the overlap fetched again (left out as `related-sync` does), the rates whole. */
function incremental(before: RelatedCopy, upserts: RelatedRecord[], rate = 0.9, warnings = before.warnings): RelatedDelta {
  const kept = changedRecords(before.objects[0], upserts, []);
  return {
    objects: [
      { role: 'paymentApplication', object: 'PaymentLineInvoice', signature: 's', watermark: 2, replace: false, ...kept },
      { ...rates(rate), replace: true, upserts: rates(rate).records, deleted: [] } as never,
    ],
    warnings,
    none: null,
  };
}

describe('the same related records after a sync', () => {
  it('an incremental that fetched again only unchanged records, the rates fetched whole and equal: the same records', () => {
    const before = copy();
    expect(sameRelatedRecords(before, applyRelatedDelta(before, incremental(before, [restRecord(3), restRecord(4)])))).toBe(true);
    expect(sameRelatedRecords(null, undefined)).toBe(false);
    expect(sameRelatedRecords(undefined, undefined)).toBe(true);
  });

  it.each([
    ['an application changed', (before: RelatedCopy) => incremental(before, [{ ...restRecord(3), amount: 0 }])],
    ['a new application', (before: RelatedCopy) => incremental(before, [{ ...restRecord(3), id: '0a4NEW000000000001' }])],
    ['an application deleted', (before: RelatedCopy) => ({ ...incremental(before, []), objects: [{ ...incremental(before, []).objects[0]!, deleted: [ids[5]!] }, incremental(before, []).objects[1]!] })],
    ['a rate changed', (before: RelatedCopy) => incremental(before, [], 0.91)],
    ['a warning gone', (before: RelatedCopy) => incremental(before, [], 0.9, [])],
    ['an object dropped', (before: RelatedCopy) => ({ ...incremental(before, []), objects: incremental(before, []).objects.slice(0, 1) })],
  ])('%s: not the same', (_, delta) => {
    const before = copy();
    expect(sameRelatedRecords(before, applyRelatedDelta(before, delta(before)))).toBe(false);
  });

  it('a full sync’s Bulk objects (read again from new parts) are not the same, even with equal records (REST records equal one by one are)', () => {
    expect(sameRelatedRecords(copy(), copy())).toBe(false);
  });
});
