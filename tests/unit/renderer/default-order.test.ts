import { describe, expect, it } from 'vitest';
import type { InvoiceListRow } from '../../../electron/contract';
import { DEFAULT_SORT, invoiceNumberKeys, sortByKey, tieBreakRanks } from '../../../electron/contract/invoice-order';
import { arrivedInDefaultOrder } from '../../../renderer/src/invoices/default-order';
import { prepareInvoices } from '../../../renderer/src/invoices/prepared';
import { sortedOrder } from '../../../renderer/src/invoices/sort';
import { row } from './invoice-fixtures';

/** A small deterministic generator: the same rows on every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** The default order as the core puts it (the shared comparator): newest invoice date first, no date last, then number, then id. */
function coreOrder(rows: readonly InvoiceListRow[]): InvoiceListRow[] {
  const prepared = prepareInvoices(rows);
  const identity = Uint32Array.from({ length: rows.length }, (_, i) => i);
  return [...sortByKey(identity, prepared.invoiceDay, true, tieBreakRanks(rows, invoiceNumberKeys(rows)))].map((i) => rows[i]!);
}

/** The workspace's rows in the default sort, as ids. */
const shownIds = (rows: readonly InvoiceListRow[]) => [...sortedOrder(prepareInvoices(rows), { ...DEFAULT_SORT }, 0)].map((i) => rows[i]!.id);
const ids = (rows: readonly InvoiceListRow[]) => rows.map((r) => r.id);
/** Whether the shortcut takes the rows as they are. */
const takenAsTheyAre = (rows: readonly InvoiceListRow[]) => arrivedInDefaultOrder(prepareInvoices(rows), () => invoiceNumberKeys(rows));

/**
 * Many invoices a day, a few without a date, numbers that tie under the collator ("INV-007" and "INV-7"), and due
 * dates in the opposite order of the invoice dates (a sort that read the due date would not find the default order).
 */
function someRows(count: number, seed: number, numberOf: (k: number) => string = (k) => `INV-${k}`): InvoiceListRow[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, k) => {
    const day = Math.floor(next() * 6);
    const dated = next() > 0.05;
    return row({
      id: `a0${String(Math.floor(next() * 1e6)).padStart(7, '0')}${k % 10}`,
      number: next() < 0.1 ? `INV-00${k % 7}` : numberOf(Math.floor(next() * 50)),
      invoiceDate: dated ? `2026-01-0${day + 1}` : null,
      dueDate: dated ? `2026-02-0${9 - day}` : null,
    });
  });
}

describe('the default sort of a list that arrives in that order (issue #19: the core sends it so)', () => {
  it('is the rows as they arrived, the same order the shared comparator gives', () => {
    for (const [count, seed] of [[0, 1], [1, 2], [2, 3], [500, 4], [5_000, 5]] as const) {
      const inOrder = coreOrder(someRows(count, seed));
      expect(shownIds(inOrder)).toEqual(ids(inOrder));
      expect(takenAsTheyAre(inOrder)).toBe(true);
    }
  });

  it('still sorts a list that arrives out of that order, whatever is out of place', () => {
    const next = random(11);
    const inOrder = coreOrder(someRows(3_000, 12));
    const swapped = (pick: (a: InvoiceListRow, b: InvoiceListRow) => boolean) => {
      const at = inOrder.findIndex((r, i) => i > 0 && pick(inOrder[i - 1]!, r));
      expect(at).toBeGreaterThan(0);
      const rows = [...inOrder];
      [rows[at - 1], rows[at]] = [rows[at]!, rows[at - 1]!];
      return rows;
    };
    const outOfOrder = [
      // Shuffled.
      [...inOrder].sort(() => next() - 0.5),
      // Two neighbours of different days, of one day and different numbers, of one day and one number (by id).
      swapped((a, b) => a.invoiceDate !== null && b.invoiceDate !== null && a.invoiceDate !== b.invoiceDate),
      swapped((a, b) => a.invoiceDate !== null && a.invoiceDate === b.invoiceDate && a.number !== b.number && Number(a.number.slice(4)) !== Number(b.number.slice(4))),
      swapped((a, b) => a.invoiceDate === b.invoiceDate && Number(a.number.slice(4)) === Number(b.number.slice(4))),
      // The last dated invoice and the first without a date.
      swapped((a, b) => a.invoiceDate !== null && b.invoiceDate === null),
      // Oldest first.
      [...inOrder].reverse(),
    ];
    for (const rows of outOfOrder) {
      expect(takenAsTheyAre(rows)).toBe(false);
      expect(shownIds(rows)).toEqual(ids(coreOrder(rows)));
    }
  });

  it('reads invoice numbers the way the tie-break does when they do not share one prefix (collator ranks)', () => {
    const mixed = (k: number) => (k % 3 === 0 ? `CR-${k}` : k % 3 === 1 ? `inv-${k}` : `INV ${k}b`);
    const inOrder = coreOrder(someRows(2_000, 21, mixed));
    expect(shownIds(inOrder)).toEqual(ids(inOrder));
    expect(takenAsTheyAre(inOrder)).toBe(true);
    const rows = [...inOrder].reverse();
    expect(shownIds(rows)).toEqual(ids(coreOrder(rows)));
  });
});
