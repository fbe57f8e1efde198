import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvoiceRow } from '../../../electron/contract';
import { decodeInvoiceColumns, encodeInvoiceColumns } from '../../../electron/contract/invoice-columns';
import { chunksOf, chunkView, RowColumns } from '../../../electron/core/invoices/snapshot/row-columns';
import type { Snapshot } from '../../../electron/core/invoices/snapshot/snapshot';
import { columnTable, rowTableOf } from '../../../electron/core/invoices/snapshot/row-table';
import { windowColumns } from '../../../electron/core/invoices/read/window-columns';
import { SharedValues } from '../../../electron/core/invoices/read/shared-values';

const meta = { object: 'Invoice', signature: 's', syncedAt: '2026-12-06T21:00:00.000Z', watermark: null };

/** Cells of every kind a copy holds: nulls, repeats in runs and apart, non-Latin-1 text, lone surrogates, −0. */
const text = fc.constantFrom('Acme', 'Acme ', 'acme', 'Zürich Ärzte GmbH', '東京 😀', '\ud800', '', 'A'.repeat(40));
const day = fc.option(fc.constantFrom('2026-01-31', '2026-02-01', '1999-12-01', 'not a day'), { nil: null });
const anyRow: fc.Arbitrary<InvoiceRow> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 20, unit: 'binary' }),
  number: fc.constantFrom('INV-9', 'INV-10', '請求-7', ''),
  customer: fc.option(text, { nil: null }),
  invoiceDate: day,
  dueDate: day,
  status: fc.option(fc.constantFrom('Posted', 'Draft', '\ud800'), { nil: null }),
  total: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
  balance: fc.option(fc.oneof(fc.constant(-0), fc.double({ noNaN: true, noDefaultInfinity: true })), { nil: null }),
  currency: fc.constantFrom('EUR', 'JPY', 'CHF'),
  lastModified: fc.option(fc.constantFrom('2026-11-29T12:00:00.000Z', '2026-12-06T21:00:00.000Z'), { nil: null }),
  customerId: fc.option(fc.constantFrom('001000000000001AAA', '001000000000002AAA', ''), { nil: undefined }),
});

/** What the rows encoder gives for the same rows, decoded: the reference the columns read in place must equal. */
const viaRows = (rows: readonly InvoiceRow[]) => decodeInvoiceColumns(encodeInvoiceColumns(rows));

describe('a list window read straight from the copy’s columns (issue #19: no row object per invoice)', () => {
  it('decodes to exactly the rows at those places, in that order, fields present as the rows have them — any rows, chunks and places', () => {
    fc.assert(
      fc.property(fc.array(anyRow, { maxLength: 60 }), fc.integer({ min: 1, max: 13 }), fc.array(fc.nat(), { maxLength: 600 }), (rows, size, picks) => {
        // Up to 600 places: windows of more than the 256 rows window-columns.ts finds at a time (RowsAhead).
        const table = columnTable(new RowColumns(chunksOf(rows, size)));
        const places = rows.length ? picks.map((p) => p % rows.length) : [];
        const columns = windowColumns(table, Uint32Array.from(places), null)!;
        expect(decodeInvoiceColumns(columns)).toStrictEqual(viaRows(places.map((i) => table.rowAt(i))));
      }),
    );
  });

  it('tells apart thousands of distinct values of one length in a window (its table of values meets others on the way)', () => {
    const rows = Array.from({ length: 6000 }, (_, i): InvoiceRow => ({
      id: `a0B${String(i).padStart(15, '0')}`, number: `INV-${i}`, customer: `Customer ${String((i * 7919) % 5000).padStart(4, '0')}`,
      invoiceDate: `2026-01-${String(1 + (i % 28)).padStart(2, '0')}`, dueDate: `2026-02-${String(1 + ((i * 13) % 28)).padStart(2, '0')}`, status: i % 3 ? 'Posted' : 'Draft',
      total: i, balance: -i, currency: ['EUR', 'USD', 'JPY'][i % 3]!, lastModified: null, customerId: `001${String((i * 31) % 4000).padStart(15, '0')}`,
    }));
    const table = columnTable(new RowColumns(chunksOf(rows, 1000)));
    const places = Uint32Array.from(rows, (_, i) => (i * 4001) % rows.length);
    expect(decodeInvoiceColumns(windowColumns(table, places, null)!)).toStrictEqual(viaRows(Array.from(places, (i) => table.rowAt(i))));
  });

  it('windows of one list read through its values kept from window to window are the columns each gives alone — also when the list starts its values again', () => {
    fc.assert(
      fc.property(fc.array(anyRow, { minLength: 1, maxLength: 60 }), fc.array(fc.array(fc.nat(), { maxLength: 40 }), { maxLength: 6 }), fc.integer({ min: 0, max: 12 }), (rows, windows, most) => {
        // Customers, account ids and currencies of every kind: the value last met beside a customer is often not the row's.
        const table = columnTable(new RowColumns(chunksOf(rows, 7)));
        const shared = new SharedValues(most);
        for (const picks of windows) {
          const places = Uint32Array.from(picks, (p) => p % rows.length);
          // The same strings in the same order and the same places: exactly the columns of a window read alone.
          expect(windowColumns(table, places, null, shared)).toStrictEqual(windowColumns(table, places, null));
        }
      }),
    );
  });

  it('reads a copy whose chunks are views of other chunks’ runs (a journal folded over the copy)', () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ ...fc.sample(anyRow, { numRuns: 1, seed: i })[0]!, id: `a0B${i}` }));
    const [first, second] = chunksOf(rows, 20);
    const views = new RowColumns([chunkView(first!, 3, 17), chunkView(second!, 0, 5), chunkView(second!, 11, 20)]);
    const kept = [...rows.slice(3, 17), ...rows.slice(20, 25), ...rows.slice(31, 40)];
    const places = Uint32Array.from(kept.map((_, i) => kept.length - 1 - i));
    expect(decodeInvoiceColumns(windowColumns(columnTable(views), places, null)!)).toStrictEqual(viaRows(Array.from(places, (i) => kept[i]!)));
  });

  it('a copy over rows (an older format, an incremental sync’s rows) is left to the rows encoder', () => {
    const snapshot: Snapshot = { ...meta, rows: fc.sample(anyRow, { numRuns: 5, seed: 7 }) };
    expect(windowColumns(rowTableOf(snapshot), Uint32Array.of(0, 1), null)).toBeNull();
  });
});
