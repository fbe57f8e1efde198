import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvoiceRow } from '../../../electron/contract';
import { ColumnChunkBuilder, chunksOf, RowColumns } from '../../../electron/core/invoices/snapshot/row-columns';

const asciiText = fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)) });
const text = fc.oneof(asciiText, asciiText, fc.string({ unit: 'binary' }));
const anyRow: fc.Arbitrary<InvoiceRow> = fc.record({
  id: fc.string({ minLength: 1 }),
  number: text,
  customer: fc.option(text, { nil: null }),
  invoiceDate: fc.option(fc.constantFrom('2026-01-31', '1999-12-01'), { nil: null }),
  dueDate: fc.option(fc.constantFrom('2026-02-28'), { nil: null }),
  status: fc.option(fc.constantFrom('Posted', 'Draft', 'Zürich ✓', '\ud800'), { nil: null }),
  total: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
  balance: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
  currency: fc.constantFrom('EUR', 'JPY', 'CHF'),
  lastModified: fc.option(fc.constant('2026-11-29T12:00:00.000Z'), { nil: null }),
  customerId: fc.option(fc.constantFrom('001000000000001AAA', ''), { nil: undefined }),
});
type Op = { kind: 'add'; row: InvoiceRow } | { kind: 'copy'; a: number; b: number } | { kind: 'chunk' };
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: anyRow.map((row) => ({ kind: 'add' as const, row })) },
  { weight: 2, arbitrary: fc.tuple(fc.nat(20), fc.nat(20)).map(([a, b]) => ({ kind: 'copy' as const, a, b })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'chunk' as const }) },
);

describe('a reused chunk builder under any mix of rows (ASCII or not), copied runs and chunk ends (review, session 14: ASCII cells go in as bytes, 24a2c89)', () => {
  it('gives back exactly the rows put in, in order, each chunk text ending where its last cell does', () => {
    fc.assert(
      fc.property(fc.array(anyRow, { minLength: 20, maxLength: 20 }), fc.array(op, { maxLength: 80 }), (sourceRows, ops) => {
        const source = chunksOf(sourceRows, 20)[0]!;
        const builder = new ColumnChunkBuilder();
        const chunks = [];
        const model: InvoiceRow[] = [];
        for (const o of ops) {
          if (o.kind === 'add') {
            builder.add(o.row);
            model.push(o.row);
          } else if (o.kind === 'copy') {
            const from = Math.min(o.a, o.b);
            const to = Math.max(o.a, o.b);
            builder.copyRows(source, from, to);
            model.push(...sourceRows.slice(from, to));
          } else {
            const c = builder.chunk();
            if (c) chunks.push(c);
          }
        }
        const last = builder.chunk();
        if (last) chunks.push(last);
        for (const c of chunks) expect(c.text.length).toBe(c.starts[c.starts.length - 1]);
        expect(new RowColumns(chunks).materialize()).toEqual(model);
      }),
      { numRuns: 400 },
    );
  });
});
