import { namespaces } from '../../../electron/contract/i18n/catalogue';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportColumn, InvoiceRow } from '../../../electron/contract';
import { exportInvoices } from '../../../electron/core/export/export-invoices';
import { RecordingEvents, ScriptedSaveDialog, tempDir } from '../../support/test-ports';

const englishT = createI18n('en').getFixedT('en', namespaces);

/**
 * The XLSX file as a spreadsheet user gets it, read back with a real XLSX reader (exceljs): the
 * sheet's look (bold frozen header, column widths), typed cells, text exactly as in the app, and the
 * file appearing whole or not at all.
 */

const ALL: ExportColumn[] = ['number', 'customer', 'invoiceDate', 'dueDate', 'status', 'total', 'balance', 'currency', 'lastModified', 'daysOverdue'];
const asOf = '2026-11-29';

const base: InvoiceRow = {
  id: 'a0G000000000001AAA',
  number: 'INV-1',
  customer: 'Acme',
  invoiceDate: '2026-01-31',
  dueDate: '2026-02-28',
  status: 'Posted',
  total: 1234.5,
  balance: 10,
  currency: 'EUR',
  lastModified: '2026-11-29T10:11:12.345Z',
};

/** Excel reads `_xHHHH_` in cell text as the character U+HHHH (ECMA-376 ST_Xstring); exceljs leaves inline text as stored. */
const asExcelShows = (text: unknown) => (typeof text === 'string' ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text);

describe('XLSX export', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(() => temp.remove());

  async function exportRows(rows: InvoiceRow[], columns: ExportColumn[] = ALL, name = 'out.xlsx') {
    const path = join(temp.dir, name);
    const events = new RecordingEvents();
    const result = await exportInvoices({ format: 'xlsx', columns, ids: rows.map((row) => row.id), asOf }, new Map(rows.map((row) => [row.id, row])), {
      t: englishT, saveDialog: new ScriptedSaveDialog(path),
      events,
    });
    return { path, result, events };
  }

  async function read(path: string) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    return workbook;
  }

  it('one sheet "Invoices": bold header frozen above the rows, the column widths, typed cells, empty cells left empty', async () => {
    const rows = [base, { ...base, id: 'a0G000000000002AAA', number: 'INV-2', dueDate: null, balance: null, total: 1000, currency: 'JPY', lastModified: null }];
    const { path, result } = await exportRows(rows);
    expect(result.rows).toBe(2);
    const workbook = await read(path);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Invoices']);
    const sheet = workbook.getWorksheet('Invoices')!;
    expect(sheet.rowCount).toBe(3);

    const header = sheet.getRow(1);
    expect(header.values).toEqual([undefined, 'Number', 'Customer', 'Invoice date', 'Due date', 'Status', 'Total', 'Balance', 'Currency', 'Last modified', 'Days overdue']);
    header.eachCell((cell) => expect(cell.font?.bold, String(cell.value)).toBe(true));
    expect(sheet.getRow(2).getCell(1).font?.bold).toBeFalsy();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
    expect(ALL.map((_, index) => sheet.getColumn(index + 1).width)).toEqual([16, 32, 12, 12, 14, 16, 16, 10, 20, 12]);

    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('INV-1');
    for (const [column, iso] of [[3, '2026-01-31'], [4, '2026-02-28']] as const) {
      const date = first.getCell(column).value;
      expect(date).toBeInstanceOf(Date);
      expect((date as Date).toISOString()).toBe(`${iso}T00:00:00.000Z`);
      expect(first.getCell(column).numFmt).toBe('yyyy-mm-dd');
    }
    expect(first.getCell(6).value).toBe(1234.5);
    expect(first.getCell(6).numFmt).toBe('#,##0.00 "EUR";(#,##0.00) "EUR"');
    expect(first.getCell(7).value).toBe(10);
    expect(first.getCell(8).value).toBe('EUR');
    const modified = first.getCell(9).value as Date;
    expect(modified).toBeInstanceOf(Date);
    // An Excel serial keeps the time to the millisecond here; rounding absorbs floating-point noise.
    expect(Math.abs(modified.getTime() - Date.parse(base.lastModified!))).toBeLessThan(2);
    expect(first.getCell(9).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(first.getCell(10).value).toBe(274);

    const second = sheet.getRow(3);
    expect(second.getCell(4).value).toBeNull();
    expect(second.getCell(6).value).toBe(1000);
    expect(second.getCell(6).numFmt).toBe('#,##0 "JPY";(#,##0) "JPY"');
    expect(second.getCell(7).value).toBeNull();
    expect(second.getCell(9).value).toBeNull();
    // Not overdue: empty, as the grid's Days overdue cell is (was a 0 the screen never showed).
    expect(second.getCell(10).value).toBeNull();
  });

  it('text comes back as in the app: XML specials, line breaks, edge spaces, non-Latin and emoji, look-alikes of Excel escapes', async () => {
    const texts = ['Müller & "Söhne" <GmbH>', "O'Brien ]]> x", 'Line one\nLine two', '  padded  ', '請求書 🧾 Ωmega', 'Ref _x0041_ and _x000D_', 'tab\tinside'];
    const rows = texts.map((text, index) => ({ ...base, id: `a0G00000000000${index}AAA`, number: text, customer: text }));
    const { path } = await exportRows(rows, ['number', 'customer', 'total']);
    const sheet = (await read(path)).worksheets[0]!;
    texts.forEach((text, index) => {
      const row = sheet.getRow(index + 2);
      // The number is an inline string, the customer a shared one (a text that repeats down its column): ExcelJS
      // decodes Excel's _xHHHH_ escapes in shared strings (as Excel does) but not in inline ones, so only the first is decoded here.
      expect([asExcelShows(row.getCell(1).value), row.getCell(2).value]).toEqual([text, text]);
      expect(row.getCell(3).value).toBe(1234.5);
    });
  });

  it('characters XML cannot hold are dropped, and the formula guard applies to what remains', async () => {
    const texts = ['a\u0000b\u0001c\u0008d\u000Be\u001Ff\u007F', '\u0001=1+1', 'lone \uD800 surrogate \uDC00!', 'pair 🧾 kept', '\uFFFE\uFFFFok'];
    const rows = texts.map((text, index) => ({ ...base, id: `a0G00000000000${index}AAA`, number: text }));
    const { path } = await exportRows(rows, ['number']);
    const sheet = (await read(path)).worksheets[0]!;
    const values = texts.map((_, index) => sheet.getRow(index + 2).getCell(1).value);
    expect(values).toEqual(['abcdef', "'=1+1", 'lone  surrogate !', 'pair 🧾 kept', 'ok']);
  });

  it('many rows: every row in order, progress rising to the total', async () => {
    const rows = Array.from({ length: 4321 }, (_, i) => ({ ...base, id: `a0G${String(i).padStart(15, '0')}`, number: `INV-${i}`, total: i + 0.5 }));
    const { path, events } = await exportRows(rows, ['number', 'total']);
    const sheet = (await read(path)).worksheets[0]!;
    expect(sheet.rowCount).toBe(rows.length + 1);
    const read_: unknown[][] = [];
    sheet.eachRow((row, index) => index > 1 && read_.push([row.getCell(1).value, row.getCell(2).value]));
    expect(read_).toEqual(rows.map((row) => [row.number, row.total]));
    const written = events.of('invoices.exportProgress').map((progress) => progress.written);
    expect(written[0]).toBe(0);
    expect(written).toContain(2000);
    expect(written.at(-1)).toBe(rows.length);
    expect(written.every((count, index) => index === 0 || count >= written[index - 1]!)).toBe(true);
    expect(events.of('invoices.exportProgress').every((progress) => progress.total === rows.length)).toBe(true);
  });

  it('no rows on screen: a workbook with the header only', async () => {
    const { path, result } = await exportRows([], ['number', 'total']);
    expect(result.rows).toBe(0);
    const sheet = (await read(path)).worksheets[0]!;
    expect(sheet.rowCount).toBe(1);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Number', 'Total']);
  });

  it('a failure half-way (after rows were written) rejects, keeps the previous file and leaves no partial file', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ ...base, id: `a0G${String(i).padStart(15, '0')}`, number: `INV-${i}` }));
    // The 3,000th row cannot be read (e.g. the data went away): the writer is well into the sheet by then.
    Object.defineProperty(rows[3000]!, 'customer', {
      get() {
        throw new Error('row unavailable');
      },
    });
    const path = join(temp.dir, 'out.xlsx');
    writeFileSync(path, 'previous export');
    const events = new RecordingEvents();
    await expect(
      exportInvoices({ format: 'xlsx', columns: ALL, ids: rows.map((row) => row.id), asOf }, new Map(rows.map((row) => [row.id, row])), {
        t: englishT, saveDialog: new ScriptedSaveDialog(path),
        events,
      }),
    ).rejects.toThrow('row unavailable');
    expect(events.of('invoices.exportProgress').map((progress) => progress.written)).toContain(2000);
    expect(readFileSync(path, 'utf8')).toBe('previous export');
    expect(readdirSync(temp.dir)).toEqual(['out.xlsx']);
  });

  it('more rows than an Excel sheet holds (1,048,576 with the header) is refused plainly, keeping the previous file', async () => {
    const path = join(temp.dir, 'out.xlsx');
    writeFileSync(path, 'previous export');
    // The same invoice 1,048,576 times over (the bench's 1M export repeats ids too): one more than a sheet holds under its header.
    const ids = new Array<string>(1_048_576).fill(base.id);
    const failure = await exportInvoices({ format: 'xlsx', columns: ['number', 'total'], ids, asOf }, new Map([[base.id, base]]), {
      t: englishT, saveDialog: new ScriptedSaveDialog(path), events: new RecordingEvents(),
    }).then(
      () => null,
      (error: unknown) => error as { code?: string; message: string },
    );
    expect(failure?.code).toBe('INVALID_INPUT');
    expect(failure?.message).toBe('This export has 1,048,576 rows: more than an Excel sheet holds (1,048,575 below its header). Export it as CSV, or filter to fewer rows. No file was written.');
    expect(readFileSync(path, 'utf8')).toBe('previous export');
    expect(readdirSync(temp.dir)).toEqual(['out.xlsx']);
  });

  it('a destination that cannot be written rejects and creates nothing', async () => {
    const path = join(temp.dir, 'missing-folder', 'out.xlsx');
    await expect(
      exportInvoices({ format: 'xlsx', columns: ALL, ids: [base.id], asOf }, new Map([[base.id, base]]), { t: englishT, saveDialog: new ScriptedSaveDialog(path), events: new RecordingEvents() }),
    ).rejects.toThrow();
    expect(existsSync(join(temp.dir, 'missing-folder'))).toBe(false);
    expect(readdirSync(temp.dir)).toEqual([]);
  });
});
