import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, defaultInvoiceOrderBy } from '../../../electron/contract/invoice-order';
import { copyOrder } from '../../../electron/core/invoices/read/copy-order';

/** Rows as the order reads them: a day (NaN when none), an invoice number, an id. */
interface Read {
  day: number;
  number: string;
  id: string;
}
const reads = (rows: readonly Read[]) => ({ dayAt: (i: number) => rows[i]!.day, numberAt: (i: number) => rows[i]!.number, idAt: (i: number) => rows[i]!.id });

const day = fc.option(fc.constantFrom('2026-01-31', '2026-02-01', '1969-12-31', '0001-01-01', '9999-12-31', '2026-02-30'), { nil: null }).map((d) => dayNumber(d));
const id = fc.string({ minLength: 1, maxLength: 4 });

describe('a copy’s default order by packed keys (issue #19: the start-up ordering)', () => {
  it('is exactly defaultInvoiceOrderBy’s: unique numbers (the packed path), numbers twice, odd numbers, big digits, no dates', () => {
    const numbers = fc.oneof(
      // The usual shape: one prefix and digits (up to 15 of them: keys too large to pack fall back).
      fc.nat({ max: 5_000 }).map((n) => `INV-${String(n).padStart(7, '0')}`),
      fc.constantFrom('INV-999999999999999', 'INV-10', 'inv-9', 'CN-1', 'Ärger 2', '', '請求-7'),
    );
    fc.assert(
      fc.property(fc.array(fc.record({ day, number: numbers, id }), { maxLength: 300 }), (rows) => {
        expect(Array.from(copyOrder(rows.length, reads(rows)))).toEqual(Array.from(defaultInvoiceOrderBy(rows.length, reads(rows))));
      }),
    );
  });

  it('orders a copy of unique numbers newest first, no date last, ties by number — the packed path', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: 1_000_000 }), { maxLength: 500 }), fc.array(day, { minLength: 500, maxLength: 500 }), (picked, days) => {
        const rows = picked.map((n, i) => ({ day: days[i]!, number: `INV-${String(n).padStart(7, '0')}`, id: `a0B${i}` }));
        expect(Array.from(copyOrder(rows.length, reads(rows)))).toEqual(Array.from(defaultInvoiceOrderBy(rows.length, reads(rows))));
      }),
    );
  });

  it('orders days counted (a range of a few days a row) and days sorted (a range of centuries) alike — both exactly defaultInvoiceOrderBy’s', () => {
    // Near days: counted (copy-order.ts byDayCounted); 0001-01-01 beside them makes the range too wide: the second sort.
    const near = fc.option(fc.integer({ min: 20_000, max: 20_040 }), { nil: Number.NaN });
    for (const far of [[], [dayNumber('0001-01-01')]]) {
      fc.assert(
        fc.property(fc.uniqueArray(fc.nat({ max: 5_000 }), { minLength: 1, maxLength: 400 }), fc.array(near, { minLength: 400, maxLength: 400 }), (picked, days) => {
          const rows = picked.map((n, i) => ({ day: i === 0 && far.length ? far[0]! : days[i]!, number: `INV-${String(n).padStart(7, '0')}`, id: `a0B${i}` }));
          expect(Array.from(copyOrder(rows.length, reads(rows)))).toEqual(Array.from(defaultInvoiceOrderBy(rows.length, reads(rows))));
        }),
      );
    }
  });
});
