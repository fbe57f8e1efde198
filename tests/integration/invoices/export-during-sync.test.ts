import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useOrgHarness } from '../../support/org-setup';
import { CONNECTION_ID } from './support/invoice-harness';

type Row = { id: string; number: string; total: number | null; balance: number | null; status: string | null; dueDate: string | null; currency: string };
const COLUMNS = ['number', 'total', 'balance', 'status', 'dueDate', 'currency'] as const;
const asCells = (rows: Row[]) => rows.map((row) => [row.number, row.total, row.balance, row.status, row.dueDate, row.currency]);

/**
 * Review (reviewA, session 15, of 1c300b9 and the row reader): an export reads its rows from the copy place by place while
 * it writes, long after the user asked for it (the save dialog, then minutes of writing). A sync that lands meanwhile —
 * here while the save dialog is open, so that every row is read after the new copy replaced the old one — must not change
 * the file: it holds the rows as the screen showed them when the user asked, never a mix of two copies; the next export
 * has the new values.
 */
describe('an export while a sync lands', () => {
  const world = useOrgHarness({ invoices: 1500, multiCurrency: true }, { sync: 'full' });
  const connectionId = CONNECTION_ID;

  const list = async (): Promise<Row[]> => (await world.harness.call('invoices.list', { connectionId })).value.invoices;

  async function readXlsx(path: string) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0]!;
    const read: unknown[][] = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      read.push(COLUMNS.map((_, c) => {
        const value = sheet.getRow(r).getCell(c + 1).value;
        return value instanceof Date ? value.toISOString().slice(0, 10) : (value ?? null);
      }));
    }
    return read;
  }

  /**
   * Some invoices change at the org; the user asks for an export of every row, last first; while the save dialog is open a
   * sync of `mode` lands. Answers what the screen showed when the user asked (in the order asked) and the new copy's rows.
   */
  async function exportWhileSyncing(mode: 'incremental' | 'full', format: 'xlsx' | 'csv', columns: readonly string[], path: string, every: number) {
    const before = await list();
    const changed = before.filter((_, i) => i % every === 0).map((row) => row.id);
    world.org.control.updateInvoices(changed);
    const shown = [...before].reverse();
    const dialog = world.harness.saveDialog;
    const plain = dialog.choosePath.bind(dialog);
    let synced: boolean | null = null;
    dialog.choosePath = async (options) => {
      dialog.choosePath = plain;
      synced = (await world.harness.call('invoices.sync', { connectionId, mode })).ok;
      return plain(options);
    };
    dialog.answer = path;
    try {
      const result = await world.harness.call('invoices.export', { connectionId, format, columns: [...columns], ids: shown.map((row) => row.id), asOf: '2026-11-29' });
      expect(result.value.rows).toBe(shown.length);
    } finally {
      dialog.choosePath = plain;
    }
    expect(synced).toBe(true);
    const after = new Map((await list()).map((row) => [row.id, row]));
    // The org's change is in the new copy (else the test proves nothing).
    expect(shown.filter((row) => JSON.stringify(asCells([row])) !== JSON.stringify(asCells([after.get(row.id)!]))).length).toBeGreaterThan(changed.length / 2);
    return { shown, after };
  }

  for (const mode of ['incremental', 'full'] as const) {
    it(`the rows as they were when asked, though a ${mode} sync replaced the copy before they were read; the next export has the new values`, async () => {
      const path = join(world.dir, `during-${mode}.xlsx`);
      const { shown, after } = await exportWhileSyncing(mode, 'xlsx', COLUMNS, path, 7);
      expect(await readXlsx(path)).toEqual(asCells(shown));

      const csvPath = join(world.dir, `during-${mode}.csv`);
      const csv = await exportWhileSyncing(mode, 'csv', ['number', 'balance'], csvPath, 5);
      const lines = readFileSync(csvPath, 'utf8').slice(1).trimEnd().split('\r\n').slice(1);
      const want = csv.shown.map((row) => `${row.number},${row.balance ?? ''}`);
      const first = lines.findIndex((line, i) => line !== want[i]);
      expect({ first, line: lines[first], want: want[first] }).toEqual({ first: -1, line: undefined, want: undefined });

      // Asked now, the same rows have the new copy's values.
      const newPath = join(world.dir, `after-${mode}.xlsx`);
      world.harness.saveDialog.answer = newPath;
      const ids = shown.map((row) => row.id);
      expect((await world.harness.call('invoices.export', { connectionId, format: 'xlsx', columns: [...COLUMNS], ids, asOf: '2026-11-29' })).ok).toBe(true);
      const latest = new Map((await list()).map((row) => [row.id, row]));
      expect(after.size).toBe(latest.size);
      expect(await readXlsx(newPath)).toEqual(asCells(ids.map((id) => latest.get(id)!)));
    });
  }
});
