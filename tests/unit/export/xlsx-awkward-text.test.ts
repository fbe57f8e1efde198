import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportColumn, InvoiceRow } from '../../../electron/contract';
import { namespaces } from '../../../electron/contract/i18n/catalogue';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { exportInvoices } from '../../../electron/core/export/export-invoices';
import { SheetStyles } from '../../../electron/core/export/xlsx-parts';
import { SharedStrings } from '../../../electron/core/export/xlsx-shared-strings';
import { SheetRows } from '../../../electron/core/export/xlsx-sheet-rows';
import { columnLabels } from '../../../electron/core/export/export-cells';
import { RecordingEvents, ScriptedSaveDialog, tempDir } from '../../support/test-ports';
import { exportRow } from '../../support/export-row';

const t = createI18n('en').getFixedT('en', namespaces);
const asOf = '2026-11-29';
const COLUMNS: ExportColumn[] = ['number', 'customer', 'status', 'total', 'balance', 'currency'];

/**
 * Awkward text and money in several currencies, written by the XLSX writer and read back with a real XLSX reader
 * (ExcelJS): what a spreadsheet user would see. Customer, status and currency go through the workbook's shared-string
 * table, the invoice number inline: both must come back the same.
 */
const row = exportRow;

describe('XLSX export: awkward text and money read back', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(() => temp.remove());

  async function exportAndRead(rows: InvoiceRow[]) {
    const path = join(temp.dir, 'awkward.xlsx');
    const result = await exportInvoices({ format: 'xlsx', columns: COLUMNS, ids: rows.map((r) => r.id), asOf }, new Map(rows.map((r) => [r.id, r])), {
      t,
      saveDialog: new ScriptedSaveDialog(path),
      events: new RecordingEvents(),
    });
    expect(result.rows).toBe(rows.length);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    return workbook.getWorksheet(t('columns:sheetInvoices'))!;
  }

  it('XML specials, control characters, emoji and formula-looking text come back as the app shows them, shared or inline', async () => {
    const awkward = [
      `Smith & Sons <Ltd> "quoted" 'single' ]]>`,
      '🧾 Ωmega 請求書 👩‍👩‍👧',
      'tab\there, bell\u0007 and NUL\u0000 gone',
      '=HYPERLINK("http://evil.example","click")',
      '+1',
      '-2',
      '@SUM(A1:A9)',
      '  edge spaces  ',
      'two\nlines',
    ];
    // What the cell holds: control characters XML cannot carry are dropped, formula-looking text gets the apostrophe guard.
    const shown = [
      `Smith & Sons <Ltd> "quoted" 'single' ]]>`,
      '🧾 Ωmega 請求書 👩‍👩‍👧',
      'tab\there, bell and NUL gone',
      `'=HYPERLINK("http://evil.example","click")`,
      "'+1",
      "'-2",
      "'@SUM(A1:A9)",
      '  edge spaces  ',
      'two\nlines',
    ];
    // Each text as the number (inline), the customer and the status (shared) — twice, so the shared entry is used again.
    const rows = [...awkward, ...awkward].map((text, i) => row(i, { number: text, customer: text, status: text }));
    const sheet = await exportAndRead(rows);
    rows.forEach((_, i) => {
      const cells = sheet.getRow(i + 2);
      const expected = shown[i % awkward.length];
      expect([cells.getCell(1).value, cells.getCell(2).value, cells.getCell(3).value], `row ${i + 2}`).toEqual([expected, expected, expected]);
    });
  });

  it('a text longer than a cell can hold is cut to Excel’s 32,767 characters, never inside an emoji', async () => {
    const long = 'x'.repeat(40_000);
    const emojiAtTheEdge = 'a'.repeat(32_766) + '🧾 and more';
    const sheet = await exportAndRead([row(1, { number: long, customer: long }), row(2, { number: emojiAtTheEdge, customer: emojiAtTheEdge })]);
    expect(sheet.getRow(2).getCell(1).value).toBe('x'.repeat(32_767));
    expect(sheet.getRow(2).getCell(2).value).toBe('x'.repeat(32_767));
    // The emoji's two halves would straddle the limit: it is left out whole rather than split.
    expect(sheet.getRow(3).getCell(1).value).toBe('a'.repeat(32_766));
    expect(sheet.getRow(3).getCell(2).value).toBe('a'.repeat(32_766));
  });

  it('money in JPY, USD and EUR: exact numbers, each with its currency’s decimals and negatives in parentheses', async () => {
    const rows = [
      row(1, { currency: 'JPY', total: 1_234_567, balance: -5000 }),
      row(2, { currency: 'USD', total: 1234.56, balance: -0.01 }),
      row(3, { currency: 'EUR', total: 0.1 + 0.2, balance: 99_999_999.99 }),
      row(4, { currency: 'JPY', total: 1, balance: 0 }),
    ];
    const sheet = await exportAndRead(rows);
    const formats = { JPY: '#,##0 "JPY";(#,##0) "JPY"', USD: '#,##0.00 "USD";(#,##0.00) "USD"', EUR: '#,##0.00 "EUR";(#,##0.00) "EUR"' };
    rows.forEach((invoice, i) => {
      const cells = sheet.getRow(i + 2);
      expect([cells.getCell(4).value, cells.getCell(5).value, cells.getCell(6).value]).toEqual([invoice.total, invoice.balance, invoice.currency]);
      expect([cells.getCell(4).numFmt, cells.getCell(5).numFmt]).toEqual([formats[invoice.currency as keyof typeof formats], formats[invoice.currency as keyof typeof formats]]);
    });
  });

  it('the shared-string table is bounded: once full, further texts are written inline and read back the same', async () => {
    const shared = new SharedStrings({ maxEntries: 2, maxLength: 10, maxChars: 1000 });
    const rows = [row(1, { customer: 'One & Co' }), row(2, { customer: 'Two <Ltd>' }), row(3, { customer: 'Three' }), row(4, { customer: 'One & Co' }), row(5, { customer: 'a much longer name' })];
    const sheet = new SheetRows(['customer'], columnLabels(t), { asOf }, new SheetStyles(), undefined, shared);
    const xml = sheet.batch(rows, 0, rows.length);
    expect(shared.size).toBe(2);
    expect(xml).toContain('<c r="A2" t="s"><v>0</v></c>');
    expect(xml).toContain('<c r="A3" t="s"><v>1</v></c>');
    expect(xml).toContain('<c r="A4" t="inlineStr"><is><t>Three</t></is></c>');
    expect(xml).toContain('<c r="A5" t="s"><v>0</v></c>');
    expect(xml).toContain('<c r="A6" t="inlineStr"><is><t>a much longer name</t></is></c>');
    expect([...shared.chunks()].join('')).toContain('count="3" uniqueCount="2"><si><t>One &amp; Co</t></si><si><t>Two &lt;Ltd&gt;</t></si></sst>');
  });
  it('the shared-string table keeps to its character budget: a text that would pass it is written inline, a shorter one still fits', () => {
    const shared = new SharedStrings({ maxEntries: 10, maxLength: 10, maxChars: 13 });
    const rows = [row(1, { customer: 'One & Co' }), row(2, { customer: 'Two <Ltd>' }), row(3, { customer: 'Three' }), row(4, { customer: 'Two <Ltd>' })];
    const xml = new SheetRows(['customer'], columnLabels(t), { asOf }, new SheetStyles(), undefined, shared).batch(rows, 0, rows.length);
    // 8 characters, then 9 more would make 17 > 13: inline; 'Three' makes 13: in the table.
    expect(shared.size).toBe(2);
    expect(xml).toContain('<c r="A2" t="s"><v>0</v></c>');
    expect(xml).toContain('<c r="A3" t="inlineStr"><is><t>Two &lt;Ltd&gt;</t></is></c>');
    expect(xml).toContain('<c r="A4" t="s"><v>1</v></c>');
    expect(xml).toContain('<c r="A5" t="inlineStr"><is><t>Two &lt;Ltd&gt;</t></is></c>');
  });
});
