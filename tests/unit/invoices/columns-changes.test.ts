import { describe, expect, it } from 'vitest';
import { invoiceFieldKeys, type InvoiceRow } from '../../../electron/contract';
import { mergeIntoColumns } from '../../../electron/core/invoices/snapshot/columns-fold';
import { chunksOf, RowColumns } from '../../../electron/core/invoices/snapshot/row-columns';
import { columnSnapshot, columnsOf, mergeChanges, type Change, type SnapshotMeta } from '../../../electron/core/invoices/snapshot/snapshot';

/**
 * An incremental sync over a copy's columns compares each fetched invoice with the copy's cells where they lie
 * (columns-changes.ts) instead of with a row made from them: an invoice that differs in any one field — a value, a value
 * that became empty or an empty one that got a value, another account of the same name — is a change the user sees in
 * the list and the change log; one fetched again as it was (the overlap) is none.
 */
const meta = (watermark: number): SnapshotMeta => ({ object: 'Invoice', signature: 'sig', syncedAt: new Date(watermark).toISOString(), watermark });
const full: InvoiceRow = {
  id: 'a0X000000000001AAA', number: 'INV-1', customer: 'Zürich Ärzte GmbH', invoiceDate: '2026-01-31', dueDate: '2026-02-28', status: 'Posted',
  total: 120, balance: 60, currency: 'EUR', lastModified: '2026-11-29T12:00:00.000Z', customerId: '001000000000001AAA',
};
const empty: InvoiceRow = { ...full, customer: null, invoiceDate: null, dueDate: null, status: null, total: null, balance: null, lastModified: null, customerId: undefined };
const other = (key: keyof InvoiceRow, value: InvoiceRow[keyof InvoiceRow]): InvoiceRow => ({ ...full, [key]: value });

/** One field changed at a time, each way: another value, emptied, filled. */
const variants: Array<[string, InvoiceRow, InvoiceRow]> = [
  ...invoiceFieldKeys.map((key): [string, InvoiceRow, InvoiceRow] => [`${key} another value`, full, other(key, typeof full[key] === 'number' ? 7 : `${String(full[key])}x`)]),
  ['number one character shorter', full, other('number', 'INV-')],
  ['customerId another account of the same name', full, other('customerId', '001000000000002AAA')],
  ...(['customer', 'invoiceDate', 'dueDate', 'status', 'total', 'balance', 'lastModified', 'customerId'] as const).flatMap((key): Array<[string, InvoiceRow, InvoiceRow]> => [
    [`${key} emptied`, full, { ...full, [key]: empty[key] }],
    [`${key} filled`, empty, { ...empty, [key]: full[key] }],
  ]),
];

function merged(before: InvoiceRow, changes: Change[]) {
  const rows = [{ ...before, id: 'a0X000000000000AAA' }, before, { ...before, id: 'a0X000000000002AAA' }];
  const previous = columnSnapshot(meta(1), new RowColumns(chunksOf(rows, 3)));
  return { overColumns: mergeIntoColumns(previous, meta(2), changes), overRows: mergeChanges(rows, changes) };
}

describe('an incremental sync compares fetched invoices with the copy’s cells', () => {
  it.each(variants)('%s: a change, named in the change log with its field, as over row objects', (_, before, after) => {
    const { overColumns, overRows } = merged(before, [{ row: after, deleted: false }]);
    expect(overColumns.delta.upserts).toEqual([after]);
    expect(overColumns.tally.changed).toBe(1);
    expect(overColumns.tally.toLog('at', false)).toEqual(overRows.tally.toLog('at', false));
    expect(columnsOf(overColumns.snapshot)!.materialize()).toEqual(overRows.rows);
  });

  it.each([['with every field', full], ['with every field that may be empty empty', empty]])('an invoice fetched again as it was (%s) is no change', (_, before) => {
    const { overColumns } = merged(before, [{ row: { ...before }, deleted: false }]);
    expect(overColumns.delta).toEqual({ upserts: [], deleted: [] });
    expect([overColumns.tally.added, overColumns.tally.changed, overColumns.tally.deleted]).toEqual([0, 0, 0]);
  });
});
