import { describe, expect, it } from 'vitest';
import type { InvoiceRow } from '../../../electron/contract';
import { mergeChanges } from '../../../electron/core/invoices/snapshot/snapshot';

const row = (id: string, balance = 100): InvoiceRow => ({
  id, number: `INV-${id}`, customer: 'Acme', invoiceDate: '2026-11-01', dueDate: '2026-12-01', status: 'Posted', total: 100, balance, currency: 'USD', lastModified: null,
});

describe('what a sync changed, as invoices.changed tells the window', () => {
  it('counts new, changed and deleted rows while merging; rows fetched again unchanged are not "changed"', () => {
    const before = [row('a'), row('b'), row('c'), row('d')];
    const merged = mergeChanges(before, [
      { row: row('a'), deleted: false },
      { row: row('b', 50), deleted: false },
      { row: row('c'), deleted: true },
      { row: row('e'), deleted: false },
      { row: row('zz'), deleted: true },
    ]);
    expect(merged.tally.toEvent('c1')).toEqual({ connectionId: 'c1', added: 1, changed: 1, deleted: 1, changedIds: ['b', 'e'] });
  });

  it('keeps a change log of the sync: what was added, which fields of a changed one differ, and what was deleted as it was', () => {
    const before = [row('a'), row('b'), { ...row('c', 70), customer: 'Gone GmbH' }];
    const merged = mergeChanges(before, [
      { row: { ...row('a'), lastModified: '2026-12-04T10:00:00.000Z' }, deleted: false },
      { row: { ...row('b', 0), status: 'Paid', lastModified: '2026-12-04T10:00:00.000Z' }, deleted: false },
      { row: row('c'), deleted: true },
      { row: row('n', 12.5), deleted: false },
    ]);
    const log = merged.tally.toLog('2026-12-04T10:05:00.000Z', false);
    expect(log).toMatchObject({ syncedAt: '2026-12-04T10:05:00.000Z', first: false, added: 1, changed: 2, deleted: 1 });
    expect(log.entries.added).toEqual([{ id: 'n', number: 'INV-n', customer: 'Acme', total: 100, balance: 12.5, currency: 'USD' }]);
    // A changed row names what differs (a new modification time alone is not worth naming).
    expect(log.entries.changed.map((e) => [e.id, e.fields])).toEqual([['a', []], ['b', ['status', 'balance']]]);
    expect(log.entries.deleted).toEqual([{ id: 'c', number: 'INV-c', customer: 'Gone GmbH', total: 100, balance: 70, currency: 'USD' }]);
  });

  it('announces a first copy as loaded: no "new" invoices listed, none highlighted', () => {
    const first = mergeChanges([], [row('a'), row('b')].map((r) => ({ row: r, deleted: false }))).tally;
    expect(first.toEvent('c1', true)).toEqual({ connectionId: 'c1', added: 2, changed: 0, deleted: 0, first: true });
    expect(first.toLog('2026-12-04T10:05:00.000Z', true)).toEqual({ syncedAt: '2026-12-04T10:05:00.000Z', first: true, added: 2, changed: 0, deleted: 0, entries: { added: [], changed: [], deleted: [] } });
  });

  it('lists ids only when few enough to highlight', () => {
    const many = Array.from({ length: 501 }, (_, i) => row(String(i)));
    const added = (rows: InvoiceRow[]) => mergeChanges([], rows.map((r) => ({ row: r, deleted: false }))).tally.toEvent('c1');
    const diff = added(many);
    expect(diff).toMatchObject({ added: 501, changed: 0, deleted: 0 });
    expect(diff.changedIds).toBeUndefined();
    expect(added(many.slice(0, 500)).changedIds).toHaveLength(500);
  });
});
