import { describe, expect, it } from 'vitest';
import { sortByKey, sortCollator } from '../../../electron/contract/invoice-order';
import type { InvoiceListRow } from '../../../electron/contract';
import { denseRanks, orderByRank, tieOrder } from '../../../renderer/src/invoices/rank-order';
import { daysOverdueOfRow, prepareInvoices } from '../../../renderer/src/invoices/prepared';
import { sortedOrder, type SortColumn } from '../../../renderer/src/invoices/sort';
import { dayNumber } from '../../../renderer/src/invoices/plain-date';
import { row } from './invoice-fixtures';

/** A small deterministic generator: the same rows on every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** The comparator sort the core uses (and the workspace used until the ranked order). */
const comparatorOrder = (key: ArrayLike<number>, desc: boolean, tie: Uint32Array) =>
  [...sortByKey(Uint32Array.from({ length: key.length }, (_, i) => i), key, desc, tie)];

/** A cell's sort value, computed from the row alone: null when empty (text '' too). */
function cell(r: InvoiceListRow, column: SortColumn, asOf: number): string | number | null {
  switch (column) {
    case 'number':
    case 'customer':
    case 'status':
    case 'currency':
      return r[column] || null;
    case 'invoiceDate':
    case 'dueDate':
      return r[column] ? dayNumber(r[column]) : null;
    case 'daysOverdue':
      return daysOverdueOfRow(r, asOf);
    case 'lastModified':
      return r.lastModified ? Date.parse(r.lastModified) : null;
    default:
      return (r[column] as number | null | undefined) ?? null;
  }
}

const compare = (x: string | number, y: string | number) =>
  typeof x === 'string' ? sortCollator().compare(x, y as string) : x === y ? 0 : x < (y as number) ? -1 : 1;

describe('a column sort by ranks', () => {
  it('orders exactly as the shared comparator: many ties, empty keys last both ways, −0 equal to 0', () => {
    const next = random(7);
    // Fractions (ranked by sorting), whole numbers in a short span (ranked by a table), and far-apart ones.
    const values = [() => Math.round(next() * 40) / 4 - 5, () => Math.round(next() * 60) - 30, () => Math.round(next() * 1e12) * (next() < 0.5 ? -1 : 1)];
    for (const [n, value] of [0, 1, 2, 50, 3_000].flatMap((n) => values.map((v) => [n, v] as const))) {
      const key = Float64Array.from({ length: n }, () => {
        const r = next();
        if (r < 0.1) return Number.NaN;
        if (r < 0.15) return -0;
        if (r < 0.2) return 0;
        return value(); // few distinct values: many ties
      });
      const tie = new Uint32Array(n);
      const places = Array.from({ length: n }, (_, i) => i).sort(() => next() - 0.5);
      places.forEach((place, i) => (tie[i] = place));
      const byTie = tieOrder(tie);
      const ranks = denseRanks(key);
      for (const desc of [false, true]) expect([...orderByRank(ranks, desc, byTie)]).toEqual(comparatorOrder(key, desc, tie));
    }
  });

  it('sorts every column of the workspace, both directions, by the cells\' own values: empty ones last, ties in the default order', () => {
    const next = random(11);
    const pick = <T,>(values: readonly T[]) => values[Math.floor(next() * values.length)]!;
    const day = () => (next() < 0.1 ? null : `2026-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`);
    const rows = Array.from({ length: 600 }, () =>
      row({
        number: pick(['INV-1', 'INV-2', 'inv-2', 'INV-10', 'A-7', 'INV-0300']),
        customer: pick(['Acme', 'acme', 'Ácme', 'Beta', null, '']),
        invoiceDate: day(),
        dueDate: day(),
        status: pick(['Posted', 'Draft', null]),
        total: pick([null, 0, -0, 5, 5.5, 100]),
        balance: pick([null, 0, 1, 2]),
        currency: pick(['USD', 'EUR', 'JPY']),
        lastModified: pick([null, '2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.001Z']),
      }),
    );
    const prepared = prepareInvoices(rows);
    const asOf = dayNumber('2026-06-01');
    const columns: SortColumn[] = ['number', 'customer', 'invoiceDate', 'dueDate', 'status', 'total', 'balance', 'currency', 'daysOverdue', 'lastModified'];
    // The default order: the tie-break alone (number, then id), as the core sends the list.
    const byTie = [...sortedOrder(prepared, null, asOf)];
    const tie = new Uint32Array(rows.length);
    byTie.forEach((i, place) => (tie[i] = place));
    expect(byTie.map((i) => rows[i]!.number).slice(0, 3)).toEqual(['A-7', 'A-7', 'A-7']);
    for (const column of columns) {
      for (const desc of [false, true]) {
        const order = [...sortedOrder(prepared, { column, desc }, asOf)];
        // Sorted by the column's own values (text by the collator), empty ones last, ties in the default order.
        for (let k = 1; k < order.length; k++) {
          const [a, b] = [order[k - 1]!, order[k]!];
          const [x, y] = [cell(rows[a]!, column, asOf), cell(rows[b]!, column, asOf)];
          const where = `${column} ${desc ? 'desc' : 'asc'} at ${k}`;
          expect(x === null && y !== null, where).toBe(false);
          if (x !== null && y === null) continue;
          const cmp = x === null || y === null ? 0 : (desc ? -1 : 1) * compare(x, y);
          expect(cmp <= 0, where).toBe(true);
          if (cmp === 0) expect(tie[a]! < tie[b]!, `${where}: tie`).toBe(true);
        }
      }
    }
  });

  it('sorts days overdue as of the day asked, after another day was sorted', () => {
    const rows = [row({ number: 'INV-1', dueDate: '2026-01-01', balance: 5 }), row({ number: 'INV-2', dueDate: '2026-02-01', balance: 5 }), row({ number: 'INV-3', dueDate: null, balance: 5 })];
    const prepared = prepareInvoices(rows);
    const numbers = (asOf: string) => [...sortedOrder(prepared, { column: 'daysOverdue', desc: true }, dayNumber(asOf))].map((i) => rows[i]!.number);
    // On 2026-01-15 only INV-1 is overdue; INV-2 and INV-3 are 0 days (ties: default order).
    expect(numbers('2026-01-15')).toEqual(['INV-1', 'INV-2', 'INV-3']);
    expect(numbers('2026-03-01')).toEqual(['INV-1', 'INV-2', 'INV-3']);
    expect([...sortedOrder(prepared, { column: 'daysOverdue', desc: false }, dayNumber('2026-03-01'))].map((i) => rows[i]!.number)).toEqual(['INV-3', 'INV-2', 'INV-1']);
  });
});
