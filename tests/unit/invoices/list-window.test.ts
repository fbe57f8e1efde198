import { describe, expect, it } from 'vitest';
import { channels, LIST_WINDOW_MAX, type InvoiceRow } from '../../../electron/contract';
import { orderedRows } from '../../../electron/core/invoices/read/ordered-rows';
import { chunksOf, RowColumns } from '../../../electron/core/invoices/snapshot/row-columns';
import { columnSnapshot } from '../../../electron/core/invoices/snapshot/snapshot';
import { createDispatcher } from '../../../electron/core/ipc/dispatcher';
import { createSenderCheck } from '../../../electron/core/ipc/sender-check';
import { prepareInvoices } from '../../../renderer/src/invoices/prepared';
import { sortedOrder } from '../../../renderer/src/invoices/sort';
import { row } from '../renderer/invoice-fixtures';

const renderer = 'app://budgetly/index.html';

describe('invoices.list windows (zod)', () => {
  const calls: unknown[] = [];
  const dispatch = createDispatcher(
    {
      'invoices.list': (input) => {
        calls.push(input);
        return { invoices: [], total: 0, offset: 0, version: 'none', payments: 'notSynced', syncedAt: null, object: null, statusKinds: {}, warnings: [] };
      },
    },
    createSenderCheck(renderer),
  );

  it('accepts no window, and a window inside the caps', async () => {
    await expect(dispatch('invoices.list', { connectionId: 'c1' }, renderer)).resolves.toMatchObject({ ok: true });
    await expect(dispatch('invoices.list', { connectionId: 'c1', offset: 500, limit: 10_000 }, renderer)).resolves.toMatchObject({ ok: true });
    await expect(dispatch('invoices.list', { connectionId: 'c1', offset: 0, limit: LIST_WINDOW_MAX }, renderer)).resolves.toMatchObject({ ok: true });
    expect(calls).toEqual([{ connectionId: 'c1' }, { connectionId: 'c1', offset: 500, limit: 10_000 }, { connectionId: 'c1', offset: 0, limit: LIST_WINDOW_MAX }]);
  });

  it.each([
    ['a negative offset', { offset: -1, limit: 10 }, 'offset'],
    ['a limit above the cap', { offset: 0, limit: LIST_WINDOW_MAX + 1 }, 'limit'],
    ['a huge limit', { limit: 1e12 }, 'limit'],
    ['a zero limit', { limit: 0 }, 'limit'],
    ['a fractional offset', { offset: 1.5 }, 'offset'],
    ['a string limit', { limit: '500' }, 'limit'],
    ['an offset beyond any org', { offset: 1e15 }, 'offset'],
    ['an extra key', { offset: 0, limit: 10, sort: 'customer' }, 'sort'],
  ])('refuses %s with a clear INVALID_INPUT naming the field, before the handler runs', async (_name, window, field) => {
    const before = calls.length;
    const result = await dispatch('invoices.list', { connectionId: 'c1', ...window }, renderer);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((result as { error: { message: string } }).error.message).toContain(field);
    expect(calls).toHaveLength(before);
  });

  it('the schema itself rejects what the dispatcher rejects', () => {
    expect(channels['invoices.list'].input.safeParse({ connectionId: 'c1', offset: -5 }).success).toBe(false);
    expect(channels['invoices.list'].input.safeParse({ connectionId: 'c1', limit: 50 }).success).toBe(true);
  });
});

describe('the default display order shared by the core and the renderer', () => {
  /** A seeded pseudo-random generator: the same "random" rows every run. */
  function random(seed: number) {
    return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  }
  const pick = <T>(next: () => number, values: readonly T[]) => values[Math.floor(next() * values.length)]!;

  it.each([
    ['usual numbers (one prefix, digits)', (next: () => number) => `INV-${String(Math.floor(next() * 900)).padStart(5, '0')}`],
    ['mixed numbers (prefixes, case, no digits)', (next: () => number) => pick(next, ['inv-', 'INV-', 'CR-', 'A', '']) + String(Math.floor(next() * 300))],
  ])('the core’s order is exactly the workspace’s default sort: %s', (_name, numberOf) => {
    const next = random(42);
    const rows: InvoiceRow[] = Array.from({ length: 3000 }, (_, i) =>
      row({
        id: `a0${String(Math.floor(next() * 1e8)).padStart(8, '0')}${i}`,
        number: numberOf(next),
        // Few distinct dates (many ties), some empty or malformed (sorted last).
        invoiceDate: pick(next, ['2026-01-01', '2026-01-02', '2025-12-31', '2024-02-29', null, 'not a date', '2026-01-01']),
      }),
    );
    // The core's list of a full sync's columns and of a copy of rows (an older format, an incremental sync).
    const meta = { object: 'Invoice', signature: 's', syncedAt: '2026-11-29T12:00:00.000Z', watermark: null };
    const fromColumns = orderedRows(columnSnapshot(meta, new RowColumns(chunksOf(rows, 700)))).slice(0, rows.length);
    const fromRows = orderedRows({ ...meta, rows }).slice(0, rows.length);
    const workspace = Array.from(sortedOrder(prepareInvoices(rows), { column: 'invoiceDate', desc: true }, 0), (i) => rows[i]!.id);
    expect(fromColumns.map((r) => r.id)).toEqual(workspace);
    expect(fromRows.map((r) => r.id)).toEqual(workspace);
    // And it is the order a user expects: newest first, undated last.
    const dates = fromColumns.map((r) => r.invoiceDate);
    expect(dates[0]).toBe('2026-01-02');
    expect(dates.at(-1) === null || dates.at(-1) === 'not a date').toBe(true);
  });
});
