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

  it('lists ids only when few enough to highlight', () => {
    const many = Array.from({ length: 501 }, (_, i) => row(String(i)));
    const added = (rows: InvoiceRow[]) => mergeChanges([], rows.map((r) => ({ row: r, deleted: false }))).tally.toEvent('c1');
    const diff = added(many);
    expect(diff).toMatchObject({ added: 501, changed: 0, deleted: 0 });
    expect(diff.changedIds).toBeUndefined();
    expect(added(many.slice(0, 500)).changedIds).toHaveLength(500);
  });
});
