import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANGED_IDS_CAP, type InvoiceRow } from '../../../electron/contract';
import { chunksOf } from '../../../electron/core/invoices/snapshot/row-columns';
import { ChangeTally } from '../../../electron/core/invoices/snapshot/row-diff';

const row = (id: string, balance: number | null, customer: string | null = 'Acme'): InvoiceRow => ({
  id, number: `INV-${id}`, customer, invoiceDate: '2026-01-01', dueDate: null, status: 'Posted', total: 100, balance, currency: 'EUR', lastModified: null,
});

/** The tally a full sync kept before (one row object per record), for comparison. */
function perRow(rows: InvoiceRow[], previous: Map<string, InvoiceRow>): { tally: ChangeTally; kept: number } {
  const tally = new ChangeTally();
  let kept = 0;
  for (const r of rows) {
    const old = previous.get(r.id);
    if (old !== undefined) kept++;
    tally.upserted(old, r);
  }
  return { tally, kept };
}

function perChunk(rows: InvoiceRow[], previous: Map<string, InvoiceRow>, size: number): { tally: ChangeTally; kept: number } {
  const tally = new ChangeTally();
  let kept = 0;
  for (const chunk of chunksOf(rows, size)) kept += tally.upsertedChunk(chunk, previous.size === 0 ? null : (id) => previous.get(id));
  return { tally, kept };
}

const same = (a: { tally: ChangeTally; kept: number }, b: { tally: ChangeTally; kept: number }) => {
  expect(b.kept).toBe(a.kept);
  expect(b.tally.toLog('2026-11-29T12:00:00.000Z', false)).toEqual(a.tally.toLog('2026-11-29T12:00:00.000Z', false));
  expect(b.tally.toEvent('c1')).toEqual(a.tally.toEvent('c1'));
};

describe('a full sync’s change log, tallied from the columns of each page', () => {
  it('is the one a row per record gave: added, changed (with the fields that differ), unchanged, in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.integer({ min: 0, max: 40 }), balance: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }), customer: fc.constantFrom('Acme', null) }), { maxLength: 60 }),
        fc.array(fc.record({ id: fc.integer({ min: 0, max: 40 }), balance: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }) }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 13 }),
        (now, before, size) => {
          const rows = [...new Map(now.map((r) => [r.id, row(`r${r.id}`, r.balance, r.customer)])).values()];
          const previous = new Map(before.map((r) => [`r${r.id}`, row(`r${r.id}`, r.balance)]));
          same(perRow(rows, previous), perChunk(rows, previous, size));
        },
      ),
    );
  });

  it('past the log’s cap (a first copy of thousands): counts every row and names the first ones, as before', () => {
    const rows = Array.from({ length: CHANGED_IDS_CAP * 2 + 7 }, (_, i) => row(`n${i}`, i));
    same(perRow(rows, new Map()), perChunk(rows, new Map(), 256));
    const previous = new Map(rows.filter((_, i) => i % 3 === 0).map((r) => [r.id, { ...r, balance: r.balance! + (r.id.endsWith('0') ? 1 : 0) }]));
    same(perRow(rows, previous), perChunk(rows, previous, 256));
  });
});
