import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvoiceRow } from '../../../electron/contract';
import { decodeColumnSegment, encodeColumnSegment } from '../../../electron/core/invoices/cache/column-segment';
import { UnreadableCacheError } from '../../../electron/core/invoices/cache/cache-rows';
import { ColumnChunkBuilder, chunksOf, RowColumns } from '../../../electron/core/invoices/snapshot/row-columns';
import { columnSnapshot, columnsOf, rowCount } from '../../../electron/core/invoices/snapshot/snapshot';

/** Any row the mapper can make: every text cell nullable but id, number and currency; any string (non-Latin-1, lone surrogates); any finite amount, −0 included. */
const anyRow: fc.Arbitrary<InvoiceRow> = fc.record({
  id: fc.string({ minLength: 1 }),
  number: fc.string(),
  customer: fc.option(fc.string({ unit: 'binary' }), { nil: null }),
  invoiceDate: fc.option(fc.constantFrom('2026-01-31', '1999-12-01'), { nil: null }),
  dueDate: fc.option(fc.constantFrom('2026-02-28'), { nil: null }),
  status: fc.option(fc.constantFrom('Posted', 'Draft', 'Zürich ✓', '\ud800'), { nil: null }),
  total: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
  balance: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
  currency: fc.constantFrom('EUR', 'JPY', 'CHF'),
  lastModified: fc.option(fc.constant('2026-11-29T12:00:00.000Z'), { nil: null }),
  customerId: fc.option(fc.constantFrom('001000000000001AAA', ''), { nil: undefined }),
});

const row = (id: string, total: number | null, extra: Partial<InvoiceRow> = {}): InvoiceRow => ({
  id, number: `INV-${id}`, customer: 'Zürich Ärzte GmbH', invoiceDate: '2026-01-01', dueDate: null, status: 'Posted',
  total, balance: total, currency: 'CHF', lastModified: '2026-11-29T11:00:00.000Z', customerId: undefined, ...extra,
});

describe('rows as columns', () => {
  it('gives back every row exactly, by position and in order, whatever the chunk sizes', () => {
    fc.assert(
      fc.property(fc.array(anyRow, { maxLength: 60 }), fc.integer({ min: 1, max: 17 }), (rows, size) => {
        const columns = new RowColumns(chunksOf(rows, size));
        expect(columns.length).toBe(rows.length);
        expect(columns.materialize()).toEqual(rows);
        expect([...columns.ids()]).toEqual(rows.map((r) => r.id));
        rows.forEach((r, i) => expect(columns.rowAt(i)).toEqual(r));
        expect(columns.rowAt(rows.length)).toBeUndefined();
        expect(columns.rowAt(-1)).toBeUndefined();
        // -0 stays -0 (a credit note's zero balance sorts as Salesforce sent it).
        rows.forEach((r, i) => expect(Object.is(columns.rowAt(i)!.total, r.total)).toBe(true));
      }),
    );
  });

  it('a builder reused for the next page starts clean (no amount or cell of the previous page leaks into a null)', () => {
    const builder = new ColumnChunkBuilder();
    for (let i = 0; i < 300; i++) builder.add(row(`a${i}`, 100 + i));
    const first = builder.chunk()!;
    builder.add(row('b0', null, { customer: null, customerId: '001000000000001AAA' }));
    const second = builder.chunk()!;
    expect(builder.chunk()).toBeNull();
    expect(new RowColumns([first, second]).materialize().slice(-2)).toEqual([row('a299', 399), row('b0', null, { customer: null, customerId: '001000000000001AAA' })]);
  });

  it('a snapshot of columns makes its rows once, when first read, and counts them without making them', () => {
    const columns = new RowColumns(chunksOf([row('a', 1), row('b', 2)], 1));
    const snapshot = columnSnapshot({ object: 'Invoice', signature: 's', syncedAt: '2026-11-29T12:00:00.000Z', watermark: null }, columns);
    expect(rowCount(snapshot)).toBe(2);
    expect(columnsOf(snapshot)).toBe(columns);
    const rows = snapshot.rows;
    expect(snapshot.rows).toBe(rows);
    expect(snapshot).toEqual({ object: 'Invoice', signature: 's', syncedAt: '2026-11-29T12:00:00.000Z', watermark: null, rows: [row('a', 1), row('b', 2)] });
  });
});

describe('a base segment as columns (cache format 5)', () => {
  it('round-trips any rows exactly, several chunks into one segment (Latin-1 and UTF-16 text, long cells)', () => {
    fc.assert(
      fc.property(fc.array(anyRow, { maxLength: 40 }), fc.integer({ min: 1, max: 9 }), (rows, size) => {
        const chunks = chunksOf(rows, size);
        if (chunks.length === 0) return;
        expect(new RowColumns([decodeColumnSegment(encodeColumnSegment(chunks))]).materialize()).toEqual(rows);
      }),
    );
    const long = [row('x', 1, { customer: 'ä'.repeat(70_000) }), row('y', 2, { customer: '✓'.repeat(3) })];
    expect(new RowColumns([decodeColumnSegment(encodeColumnSegment(chunksOf(long, 1)))]).materialize()).toEqual(long);
  });

  it('refuses a segment of another shape as unreadable (cut, lengths that do not add up, a null id, unknown bits)', () => {
    const bytes = encodeColumnSegment(chunksOf([row('a', 1), row('b', null)], 2));
    const refuses = (damaged: Buffer) => expect(() => decodeColumnSegment(damaged)).toThrow(UnreadableCacheError);
    refuses(bytes.subarray(0, bytes.length - 1));
    refuses(Buffer.concat([bytes, Buffer.from([0])]));
    refuses(bytes.subarray(0, 8));
    const rowsOff = Buffer.from(bytes);
    rowsOff.writeUInt32LE(3, 0);
    refuses(rowsOff);
    const lengthOff = Buffer.from(bytes);
    lengthOff.writeUInt16LE(lengthOff.readUInt16LE(16) + 1, 16);
    refuses(lengthOff);
    const nullsAt = 16 + 2 * 9 * 2;
    const nullId = Buffer.from(bytes);
    nullId.writeUInt16LE(1, nullsAt);
    refuses(nullId);
    const unknownBit = Buffer.from(bytes);
    unknownBit.writeUInt16LE(1 << 14, nullsAt);
    refuses(unknownBit);
    const encoding = Buffer.from(bytes);
    encoding.writeUInt8(7, 8);
    refuses(encoding);
  });
});
