import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { namespaces } from '../../../electron/contract/i18n/catalogue';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import type { ExportColumn, InvoiceRow } from '../../../electron/contract';
import { exportInvoices } from '../../../electron/core/export/export-invoices';
import { RecordingEvents, ScriptedSaveDialog, tempDir } from '../../support/test-ports';

/**
 * The workbook read by a streaming reader, as a program reads a large export (ExcelJS's WorkbookReader; read-excel-file
 * reads cells the same way): each cell found by its `r` attribute. Optional in ECMA-376, but such readers fail without it
 * (TypeError in both on 3c95f7b, which left it out where the cell before gave the place) — every cell carries it.
 */
const englishT = createI18n('en').getFixedT('en', namespaces);
const COLUMNS: ExportColumn[] = ['number', 'customer', 'invoiceDate', 'dueDate', 'status', 'total', 'balance', 'currency', 'lastModified', 'daysOverdue'];

const row = (i: number): InvoiceRow => ({
  id: `a0G00000000000${String(i).padStart(2, '0')}AAA`,
  number: `INV-${i}`,
  // Empty cells between full ones, in several columns.
  customer: i % 3 === 0 ? null : `Customer ${i}`,
  invoiceDate: i % 4 === 0 ? null : '2026-01-31',
  dueDate: '2026-02-28',
  status: i % 2 === 0 ? 'Posted' : null,
  total: 100 + i,
  balance: i % 5 === 0 ? null : i,
  currency: 'EUR',
  lastModified: '2026-11-29T10:11:12.345Z',
});

describe('XLSX export read by a streaming reader', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(() => temp.remove());

  it('reads every sheet, each cell where the whole-file reader finds it', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => row(i + 1));
    const path = join(temp.dir, 'out.xlsx');
    await exportInvoices({ format: 'xlsx', columns: COLUMNS, ids: rows.map((r) => r.id), asOf: '2026-11-29' }, new Map(rows.map((r) => [r.id, r])), {
      t: englishT,
      saveDialog: new ScriptedSaveDialog(path),
      events: new RecordingEvents(),
    });
    const whole = new ExcelJS.Workbook();
    await whole.xlsx.readFile(path);
    const expected = new Map<string, string[]>();
    for (const sheet of whole.worksheets) {
      const cells: string[] = [];
      sheet.eachRow((r) => r.eachCell((cell) => cells.push(cell.address)));
      expected.set(sheet.name, cells);
    }
    const streamed = new Map<string, string[]>();
    for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache' })) {
      const cells: string[] = [];
      for await (const r of sheet) r.eachCell((cell) => cells.push(cell.address));
      streamed.set((sheet as unknown as { name: string }).name, cells);
    }
    expect([...streamed.keys()]).toEqual([...expected.keys()]);
    for (const [name, cells] of expected) expect(streamed.get(name), name).toEqual(cells);
    expect(expected.get('Invoices')!.length).toBeGreaterThan(40 * 6);
  });
});
