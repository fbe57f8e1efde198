import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { InvoiceRow } from '../../../electron/contract';
import { dayNumber } from '../../../electron/contract/invoice-order';
import { prepareInvoices } from '../../../renderer/src/invoices/prepared';
import { sortedOrder } from '../../../renderer/src/invoices/sort';
import { chunksOf, RowColumns } from '../../../electron/core/invoices/snapshot/row-columns';
import { columnSnapshot, type Snapshot } from '../../../electron/core/invoices/snapshot/snapshot';
import { rowOfId, rowTableOf } from '../../../electron/core/invoices/snapshot/row-table';
import { firstScreenOf, orderedRows, statusesOf } from '../../../electron/core/invoices/read/ordered-rows';
import { listRowsOf, withPaymentFigures } from '../../../electron/core/invoices/read/payment-figures';
import { listRowById } from '../../../electron/core/invoices/read/copy-lookups';
import { copyExportRows } from '../../../electron/core/invoices/read/export-rows';
import type { RelatedCopy } from '../../../electron/core/invoices/related/related-copy';
import { decodeInvoiceColumns, encodeInvoiceColumns } from '../../../electron/contract/invoice-columns';

/** Dates as Salesforce sends them and as a damaged or custom field may hold them (dayNumber's NaN cases, a day that rolls over). */
const anyDate = fc.option(fc.constantFrom('2026-01-31', '1999-12-01', '2026-02-30', '2026-1-01', '20260101', '２０２６-01-01', '2026-01-01T00:00:00Z', ''), { nil: null });
const anyRow: fc.Arbitrary<InvoiceRow> = fc.record({
  id: fc.constantFrom('a0B1', 'a0B2', 'a0B3', 'ä0B4', '\ud83d\ude00', 'a0B1x', 'x'.repeat(18)),
  number: fc.constantFrom('INV-9', 'INV-10', 'inv-10', 'CN-1', 'Ärger 2', ''),
  customer: fc.option(fc.string({ unit: 'binary' }), { nil: null }),
  invoiceDate: anyDate,
  dueDate: anyDate,
  status: fc.option(fc.constantFrom('Posted', 'Draft', 'Zürich ✓', '\ud800'), { nil: null }),
  total: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
  balance: fc.option(fc.oneof(fc.constant(-0), fc.double({ noNaN: true, noDefaultInfinity: true })), { nil: null }),
  currency: fc.constantFrom('EUR', 'JPY', 'CHF'),
  lastModified: fc.option(fc.constant('2026-11-29T12:00:00.000Z'), { nil: null }),
  customerId: fc.option(fc.constantFrom('001000000000001AAA', ''), { nil: undefined }),
});

const meta = { object: 'Invoice', signature: 's', syncedAt: '2026-11-29T12:00:00.000Z', watermark: null };
/** The same rows as a full sync keeps them (columns, chunks of `size`) and as an older copy or an incremental sync does (objects). */
function bothWays(rows: InvoiceRow[], size: number, related?: RelatedCopy): { columns: Snapshot; plain: Snapshot; materialize: ReturnType<typeof vi.spyOn> } {
  const columns = new RowColumns(chunksOf(rows, size));
  const materialize = vi.spyOn(columns, 'materialize');
  const snapshot = columnSnapshot(meta, columns);
  if (related) snapshot.related = related;
  return { columns: snapshot, plain: { ...meta, rows, ...(related ? { related } : {}) }, materialize };
}

const row = (id: string, extra: Partial<InvoiceRow> = {}): InvoiceRow => ({
  id, number: `INV-${id}`, customer: 'Zürich Ärzte GmbH', invoiceDate: '2026-01-01', dueDate: null, status: 'Posted',
  total: 100, balance: 100, currency: 'CHF', lastModified: '2026-11-29T11:00:00.000Z', customerId: undefined, ...extra,
});

describe('a copy read by position (row table)', () => {
  it('reads every cell as the rows hold it, from columns or rows alike, and finds each id (the later row for an id given twice)', () => {
    fc.assert(
      fc.property(fc.array(anyRow, { maxLength: 50 }), fc.integer({ min: 1, max: 13 }), (rows, size) => {
        const { columns, plain } = bothWays(rows, size);
        for (const table of [rowTableOf(columns), rowTableOf(plain)]) {
          expect(table.length).toBe(rows.length);
          rows.forEach((r, i) => {
            expect(table.rowAt(i)).toEqual(r);
            expect([table.id(i), table.number(i), table.invoiceDate(i), table.status(i), table.currency(i), table.customer(i)])
              .toEqual([r.id, r.number, r.invoiceDate, r.status, r.currency, r.customer]);
            expect(Object.is(table.total(i), r.total) && Object.is(table.balance(i), r.balance)).toBe(true);
            expect(Object.is(table.invoiceDay(i), dayNumber(r.invoiceDate))).toBe(true);
            expect(table.indexOfId(r.id)).toBe(rows.findLastIndex((other) => other.id === r.id));
          });
          // A window's rows in any order of places (the list's), repeats included.
          const places = rows.map((_, i) => (i * 7) % rows.length).reverse();
          expect(table.rowsAt(places)).toEqual(places.map((i) => rows[i]));
          expect(table.rowsAt([])).toEqual([]);
          expect(table.indexOfId('a0B')).toBe(-1);
          expect(table.indexOfId('')).toBe(-1);
        }
      }),
    );
  });

  it('an export reads each row of the copy as the rows hold it (repeated texts handed out once, odd texts and −0 exact), from columns or rows alike', () => {
    fc.assert(
      fc.property(fc.array(anyRow, { maxLength: 60 }), fc.integer({ min: 1, max: 13 }), (rows, size) => {
        const { columns, plain } = bothWays(rows, size);
        // Every id twice, the second time backwards: texts read again after others came between.
        const ids = [...rows.map((r) => r.id), ...rows.map((r) => r.id).reverse()];
        const expected = ids.map((id) => rows[rows.findLastIndex((r) => r.id === id)]!);
        for (const snapshot of [columns, plain]) {
          const read = copyExportRows(snapshot).rowsOf(ids);
          expect(read.length).toBe(ids.length);
          expected.forEach((r, k) => {
            const got = { ...read.at(k)! };
            expect(got).toEqual(r);
            expect(Object.is(got.total, r.total) && Object.is(got.balance, r.balance)).toBe(true);
          });
        }
      }),
    );
  });

  it('blanks stay blank, JPY amounts and −0 stay as sent, UTF-16 text is exact (a lookup by an id outside Latin-1 too)', () => {
    const rows = [
      row('a1', { customer: null, invoiceDate: null, status: null, total: null, balance: null, customerId: '' }),
      row('a2', { currency: 'JPY', total: 1_234_567, balance: -0 }),
      row('日本😀', { customer: 'Åsa 😀 \ud800', number: '請求-7' }),
    ];
    const table = rowTableOf(bothWays(rows, 2).columns);
    expect(table.rowAt(0)).toEqual(rows[0]);
    expect([table.customer(0), table.invoiceDate(0), table.status(0), table.total(0), table.balance(0)]).toEqual([null, null, null, null, null]);
    expect(Number.isNaN(table.invoiceDay(0))).toBe(true);
    expect(table.currency(1)).toBe('JPY');
    expect(table.total(1)).toBe(1_234_567);
    expect(Object.is(table.balance(1), -0)).toBe(true);
    expect(table.indexOfId('日本😀')).toBe(2);
    expect(table.customer(2)).toBe('Åsa 😀 \ud800');
    expect(table.number(2)).toBe('請求-7');
    expect(table.invoiceDay(2)).toBe(dayNumber('2026-01-01'));
  });
});

describe('the list of a copy of columns (issue #19: only the window is made)', () => {
  const customerOf = (i: number) => `Customer ${i % 7}`;
  const many = Array.from({ length: 500 }, (_, i) =>
    row(`a0B${String(i).padStart(5, '0')}`, { number: `INV-${(i * 37) % 500}`, invoiceDate: i % 11 === 0 ? null : `2026-0${1 + (i % 9)}-1${i % 10}`, customer: customerOf(i), status: i % 3 ? 'Posted' : 'Draft', currency: i % 5 ? 'EUR' : 'JPY' }),
  );
  const related = (): RelatedCopy => {
    const o = (role: 'payment' | 'creditNote' | 'paymentApplication' | 'creditApplication', records: RelatedCopy['objects'][number]['records']) =>
      ({ role, object: role, signature: role, watermark: null, records });
    const app = (id: string, source: string, invoice: string, amount: number, date: string) => ({ id, source, invoice, amount, type: 'Applied', date, currency: 'EUR' });
    return {
      objects: [
        o('payment', [{ id: 'A', amount: 500, currency: 'EUR' }]),
        o('creditNote', [{ id: 'C', amount: 40, currency: 'EUR' }]),
        o('paymentApplication', [app('1', 'A', many[3]!.id, 40, '2026-03-01'), app('2', 'A', many[4]!.id, 100, '2026-03-05')]),
        o('creditApplication', [app('3', 'C', many[3]!.id, 10, '2026-03-02')]),
      ],
      warnings: [], none: null,
    };
  };

  it('gives the same rows in the same order as the rows themselves, payment figures included, without making every row', () => {
    for (const copy of [undefined, related()]) {
      const { columns, plain, materialize } = bothWays(many, 64, copy);
      const expected = Array.from(sortedOrder(prepareInvoices(many), { column: 'invoiceDate', desc: true }, 0), (i) => withPaymentFigures(many, copy)[i]);
      if (copy) expect(withPaymentFigures(many, copy)[4]).toMatchObject({ paid: 100, fullyPaidOn: '2026-03-05' });
      const list = orderedRows(columns);
      expect(list.length).toBe(500);
      expect(list.slice(0, 500)).toEqual(expected);
      expect(list.slice(120, 180)).toEqual(expected.slice(120, 180));
      expect(orderedRows(plain).slice(0, 500)).toEqual(expected);
      expect(firstScreenOf(columns)).toEqual(firstScreenOf(plain));
      expect(statusesOf(columns)).toEqual(['Draft', 'Posted']);
      expect(listRowById(columns, many[3]!.id)).toEqual(withPaymentFigures(many, copy)[3]);
      expect(listRowById(columns, 'nope')).toBeUndefined();
      expect(rowOfId(columns, many[499]!.id)).toEqual(many[499]);
      expect(materialize).not.toHaveBeenCalled();
      // The whole copy's readers (exports, statements) get every row, made once.
      expect(listRowsOf(columns)).toEqual(withPaymentFigures(many, copy));
      expect(materialize).toHaveBeenCalledTimes(1);
    }
  });

  it('gives each window as columns (read from the copy’s columns, no row made) decoding to the window’s rows, payment figures included', () => {
    for (const copy of [undefined, related()]) {
      const { columns, plain, materialize } = bothWays(many, 64, copy);
      const list = orderedRows(columns);
      for (const [from, to] of [[0, 500], [120, 180], [499, 500], [7, 7], [450, 600]] as const) {
        const expected = decodeInvoiceColumns(encodeInvoiceColumns(list.slice(from, to)));
        expect(decodeInvoiceColumns(list.columns(from, to))).toStrictEqual(expected);
        expect(decodeInvoiceColumns(orderedRows(plain).columns(from, to))).toStrictEqual(expected);
      }
      // The figures are in the columns (paid 100 for the fifth invoice), or absent without them.
      const fifth = decodeInvoiceColumns(list.columns(0, 500)).find((row) => row.id === many[4]!.id);
      expect(fifth).toEqual(withPaymentFigures(many, copy)[4]);
      if (copy) expect(fifth).toMatchObject({ paid: 100, credited: 0, fullyPaidOn: '2026-03-05' });
      else expect(fifth).not.toHaveProperty('paid');
      expect(materialize).not.toHaveBeenCalled();
    }
  });

  it('an export reads the ids asked as the list rows they are (payment figures, a balance moved as of a day), in their order, without making every row', () => {
    for (const copy of [undefined, related()]) {
      const { columns, plain, materialize } = bothWays(many, 64, copy);
      const listed = withPaymentFigures(many, copy);
      // Last first, an id the copy does not have, one asked twice.
      const ids = [...many.map((row) => row.id).reverse(), 'nope', many[7]!.id];
      const moved = new Map([[many[7]!.id, 12.34]]);
      const expected = [...[...listed].reverse(), listed[7]!].map((row) => (row.id === many[7]!.id ? { ...row, balance: 12.34 } : row));
      for (const snapshot of [columns, plain]) {
        const rows = copyExportRows(snapshot, moved).rowsOf(ids);
        expect(rows.length).toBe(501);
        // One object refilled place by place: copied as it is read.
        expect(Array.from({ length: rows.length }, (_, k) => ({ ...rows.at(k)! }))).toEqual(expected);
        expect(rows.at(501)).toBeUndefined();
      }
      expect(materialize).not.toHaveBeenCalled();
    }
  });

  it('an empty copy lists nothing', () => {
    const { columns } = bothWays([], 10);
    expect(orderedRows(columns).slice(0, 0)).toEqual([]);
    expect(firstScreenOf(columns)).toMatchObject({ rows: [], total: 0, statuses: [] });
  });
});
