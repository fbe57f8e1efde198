import { namespaces } from '../../../electron/contract/i18n/catalogue';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportColumn, InvoiceRow } from '../../../electron/contract';
import { exportInvoices } from '../../../electron/core/export/export-invoices';
import { RecordingEvents, ScriptedSaveDialog, tempDir } from '../../support/test-ports';
import { parseCsv } from '../../support/csv';

const englishT = createI18n('en').getFixedT('en', namespaces);


const currencies = ['USD', 'EUR', 'GBP', 'JPY'];
const rows: InvoiceRow[] = Array.from({ length: 3000 }, (_, i) => ({
  id: `3tt${String(i).padStart(12, '0')}`,
  number: i === 3 ? '=cmd|"/C calc"!A0' : `INV-${i}`,
  customer: i === 4 ? 'Müller, "Söhne"\nGmbH' : `Customer ${i % 97}`,
  invoiceDate: `2026-0${(i % 9) + 1}-1${i % 10}`,
  dueDate: i % 5 === 0 ? null : `2026-0${(i % 9) + 1}-2${i % 9}`,
  status: i % 3 ? 'Posted' : 'Paid',
  total: currencies[i % 4] === 'JPY' ? 1000 * i : i + 0.25,
  balance: i % 3 ? -5 + i : 0,
  currency: currencies[i % 4]!,
  lastModified: '2026-11-29T10:00:00.000Z',
}));
const byId = new Map(rows.map((row) => [row.id, row]));
// The view's order: reversed, with a filter, plus an id that no longer exists.
const ids = [...rows].reverse().filter((_, i) => i % 2 === 0).map((row) => row.id);
const columns: ExportColumn[] = ['number', 'customer', 'invoiceDate', 'dueDate', 'status', 'total', 'balance', 'currency', 'daysOverdue'];
const asOf = '2026-10-01';

describe('export files', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(() => temp.remove());

  const run = async (format: 'csv' | 'xlsx', path: string | null) => {
    const events = new RecordingEvents();
    const saveDialog = new ScriptedSaveDialog(path);
    const result = await exportInvoices({ format, columns, ids: [...ids, 'gone000000000001'], asOf }, byId, { t: englishT, saveDialog, events });
    return { result, events, saveDialog };
  };
  const expected = ids.map((id) => byId.get(id)!);

  it('CSV: BOM, header labels, the rows in the view’s order, escaped formulas, plain numbers and dates', async () => {
    const path = join(temp.dir, 'view.csv');
    const { result, events, saveDialog } = await run('csv', path);
    expect(result).toEqual({ path, rows: expected.length });
    expect(saveDialog.asked).toEqual([`invoices-${asOf}.csv`]);
    const text = readFileSync(path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...body] = parseCsv(text);
    expect(header).toEqual(['Number', 'Customer', 'Invoice date', 'Due date', 'Status', 'Total', 'Balance', 'Currency', 'Days overdue']);
    expect(body).toHaveLength(expected.length);
    body.forEach((cells, index) => {
      const row = expected[index]!;
      expect(cells[0]).toBe(row.number.startsWith('=') ? `'${row.number}` : row.number);
      expect(cells[1]).toBe(row.customer);
      expect([cells[2], cells[3]]).toEqual([row.invoiceDate, row.dueDate ?? '']);
      expect([Number(cells[5]), Number(cells[6]), cells[7]]).toEqual([row.total, row.balance, row.currency]);
    });
    expect(body.some((cells) => cells[0]!.startsWith("'="))).toBe(true);
    const progress = events.of('invoices.exportProgress');
    expect(progress.at(-1)).toEqual({ written: expected.length, total: expected.length });
  });

  it('XLSX: real dates, numbers with per-currency formats, the rows in order', async () => {
    const path = join(temp.dir, 'view.xlsx');
    const { result } = await run('xlsx', path);
    expect(result.rows).toBe(expected.length);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('Invoices')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Number', 'Customer', 'Invoice date', 'Due date', 'Status', 'Total', 'Balance', 'Currency', 'Days overdue']);
    expect(sheet.rowCount).toBe(expected.length + 1);
    expected.forEach((row, index) => {
      const line = sheet.getRow(index + 2);
      expect(line.getCell(1).value).toBe(row.number.startsWith('=') ? `'${row.number}` : row.number);
      const invoiceDate = line.getCell(3).value as Date;
      expect(invoiceDate).toBeInstanceOf(Date);
      expect(invoiceDate.toISOString().slice(0, 10)).toBe(row.invoiceDate);
      expect(line.getCell(6).value).toBe(row.total);
      expect(line.getCell(6).numFmt).toContain(`"${row.currency}"`);
      expect(line.getCell(6).numFmt.startsWith(row.currency === 'JPY' ? '#,##0 ' : '#,##0.00 ')).toBe(true);
      // Days overdue: empty when not overdue, as the grid shows it (a 0 only where the screen shows 0).
      const days = row.dueDate && row.balance! > 0 ? Math.max(0, (Date.parse(asOf) - Date.parse(row.dueDate)) / 86_400_000) : 0;
      expect(line.getCell(9).value).toBe(days > 0 ? days : null);
    });
  });

  it('keeps a line break inside its quoted cell, so no text after it can start a formula; files are owner-only', async () => {
    const tricky: InvoiceRow[] = ['a\r=1+1', 'b\n=2+2', 'c\r\n@x'].map((text, i) => ({ ...rows[0]!, id: `tricky${i}`, number: text, customer: text }));
    const path = join(temp.dir, 'tricky.csv');
    await exportInvoices({ format: 'csv', columns: ['number', 'customer', 'total'], ids: tricky.map((row) => row.id), asOf }, new Map(tricky.map((row) => [row.id, row])), {
      t: englishT, saveDialog: new ScriptedSaveDialog(path),
      events: new RecordingEvents(),
    });
    // A reader that, like Excel, also breaks rows on a bare CR or LF outside quotes.
    const text = readFileSync(path, 'utf8').slice(1);
    const unquotedBreaks = text.replace(/"(?:[^"]|"")*"/g, '').replace(/\r\n/g, '').match(/[\r\n]/g);
    expect(unquotedBreaks).toBeNull();
    expect(parseCsv(text).slice(1).map((cells) => cells[0])).toEqual(['a\r=1+1', 'b\n=2+2', 'c\r\n@x']);
    if (process.platform !== 'win32') {
      expect(statSync(path).mode & 0o777).toBe(0o600);
      const xlsx = join(temp.dir, 'tricky.xlsx');
      await exportInvoices({ format: 'xlsx', columns: ['number'], ids: ['tricky0'], asOf }, new Map(tricky.map((row) => [row.id, row])), {
        t: englishT, saveDialog: new ScriptedSaveDialog(xlsx),
        events: new RecordingEvents(),
      });
      expect(statSync(xlsx).mode & 0o777).toBe(0o600);
    }
  });

  it('writes nothing when the user cancels the save dialog', async () => {
    const { result } = await run('csv', null);
    expect(result).toEqual({ path: null, rows: 0 });
    expect(readdirSync(temp.dir)).toEqual([]);
  });

  it('replaces an existing file only once the new one is complete, leaving no temp file', async () => {
    const path = join(temp.dir, 'view.csv');
    writeFileSync(path, 'old');
    await run('csv', path);
    expect(readFileSync(path, 'utf8')).not.toBe('old');
    expect(readdirSync(temp.dir)).toEqual(['view.csv']);
    await expect(run('csv', join(temp.dir, 'missing-folder', 'x.csv'))).rejects.toThrow();
    expect(existsSync(join(temp.dir, 'missing-folder'))).toBe(false);
  });
});
