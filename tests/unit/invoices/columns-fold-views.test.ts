import { describe, expect, it } from 'vitest';
import type { InvoiceRow } from '../../../electron/contract';
import { decodeCache, encodeSnapshot, segmentsOf } from '../../../electron/core/invoices/cache/cache-format';
import { decodeColumnSegment, encodeColumnSegment } from '../../../electron/core/invoices/cache/column-segment';
import { mergeIntoColumns } from '../../../electron/core/invoices/snapshot/columns-fold';
import { chunksOf, RowColumns } from '../../../electron/core/invoices/snapshot/row-columns';
import { rowTableOf } from '../../../electron/core/invoices/snapshot/row-table';
import { columnSnapshot, columnsOf, mergeChanges, type Change, type Snapshot, type SnapshotMeta } from '../../../electron/core/invoices/snapshot/snapshot';
import { TestSecretBox } from '../../support/test-ports';

/**
 * An incremental sync with 1% of a copy's invoices changed, spread over it, has changes in every 2,000-row page: the fold
 * used to copy every page's text (most of the incremental's CPU, BENCHMARKS session 20). Now a page's unchanged runs are
 * views of it (its text shared, not copied) and only the changed rows are written anew: the same rows in the same order
 * as the fold over row objects, the same copy on disk, and the pieces packed again before they grow many.
 */
const ROWS = 10_000;
const row = (i: number, version = 0): InvoiceRow => ({
  id: `3tt${String(i).padStart(12, '0')}AAA`,
  number: i % 7 === 0 ? `Rechnung ${i} ✓` : `INV-${i}`,
  customer: i % 11 === 0 ? null : i % 5 === 0 ? `Zürich Ärzte ${i % 40}` : `Acme ${i % 40}`,
  invoiceDate: i % 13 === 0 ? null : '2026-01-31',
  dueDate: version ? `2027-0${1 + (version % 9)}-01` : '2026-02-28',
  status: i % 3 ? 'Posted' : 'Draft',
  total: i % 17 === 0 ? null : i * 10 + version,
  balance: version ? i : i * 10,
  currency: i % 2 ? 'EUR' : 'JPY',
  lastModified: '2026-11-29T12:00:00.000Z',
  ...(i % 4 ? { customerId: `001${String(i % 40).padStart(12, '0')}AAA` } : {}),
});
const meta = (watermark: number): SnapshotMeta => ({ object: 'Invoice', signature: 'sig', syncedAt: new Date(watermark).toISOString(), watermark });

/** 1% of the copy changed, spread (every 100th from `offset`), two deleted, two new. */
function spread(offset: number, version: number): Change[] {
  const changes: Change[] = [];
  for (let i = offset; i < ROWS; i += 100) changes.push({ row: row(i, version), deleted: false });
  changes.push({ row: row(offset + 1), deleted: true }, { row: row(offset + 2), deleted: true });
  changes.push({ row: row(ROWS + version * 2), deleted: false }, { row: row(ROWS + version * 2 + 1), deleted: false });
  return changes;
}

describe('an incremental sync with changes in every page of the copy', () => {
  const base = Array.from({ length: ROWS }, (_, i) => row(i));
  const first = columnSnapshot(meta(1), new RowColumns(chunksOf(base, 2000)));

  it('keeps each page\'s unchanged runs as views of it (its text not copied), with the same rows in the same order as the fold over rows', () => {
    const before = columnsOf(first)!.materialize();
    const changes = spread(50, 1);
    const { snapshot } = mergeIntoColumns(first, meta(2), changes);
    const chunks = columnsOf(snapshot)!.chunks;
    expect(columnsOf(snapshot)!.materialize()).toEqual(mergeChanges(base, changes).rows);
    // The pages' texts are shared, not copied: every run between two changes (99 rows) is a view of its page.
    const pageTexts = new Set(columnsOf(first)!.chunks.map((chunk) => chunk.text));
    const views = chunks.filter((chunk) => pageTexts.has(chunk.text));
    expect(views.length).toBeGreaterThanOrEqual(100);
    expect(views.reduce((sum, chunk) => sum + chunk.rows, 0)).toBeGreaterThan(ROWS * 0.95);
    // The changed rows of a page are written into one chunk for the page (shown in place by views of it), not one chunk
    // per changed row: 5 pages changed, so 5 new texts besides the pages', and the new invoices' chunk (session 32).
    const written = new Set(chunks.filter((chunk) => !pageTexts.has(chunk.text)).map((chunk) => chunk.text));
    expect(written.size).toBe(5 + 1);
    // The previous copy is left as it was; every invoice is found by id in the new one.
    expect(columnsOf(first)!.materialize()).toEqual(before);
    const table = rowTableOf(snapshot);
    for (const [i, expected] of mergeChanges(base, changes).rows.entries()) expect(table.indexOfId(expected.id)).toBe(i);
  });

  it('writes the same copy to disk: a segment of views holds their rows only, and the file reads back the same rows', async () => {
    const changes = spread(50, 1);
    const { snapshot } = mergeIntoColumns(first, meta(2), changes);
    const expected = mergeChanges(base, changes).rows;
    for (const segment of segmentsOf(snapshot)) {
      expect(new RowColumns([decodeColumnSegment(encodeColumnSegment(segment))]).materialize()).toEqual(new RowColumns(segment).materialize());
    }
    const box = new TestSecretBox();
    const decoded = await decodeCache(await encodeSnapshot(snapshot, box, 'c1'), box, 'c1');
    expect(decoded.snapshot.rows).toEqual(expected);
  });

  it('sync after sync, changes at new places: the same rows as the fold over rows, and never more than a few hundred pieces (packed again past the budget)', () => {
    let snapshot: Snapshot = first;
    let rows = base;
    let most = 0;
    for (let k = 1; k <= 12; k++) {
      const changes = spread((k * 37) % 100, k);
      snapshot = mergeIntoColumns(snapshot, meta(1 + k), changes).snapshot;
      rows = mergeChanges(rows, changes).rows;
      most = Math.max(most, columnsOf(snapshot)!.chunks.length);
      expect(columnsOf(snapshot)!.materialize()).toEqual(rows);
    }
    // 10,000 rows: at most 400 pieces (rows / 25), then packed into pages again.
    expect(most).toBeLessThanOrEqual(400);
    expect(most).toBeGreaterThan(200);
  });
});
