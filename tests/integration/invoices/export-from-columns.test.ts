import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RowColumns } from '../../../electron/core/invoices/snapshot/row-columns';
import { useOrgHarness } from '../../support/org-setup';
import { CONNECTION_ID } from './support/invoice-harness';

const COLUMNS = ['number', 'customer', 'invoiceDate', 'dueDate', 'status', 'total', 'balance', 'currency', 'lastModified', 'paid', 'lastPaymentDate', 'fullyPaidOn', 'daysToPay'] as const;

type ListRow = Record<(typeof COLUMNS)[number] | 'id', string | number | null | undefined>;

/** A cell as ExcelJS reads it, in the list row's terms: dates as YYYY-MM-DD, instants as ms, empty as null. */
function cellValue(value: ExcelJS.CellValue, column: (typeof COLUMNS)[number]): string | number | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return column === 'lastModified' ? value.getTime() : value.toISOString().slice(0, 10);
  return value as string | number;
}

/** What the list row should read as in the file: the list's own values (instants as ms, nothing as null). */
function expected(row: ListRow, column: (typeof COLUMNS)[number]): string | number | null {
  const value = row[column];
  if (value === null || value === undefined || value === '') return null;
  return column === 'lastModified' ? Date.parse(String(value)) : value;
}

/**
 * Issue #19: an export reads the offline copy's columns place by place as it writes (invoices/read/export-rows.ts):
 * the file holds exactly the rows asked, in their order, with the values the list shows (payment figures too) — and
 * the copy's invoices are never all turned into row objects for it.
 */
describe('invoices.export from the copy’s columns', () => {
  const world = useOrgHarness({ invoices: 1200, multiCurrency: true }, { sync: 'full' });
  const connectionId = CONNECTION_ID;
  let list: ListRow[];

  beforeAll(async () => {
    list = (await world.harness.call('invoices.list', { connectionId })).value.invoices;
  });
  afterAll(() => {
    vi.restoreAllMocks();
  });

  it('writes the rows asked in their order with the list’s values, without making a row object per invoice', async () => {
    // The view: every invoice, last first; an id no longer in the copy is skipped; an id asked twice is written twice.
    const shown = [...list].reverse();
    const ids = [...shown.map((row) => row.id as string), 'a0Bgone0000000001', shown[0]!.id as string];
    const materialize = vi.spyOn(RowColumns.prototype, 'materialize');
    world.harness.saveDialog.answer = join(world.dir, 'all.xlsx');
    const result = await world.harness.call('invoices.export', { connectionId, format: 'xlsx', columns: [...COLUMNS], ids, asOf: '2026-11-29' });
    expect(result.ok).toBe(true);
    expect(result.value.rows).toBe(list.length + 1);
    // The copy's rows were never made as a whole (a 100,000-invoice export held them all, and a Map of them, before).
    expect(materialize).not.toHaveBeenCalled();

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(world.harness.saveDialog.answer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(list.length + 2);
    const want = [...shown, shown[0]!];
    const read: (string | number | null)[][] = [];
    for (let r = 2; r <= sheet.rowCount; r++) read.push(COLUMNS.map((column, c) => cellValue(sheet.getRow(r).getCell(c + 1).value, column)));
    const asked = want.map((row) => COLUMNS.map((column) => expected(row, column)));
    // Instants come back through a day fraction: equal to the millisecond or so.
    const at = COLUMNS.indexOf('lastModified');
    for (let i = 0; i < asked.length; i++) {
      expect(Math.abs((read[i]![at] as number) - (asked[i]![at] as number))).toBeLessThan(2);
      read[i]![at] = asked[i]![at]!;
    }
    expect(read).toEqual(asked);
    // The org's payments are in the file: some invoices were paid.
    expect(want.some((row) => typeof row.paid === 'number' && row.paid > 0)).toBe(true);
  });
});
