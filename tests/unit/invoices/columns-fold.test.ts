import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvoiceRow } from '../../../electron/contract';
import { mergeIntoColumns } from '../../../electron/core/invoices/snapshot/columns-fold';
import { chunksOf, RowColumns } from '../../../electron/core/invoices/snapshot/row-columns';
import { columnSnapshot, columnsOf, mergeChanges, type Change, type Snapshot, type SnapshotMeta } from '../../../electron/core/invoices/snapshot/snapshot';

const IDS = ['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9', 'b0', 'b1'];

/** A row as the mapper makes it: any cell nullable but id, number and currency; non-Latin-1 text too. */
const rowOf = (id: string): fc.Arbitrary<InvoiceRow> =>
  fc.record({
    id: fc.constant(id),
    number: fc.constantFrom(`INV-${id}`, `Rechnung ${id} ✓`),
    customer: fc.option(fc.constantFrom('Zürich Ärzte GmbH', 'Acme', '株式会社'), { nil: null }),
    invoiceDate: fc.option(fc.constantFrom('2026-01-31', '1999-12-01'), { nil: null }),
    dueDate: fc.option(fc.constant('2026-02-28'), { nil: null }),
    status: fc.option(fc.constantFrom('Posted', 'Draft'), { nil: null }),
    total: fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }),
    balance: fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }),
    currency: fc.constantFrom('EUR', 'JPY'),
    lastModified: fc.option(fc.constant('2026-11-29T12:00:00.000Z'), { nil: null }),
    customerId: fc.option(fc.constant('001000000000001AAA'), { nil: undefined }),
  });

const anyChange: fc.Arbitrary<Change> = fc.constantFrom(...IDS).chain((id) => fc.record({ row: rowOf(id), deleted: fc.boolean() }));
/** A copy as a full sync leaves it: distinct ids, in pages (chunks) of any size. */
const anyBase = fc.tuple(fc.shuffledSubarray(IDS), fc.integer({ min: 1, max: 5 })).chain(([ids, size]) =>
  fc.tuple(fc.tuple(...ids.map(rowOf)), fc.constant(size)),
);
const meta = (watermark: number): SnapshotMeta => ({ object: 'Invoice', signature: 'sig', syncedAt: new Date(watermark).toISOString(), watermark });

describe('an incremental sync folded over the copy’s columns', () => {
  it('gives the same rows in the same order, the same delta and the same change counts as the fold over row objects, and stays columns', () => {
    fc.assert(
      fc.property(anyBase, fc.array(fc.array(anyChange, { maxLength: 8 }), { minLength: 1, maxLength: 4 }), ([baseRows, size], syncs) => {
        let snapshot: Snapshot = columnSnapshot(meta(1), new RowColumns(chunksOf(baseRows, size)));
        let rows: InvoiceRow[] = baseRows;
        for (const [i, changes] of syncs.entries()) {
          const before = columnsOf(snapshot)!.materialize();
          const overColumns = mergeIntoColumns(snapshot, meta(2 + i), changes);
          const overRows = mergeChanges(rows, changes);
          expect(columnsOf(overColumns.snapshot)).not.toBeNull();
          expect(columnsOf(overColumns.snapshot)!.materialize()).toEqual(overRows.rows);
          expect(overColumns.delta).toEqual(overRows.delta);
          expect([overColumns.changed, overColumns.deleted]).toEqual([overRows.changed, overRows.deleted]);
          const counts = (t: typeof overRows.tally) => [t.added, t.changed, t.deleted];
          expect(counts(overColumns.tally)).toEqual(counts(overRows.tally));
          // The change log and the event name the same invoices with the same changed fields (the cells are compared in
          // place, the previous row made only for the log: columns-changes.ts).
          expect(overColumns.tally.toLog('at', false)).toEqual(overRows.tally.toLog('at', false));
          expect(overColumns.tally.toEvent('c')).toEqual(overRows.tally.toEvent('c'));
          // The previous copy is left as it was (a sync that fails after this keeps it).
          expect(columnsOf(snapshot)!.materialize()).toEqual(before);
          snapshot = overColumns.snapshot;
          rows = overRows.rows;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('shares every page that did not change with the previous copy, and appends new invoices after the last', () => {
    const rows = Array.from({ length: 9 }, (_, i) => ({
      id: `id${i}`, number: `INV-${i}`, customer: 'Acme', invoiceDate: '2026-01-01', dueDate: null, status: 'Posted', total: i, balance: i, currency: 'EUR', lastModified: null,
    }) satisfies InvoiceRow);
    const base = new RowColumns(chunksOf(rows, 3));
    const previous = columnSnapshot(meta(1), base);
    const merged = mergeIntoColumns(previous, meta(2), [
      { row: { ...rows[4]!, balance: 0 }, deleted: false },
      { row: { ...rows[0]!, id: 'new' }, deleted: false },
    ]);
    const chunks = columnsOf(merged.snapshot)!.chunks;
    expect(chunks[0]).toBe(base.chunks[0]);
    expect(chunks[1]).not.toBe(base.chunks[1]);
    expect(columnsOf(merged.snapshot)!.materialize().map((r) => [r.id, r.balance])).toEqual([
      ...rows.map((r) => [r.id, r.id === 'id4' ? 0 : r.balance]),
      ['new', 0],
    ]);
  });
});
