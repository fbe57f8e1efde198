import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { setImmediate as turn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { InvoiceRow } from '../../../electron/contract';
import { orderedRows, type OrderedList } from '../../../electron/core/invoices/read/ordered-rows';
import { WindowsAhead } from '../../../electron/core/invoices/read/window-ahead';
import { chunksOf, RowColumns } from '../../../electron/core/invoices/snapshot/row-columns';
import { columnSnapshot } from '../../../electron/core/invoices/snapshot/snapshot';
import { row } from '../renderer/invoice-fixtures';

const meta = { object: 'Invoice', signature: 's', syncedAt: '2026-11-29T12:00:00.000Z', watermark: null };

/** A copy's real list (columns, default order), with every window it encodes counted. */
function countedList(rows: InvoiceRow[]): { list: OrderedList; encoded: [number, number][] } {
  const real = orderedRows(columnSnapshot(meta, new RowColumns(chunksOf(rows, 70))));
  const encoded: [number, number][] = [];
  const list: OrderedList = {
    ...real,
    columns: (from, to) => {
      encoded.push([from, to]);
      return real.columns(from, to);
    },
  };
  return { list, encoded };
}

const rowsOf = (n: number, customer = 'Acme') =>
  Array.from({ length: n }, (_, i) => row({ id: `a0B${String(i).padStart(6, '0')}`, number: `INV-${i}`, customer: `${customer} ${i % 7}`, invoiceDate: `2026-01-${String(1 + (i % 28)).padStart(2, '0')}` }));

describe('the next list window read ahead (issue #19: encoded while the one before it crosses)', () => {
  it('encodes the next window after the answer’s turn, and the ask for it takes exactly what a fresh read gives', async () => {
    const { list, encoded } = countedList(rowsOf(250));
    const ahead = new WindowsAhead();
    ahead.after('c1', list, 100, 100);
    // Not in the answer's own turn: its serialization comes first.
    expect(encoded).toEqual([]);
    await turn();
    expect(encoded).toEqual([[100, 200]]);
    expect(ahead.take('c1', list, 100, 200)).toStrictEqual(list.columns(100, 200));
    // Taken once: the same ask again reads it afresh.
    expect(ahead.take('c1', list, 100, 200)).toBeNull();
    // The last window is shorter: read ahead to the end of the list; nothing past it.
    ahead.after('c1', list, 200, 100);
    await turn();
    expect(ahead.take('c1', list, 200, 250)).toStrictEqual(list.columns(200, 250));
    ahead.after('c1', list, 250, 100);
    await turn();
    expect(encoded.filter(([from]) => from >= 250)).toEqual([]);
  });

  it('gives nothing for another window, another copy or another connection — and drops what it held', async () => {
    const { list } = countedList(rowsOf(300));
    const { list: synced } = countedList(rowsOf(300, 'Beta'));
    const ahead = new WindowsAhead();
    for (const [connectionId, asked, from, to] of [
      ['c1', list, 100, 150],
      ['c1', list, 50, 100],
      ['c1', synced, 100, 200],
      ['c2', list, 100, 200],
    ] as const) {
      ahead.after('c1', list, 100, 100);
      await turn();
      expect(ahead.take(connectionId, asked, from, to)).toBeNull();
      // Whatever c1 held went with the ask of c1 (c2's ask leaves c1's, which the next round replaces).
      if (connectionId === 'c1') expect(ahead.take('c1', list, 100, 200)).toBeNull();
    }
  });

  it('keeps one window per connection: two lists loading at once (All connections) each find theirs', async () => {
    const { list: one, encoded: oneEncoded } = countedList(rowsOf(300));
    const { list: two, encoded: twoEncoded } = countedList(rowsOf(300, 'Beta'));
    const ahead = new WindowsAhead();
    ahead.after('c1', one, 100, 100);
    ahead.after('c2', two, 100, 100);
    await turn();
    expect(ahead.take('c2', two, 100, 200)).toStrictEqual(two.columns(100, 200));
    expect(ahead.take('c1', one, 100, 200)).toStrictEqual(one.columns(100, 200));
    expect([oneEncoded.length, twoEncoded.length]).toEqual([2, 2]);
  });

  it('an ask before the read ahead ran, a forgotten connection and a read ahead that fails: nothing taken, nothing encoded for nothing', async () => {
    const { list, encoded } = countedList(rowsOf(300));
    const ahead = new WindowsAhead();
    ahead.after('c1', list, 100, 100);
    expect(ahead.take('c1', list, 100, 200)).toBeNull();
    ahead.after('c1', list, 100, 100);
    ahead.drop('c1');
    ahead.after('c2', list, 100, 100);
    ahead.dropAll();
    await turn();
    expect(encoded).toEqual([]);
    const failing: OrderedList = {
      ...list,
      columns: () => {
        throw new Error('the copy cannot be read');
      },
    };
    ahead.after('c1', failing, 100, 100);
    await turn();
    expect(ahead.take('c1', failing, 100, 200)).toBeNull();
  });

  it('tells the bench how long each read ahead took (its Electron estimate adds it back), and only when someone listens', async () => {
    const { list } = countedList(rowsOf(250));
    const ahead = new WindowsAhead();
    const heard: unknown[] = [];
    const listen = (message: unknown) => heard.push(message);
    ahead.after('c1', list, 0, 100);
    await turn();
    subscribe('budgetly:list-window-ahead', listen);
    try {
      ahead.after('c1', list, 100, 100);
      await turn();
      ahead.after('c1', list, 200, 100);
      await turn();
    } finally {
      unsubscribe('budgetly:list-window-ahead', listen);
    }
    ahead.after('c1', list, 0, 100);
    await turn();
    expect(heard).toHaveLength(2);
    for (const message of heard) expect((message as { ms: number }).ms).toBeGreaterThanOrEqual(0);
  });
});
