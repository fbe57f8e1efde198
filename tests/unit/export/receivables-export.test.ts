import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { namespaces } from '../../../electron/contract/i18n/catalogue';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import type { ExportColumn, InvoiceListRow } from '../../../electron/contract';
import { exportInvoices } from '../../../electron/core/export/export-invoices';
import { applicationRows } from '../../../electron/core/invoices/read/application-rows';
import { withPaymentFigures } from '../../../electron/core/invoices/read/payment-figures';
import type { RelatedCopy, RelatedRecord } from '../../../electron/core/invoices/related/related-copy';
import { parseCsv } from '../../support/csv';
import { RecordingEvents, ScriptedSaveDialog, tempDir } from '../../support/test-ports';

/** The payment columns and the "Applications" sheet, read back as a spreadsheet user gets them (exceljs), in English and German. */

const invoice = (id: string, number: string, currency: string, total: number, balance: number) => ({
  id, number, customer: 'Acme', invoiceDate: '2026-10-01', dueDate: '2026-10-31', status: 'Posted', total, balance, currency, lastModified: null,
});
const app = (id: string, invoiceId: string, source: string, amount: number, date: string, currency: string, type = 'Applied'): RelatedRecord =>
  ({ id, invoice: invoiceId, source, amount, date, currency, type });
const copy: RelatedCopy = {
  warnings: [], none: null,
  objects: [
    { role: 'payment', object: 'Payment', signature: 's', watermark: null, records: [{ id: 'P1', amount: 500 }, { id: 'P2', amount: 500 }] },
    { role: 'creditNote', object: 'CreditMemo', signature: 's', watermark: null, records: [{ id: 'C1', amount: 50 }] },
    { role: 'paymentApplication', object: 'PaymentLineInvoice', signature: 's', watermark: null, records: [
      app('A2', 'INV1', 'P1', 50, '2026-11-12', 'EUR', 'Unapplied'), app('A1', 'INV1', 'P1', 50, '2026-11-10', 'EUR'), app('A3', 'INV1', 'P2', 100, '2026-11-20', 'EUR'),
      app('A4', 'INV2', 'P2', 3000, '2026-10-15', 'JPY'),
      // Left out of INV-1's arithmetic: in another currency than the invoice, and an amount of zero.
      app('A6', 'INV1', 'P2', 30, '2026-11-25', 'USD'), app('A7', 'INV1', 'P2', 0, '2026-11-26', 'EUR'),
    ] },
    { role: 'creditApplication', object: 'CreditMemoInvApplication', signature: 's', watermark: null, records: [app('A5', 'INV1', 'C1', 20.5, '2026-11-05', 'EUR')] },
  ],
};
const rows = withPaymentFigures([invoice('INV1', 'INV-1', 'EUR', 120.5, 0), invoice('INV2', 'INV-2', 'JPY', 10000, 7000), invoice('INV3', 'INV-3', 'EUR', 10, 10)], copy);
const COLUMNS: ExportColumn[] = ['number', 'paid', 'lastPaymentDate', 'fullyPaidOn', 'daysToPay'];

describe('exporting what was paid', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(() => temp.remove());

  async function exportAs(format: 'csv' | 'xlsx', language: 'en' | 'de', shown: readonly InvoiceListRow[] = rows) {
    const path = join(temp.dir, `out-${language}.${format}`);
    const t = createI18n(language).getFixedT(language, namespaces);
    await exportInvoices({ format, columns: COLUMNS, ids: shown.map((row) => row.id), asOf: '2026-12-01' }, new Map(rows.map((row) => [row.id, row])),
      { t, saveDialog: new ScriptedSaveDialog(path), events: new RecordingEvents() }, (exported) => applicationRows(copy, exported));
    return path;
  }

  it('CSV: the payment columns as on screen (net paid, last payment, fully paid on, days to pay), blank where nothing is known', async () => {
    const [header, ...body] = parseCsv(readFileSync(await exportAs('csv', 'en'), 'utf8').slice(1)).filter((r) => r.length > 1);
    expect(header).toEqual(['Number', 'Paid amount', 'Last payment', 'Fully paid on', 'Days to pay']);
    expect(body).toEqual([
      ['INV-1', '100', '2026-11-20', '2026-11-20', '50'],
      ['INV-2', '3000', '2026-10-15', '', ''],
      ['INV-3', '0', '', '', ''],
    ]);
  });

  it('XLSX: typed payment cells, and an "Applications" sheet with one row per application of the exported invoices (reversals named, each said counted in the balance or why not), sheets named in German too', async () => {
    for (const [language, sheetName, words] of [
      ['en', 'Applications', ['Invoice', 'Kind', 'Date', 'Amount', 'Currency', 'Record ID', 'Counted in balance', 'Credit note', 'Payment', 'Payment taken back',
        'Yes', 'No: in USD, the invoice is in EUR', 'No: amount zero, negative or missing']],
      ['de', 'Verrechnungen', ['Rechnung', 'Art', 'Datum', 'Betrag', 'Währung', 'Datensatz-ID', 'Im Saldo berücksichtigt', 'Gutschrift', 'Zahlung', 'Zahlung storniert',
        'Ja', 'Nein: in USD, die Rechnung ist in EUR', 'Nein: Betrag null, negativ oder fehlend']],
    ] as const) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(await exportAs('xlsx', language, [rows[1]!, rows[0]!]));
      expect(book.worksheets.map((s) => s.name)).toEqual([language === 'en' ? 'Invoices' : 'Rechnungen', sheetName]);
      const invoices = book.worksheets[0]!;
      expect(invoices.getRow(2).getCell(2)).toMatchObject({ value: 3000, numFmt: '#,##0 "JPY";(#,##0) "JPY"' });
      expect((invoices.getRow(3).getCell(4).value as Date).toISOString()).toBe('2026-11-20T00:00:00.000Z');
      expect(invoices.getRow(3).getCell(5).value).toBe(50);

      const apps = book.worksheets[1]!;
      const values = apps.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)));
      expect(values[0]).toEqual(words.slice(0, 7));
      // In the order of the export (INV-2 first), each invoice's applications oldest first; INV-3 has none. The two the arithmetic
      // leaves out (paid amount 100 above, not 130) say so and why.
      expect(values.slice(1)).toEqual([
        ['INV-2', words[8], '2026-10-15', 3000, 'JPY', 'A4', words[10]],
        ['INV-1', words[7], '2026-11-05', 20.5, 'EUR', 'A5', words[10]],
        ['INV-1', words[8], '2026-11-10', 50, 'EUR', 'A1', words[10]],
        ['INV-1', words[9], '2026-11-12', 50, 'EUR', 'A2', words[10]],
        ['INV-1', words[8], '2026-11-20', 100, 'EUR', 'A3', words[10]],
        ['INV-1', words[8], '2026-11-25', 30, 'USD', 'A6', words[11]],
        ['INV-1', words[8], '2026-11-26', 0, 'EUR', 'A7', words[12]],
      ]);
      expect(apps.getRow(3).getCell(4).numFmt).toBe('#,##0.00 "EUR";(#,##0.00) "EUR"');
      expect(apps.getRow(1).getCell(1).font?.bold).toBe(true);
    }
  });

  it('an application without a currency of its own takes its payment\'s, and the sheet knows that currency before it writes its styles', () => {
    const gbp: RelatedCopy = {
      warnings: [], none: null,
      objects: [
        { role: 'payment', object: 'Payment', signature: 's', watermark: null, records: [{ id: 'P9', amount: 40, currency: 'GBP' }] },
        { role: 'paymentApplication', object: 'PaymentLineInvoice', signature: 's', watermark: null, records: [{ id: 'A9', invoice: 'INV9', source: 'P9', amount: 40, date: '2026-11-01', type: 'Applied' }] },
      ],
    };
    const sheet = applicationRows(gbp, [invoice('INV9', 'INV-9', 'USD', 40, 40)])!;
    expect([...sheet.rows()].map((row) => row.currency)).toEqual(['GBP']);
    expect([...sheet.currencies].sort()).toEqual(['GBP', 'USD']);
  });

  it('an org without payment objects: no "Applications" sheet, the payment cells empty', async () => {
    const plain = [invoice('INV9', 'INV-9', 'USD', 5, 5)];
    const path = join(temp.dir, 'plain.xlsx');
    const t = createI18n('en').getFixedT('en', namespaces);
    await exportInvoices({ format: 'xlsx', columns: COLUMNS, ids: ['INV9'], asOf: '2026-12-01' }, new Map(plain.map((row) => [row.id, row])),
      { t, saveDialog: new ScriptedSaveDialog(path), events: new RecordingEvents() }, (exported) => applicationRows({ objects: [], warnings: [], none: 'custom' }, exported));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Invoices']);
    expect((book.worksheets[0]!.getRow(2).values as unknown[]).slice(1)).toEqual(['INV-9']);
  });
});
