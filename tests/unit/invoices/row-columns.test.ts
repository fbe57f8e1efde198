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

  it('a page whose text stops being ASCII part-way keeps every character: after 300 ASCII rows, in the middle of a row, and the next page ASCII again (issue #22: ASCII cells go in as bytes)', () => {
    const builder = new ColumnChunkBuilder();
    const ascii = (i: number) => row(`a${i}`, i, { customer: `Acme ${i}`, currency: 'USD' });
    const page: InvoiceRow[] = [];
    for (let i = 0; i < 300; i++) page.push(ascii(i));
    // Latin-1 past ASCII, a character past Latin-1, an emoji (a surrogate pair), a lone surrogate, DEL and NUL.
    const awkward = [row('b0', 1, { customer: 'Zürich Ärzte GmbH' }), row('b1', 2, { customer: '株式会社', status: '✓ Posted' }), row('b2', 3, { customer: '🧾 \ud800', number: 'INV\u007f\u0000' })];
    page.push(...awkward, ascii(300));
    for (const r of page) builder.add(r);
    const first = builder.chunk()!;
    for (let i = 400; i < 700; i++) builder.add(ascii(i));
    const second = builder.chunk()!;
    const next = Array.from({ length: 300 }, (_, k) => ascii(400 + k));
    expect(new RowColumns([first, second]).materialize()).toEqual([...page, ...next]);
    expect(first.text.length).toBe(first.starts[first.starts.length - 1]);
    // The copy's segment of both pages reads back the same rows.
    expect(new RowColumns([decodeColumnSegment(encodeColumnSegment([first, second]))]).materialize()).toEqual([...page, ...next]);
  });

  it('rows copied from another chunk after ASCII cells, and an instant cell made from the start of a longer value, stay exact', () => {
    const source = chunksOf([row('s0', 1, { customer: 'Été' }), row('s1', 2), row('s2', 3)], 3)[0]!;
    const builder = new ColumnChunkBuilder();
    builder.add(row('a0', 0, { customer: 'Acme' }));
    builder.copyRows(source, 1, 3);
    builder.add(row('a1', 5));
    builder.beginRow();
    for (const cell of ['i', 'n', 'c', '2026-01-01', '2026-01-02', 'Posted', 'EUR']) builder.putText(cell);
    builder.putTextZ('2026-11-29T12:00:00.000+0000', 23);
    builder.putText('001');
    builder.endRow(0, 1, 2);
    builder.beginRow();
    for (const cell of ['j', 'n', 'c', '2026-01-01', '2026-01-02', 'Posted', 'EUR']) builder.putText(cell);
    builder.putTextZ('2026-11-29T12:00:00.000+0000');
    builder.putText('002');
    builder.endRow(0, 1, 2);
    const rows = new RowColumns([builder.chunk()!]).materialize();
    expect(rows.slice(0, 4)).toEqual([row('a0', 0, { customer: 'Acme' }), row('s1', 2), row('s2', 3), row('a1', 5)]);
    expect(rows[4]).toMatchObject({ id: 'i', lastModified: '2026-11-29T12:00:00.000Z', customerId: '001' });
    expect(rows[5]).toMatchObject({ id: 'j', lastModified: '2026-11-29T12:00:00.000+0000Z', customerId: '002' });
  });

  it('a cell longer than the builder\'s first buffer (and a page past it) keeps every character', () => {
    const builder = new ColumnChunkBuilder();
    const rows = [row('a', 1, { customer: 'x'.repeat(300_000) }), row('b', 2, { customer: 'y'.repeat(70_000) + 'é' })];
    for (let i = 0; i < 5_000; i++) rows.push(row(`c${i}`, i));
    for (const r of rows) builder.add(r);
    expect(new RowColumns([builder.chunk()!]).materialize()).toEqual(rows);
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
