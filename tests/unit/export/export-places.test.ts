import { describe, expect, it } from 'vitest';
import type { InvoiceRow } from '../../../electron/contract';
import { copyExportRows } from '../../../electron/core/invoices/read/export-rows';
import { orderedRows } from '../../../electron/core/invoices/read/ordered-rows';
import { chunksOf, RowColumns } from '../../../electron/core/invoices/snapshot/row-columns';
import { rowTableOf } from '../../../electron/core/invoices/snapshot/row-table';
import { columnSnapshot, type Snapshot } from '../../../electron/core/invoices/snapshot/snapshot';
import { exportRow } from '../../support/export-row';

/**
 * The ids an export asks are found in the copy by the list's order first (export-rows.ts `placesOf`): the same rows,
 * in the order asked, whatever the order, and the copy's index by id is not asked when the ids come in the list's order.
 */

const meta = { object: 'Invoice', signature: 's', syncedAt: '2026-11-29T12:00:00.000Z', watermark: null };
// Dates that tie and repeat, so the list's order is neither the copy's nor its reverse.
const rows: InvoiceRow[] = Array.from({ length: 500 }, (_, n) => exportRow(n, { invoiceDate: n % 9 === 0 ? null : `2026-0${1 + (n % 7)}-1${n % 10}`, number: `INV-${(n * 37) % 500}` }));

function exported(snapshot: Snapshot, ids: readonly string[]): string[] {
  const reader = copyExportRows(snapshot).rowsOf(ids);
  return Array.from({ length: reader.length }, (_, k) => reader.at(k)!.id);
}

describe('an export’s ids found by the list’s order', () => {
  for (const [name, make] of [
    ['columns (chunks of 7)', () => columnSnapshot(meta, new RowColumns(chunksOf(rows, 7)))],
    ['rows (an older copy)', () => ({ ...meta, rows }) as Snapshot],
  ] as const) {
    it(`${name}: the ids asked that the copy has, in their order — list order, filtered, reversed, shuffled with repeats and unknown ids`, () => {
      const snapshot = make();
      const table = rowTableOf(snapshot);
      let lookups = 0;
      const indexOfId = table.indexOfId.bind(table);
      table.indexOfId = (id) => {
        lookups++;
        return indexOfId(id);
      };
      const list = orderedRows(snapshot).slice(0, rows.length).map((row) => row.id);
      expect(exported(snapshot, list)).toEqual(list);
      expect(lookups, 'the list’s order: no lookup by id').toBe(0);
      const filtered = list.filter((_, k) => k % 3 !== 1);
      expect(exported(snapshot, filtered)).toEqual(filtered);
      const reversed = [...list].reverse();
      expect(exported(snapshot, reversed)).toEqual(reversed);
      let seed = 3;
      const random = () => ((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32);
      const shuffled = [...list, ...list.slice(0, 50), 'a0Ggone', list[0]!].sort(() => random() - 0.5);
      expect(exported(snapshot, shuffled)).toEqual(shuffled.filter((id) => id !== 'a0Ggone'));
      // A run in the list's order after a jump: found by the order again from the jump's place.
      const jump = [list[400]!, 'a0Ggone', ...list.slice(10, 20), list[3]!, ...list.slice(4, 9)];
      expect(exported(snapshot, jump)).toEqual(jump.filter((id) => id !== 'a0Ggone'));
    });
  }

  it('before the list is made for a copy, every id is looked up as before', () => {
    const snapshot = columnSnapshot(meta, new RowColumns(chunksOf(rows, 50)));
    const ids = rows.map((row) => row.id).reverse();
    expect(exported(snapshot, ids)).toEqual(ids);
    expect(orderedRows.made(snapshot), 'the export did not order the copy').toBeUndefined();
  });
});
