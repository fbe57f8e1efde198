import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvoiceRow } from '../../../electron/contract';
import { ColumnsFold, mergeIntoColumns } from '../../../electron/core/invoices/snapshot/columns-fold';
import { chunksOf, RowColumns } from '../../../electron/core/invoices/snapshot/row-columns';
import { columnTable } from '../../../electron/core/invoices/snapshot/row-table';
import { columnSnapshot, columnsOf, type Change, type Snapshot, type SnapshotMeta } from '../../../electron/core/invoices/snapshot/snapshot';

const IDS = ['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'];
const rowOf = (id: string, n: number): InvoiceRow => ({
  id, number: `N${n}`, customer: n % 3 ? 'Zürich ✓' : null, invoiceDate: '2026-01-01', dueDate: null, status: 'Posted',
  total: n, balance: n % 2 ? null : -0, currency: 'EUR', lastModified: null,
});
const anyChange: fc.Arbitrary<Change> = fc.tuple(fc.constantFrom(...IDS), fc.nat(99), fc.boolean()).map(([id, n, deleted]) => ({ row: rowOf(id, n), deleted }));
const meta = (w: number): SnapshotMeta => ({ object: 'Invoice', signature: 's', syncedAt: new Date(w).toISOString(), watermark: w });

describe('review: a journal replayed in one fold gives the copy the syncs left', () => {
  it('successive incremental folds = one ColumnsFold over every delta (deleted then re-added, changed twice)', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(IDS), fc.integer({ min: 1, max: 4 }), fc.array(fc.array(anyChange, { maxLength: 8 }), { minLength: 1, maxLength: 5 }), (ids, size, syncs) => {
        const base = new RowColumns(chunksOf(ids.map((id, i) => rowOf(id, i)), size));
        let snapshot: Snapshot = columnSnapshot(meta(1), base);
        const replay = new ColumnsFold(base, columnTable(base));
        for (const [i, changes] of syncs.entries()) {
          const merged = mergeIntoColumns(snapshot, meta(2 + i), changes);
          replay.apply(merged.delta);
          snapshot = merged.snapshot;
        }
        const live = columnsOf(snapshot)!.materialize();
        expect(replay.result().materialize()).toEqual(live);
        expect(new Set(live.map((r) => r.id)).size).toBe(live.length);
      }),
      { numRuns: 500 },
    );
  });
});
