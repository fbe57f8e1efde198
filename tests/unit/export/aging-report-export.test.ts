import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportColumn, InvoiceListRow } from '../../../electron/contract';
import { namespaces } from '../../../electron/contract/i18n/catalogue';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { exportFacts } from '../../../electron/core/export/export-facts';
import { exportInvoices } from '../../../electron/core/export/export-invoices';
import { exportAgingReport } from '../../../electron/core/export/export-report';
import { customerDirectory } from '../../../electron/contract/customer-directory';
import type { ExportRequest } from '../../../electron/core/export/export-request';
import { RecordingEvents, ScriptedSaveDialog, tempDir } from '../../support/test-ports';

/** The aging-by-customer XLSX and the Summary sheet, read back as a spreadsheet user gets them (exceljs). */

let n = 0;
const invoice = (customer: string | null, currency: string, dueDate: string | null, balance: number | null, status = 'Posted'): InvoiceListRow => {
  n++;
  return { id: `a0${String(n).padStart(16, '0')}`, number: `INV-${n}`, customer, invoiceDate: '2026-01-01', dueDate, status, total: balance, balance, currency, lastModified: null };
};
const rows = [
  invoice('Beta AG', 'EUR', '2026-04-10', 0.1), // current
  invoice('Beta AG', 'EUR', '2026-03-20', 0.2), // 1–30
  invoice('Alpha', 'EUR', '2026-01-15', 1000.3), // 61–90
  invoice('Alpha', 'EUR', '2025-10-01', 50), // 90+
  invoice('Alpha', 'JPY', '2026-02-20', 5000), // 31–60
  invoice(null, 'EUR', '2026-03-01', 7), // 1–30, no customer
  invoice('Gamma', 'EUR', '2025-01-01', 80, 'Draft'), // not a receivable
  invoice('Alpha', 'EUR', '2025-01-01', 0), // nothing owed
];
const byId = new Map(rows.map((row) => [row.id, row]));
const connection = {
  id: 'c1', label: 'Acme production', loginUrl: 'https://login.salesforce.com', clientId: 'x', hasClientSecret: false, signInMethod: 'window' as const,
  status: 'connected' as const, sessionOnly: false, username: 'ada@acme.test', displayName: 'Ada Lovelace', orgId: '00D000000000001', instanceUrl: 'https://acme.my.salesforce.com',
};
const facts = exportFacts(connection, '2026-03-31T08:00:00.000Z', Date.parse('2026-03-31T09:30:00.000Z'));
const request: ExportRequest = {
  format: 'xlsx', columns: ['number'], ids: rows.map((r) => r.id), asOf: '2026-03-31', agingBasis: 'dueDate', includeDrafts: false,
  filters: ['Status: Posted', 'Customer: Alpha'], report: 'agingByCustomer',
};
const statusKinds = { Posted: 'posted', Draft: 'draft' } as const;

describe('the aging-by-customer XLSX and its Summary sheet', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(() => temp.remove());

  async function exportReport(language: 'en' | 'de', r: ExportRequest = request) {
    const path = join(temp.dir, `report-${language}.xlsx`);
    const t = createI18n(language).getFixedT(language, namespaces);
    const dialog = new ScriptedSaveDialog(path);
    const result = await exportAgingReport(r, byId, { t, saveDialog: dialog, events: new RecordingEvents() }, null, statusKinds, facts, customerDirectory(rows));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    return { book, result, dialog };
  }
  const values = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().slice(1).map((row) => (row as unknown[] | undefined)?.slice(1) ?? []);

  it('one sheet per currency (customers × buckets, empty where nothing is owed, totals), then the Summary', async () => {
    const { book, result, dialog } = await exportReport('en');
    expect(result.rows).toBe(rows.length);
    expect(dialog.asked[0]).toBe('aging-by-customer-2026-03-31.xlsx');
    expect(book.worksheets.map((s) => s.name)).toEqual(['Aging EUR', 'Aging JPY', 'Summary']);
    expect(values(book.getWorksheet('Aging EUR')!)).toEqual([
      ['Customer', 'Current', '1–30', '31–60', '61–90', '90+', 'Total'],
      ['Alpha', undefined, undefined, undefined, 1000.3, 50, 1050.3],
      ['Beta AG', 0.1, 0.2, undefined, undefined, undefined, 0.3],
      ['(no customer)', undefined, 7, undefined, undefined, undefined, 7],
      ['Total', 0.1, 7.2, 0, 1000.3, 50, 1057.6],
    ]);
    expect(book.getWorksheet('Aging JPY')!.getRow(2).getCell(4)).toMatchObject({ value: 5000, numFmt: '#,##0 "JPY";(#,##0) "JPY"' });
  });

  it('the Summary: org, connection, as-of date and basis, filters in words, sync time, who exported and when, bucket totals per currency', async () => {
    const { book } = await exportReport('en');
    const summary = values(book.getWorksheet('Summary')!);
    const field = (label: string) => summary.find((row) => row[0] === label)?.[1];
    expect(summary[0]).toEqual(['Item', 'Value']);
    expect(field('Salesforce org')).toBe('00D000000000001 · https://acme.my.salesforce.com');
    expect(field('Connection')).toBe('Acme production');
    expect(field('Salesforce user')).toBe('ada@acme.test');
    expect((field('Aging as of') as Date).toISOString()).toBe('2026-03-31T00:00:00.000Z');
    expect(field('Aging basis')).toBe('Days past the due date');
    expect(field('Balances')).toBe('As of the last sync');
    expect(field('Receivables')).toBe('Posted invoices (drafts and cancelled invoices left out)');
    expect(field('Filters')).toBe('Status: Posted; Customer: Alpha');
    expect(field('Invoices')).toBe(6);
    expect((field('Last synced (UTC)') as Date).toISOString()).toBe('2026-03-31T08:00:00.000Z');
    expect(field('Exported by')).toBe('Ada Lovelace (ada@acme.test)');
    expect((field('Exported at (UTC)') as Date).toISOString()).toBe('2026-03-31T09:30:00.000Z');
    const head = summary.findIndex((row) => row[0] === 'Currency');
    expect(summary.slice(head)).toEqual([
      ['Currency', 'Current', '1–30', '31–60', '61–90', '90+', 'Total'],
      ['EUR', 0.1, 7.2, 0, 1000.3, 50, 1057.6],
      ['JPY', 0, 0, 5000, 0, 0, 5000],
    ]);
  });

  it('in German, with the computer’s user when no Salesforce user is known', async () => {
    const { book } = await exportReport('de');
    expect(book.worksheets.map((s) => s.name)).toEqual(['Altersstruktur EUR', 'Altersstruktur JPY', 'Übersicht']);
    const anonymous = exportFacts({ ...connection, username: undefined, displayName: undefined }, null, 0);
    expect(anonymous.exportedBy).not.toBe('');
    expect(anonymous.exportedBy).not.toContain('ada');
  });

  it('the invoice XLSX export gains the same Summary sheet (bucket totals of the rows in the file)', async () => {
    const path = join(temp.dir, 'invoices.xlsx');
    const t = createI18n('en').getFixedT('en', namespaces);
    const columns: ExportColumn[] = ['number', 'balance', 'agingBucket'];
    await exportInvoices({ ...request, report: 'invoices', columns }, byId, { t, saveDialog: new ScriptedSaveDialog(path), events: new RecordingEvents() }, () => null, null, statusKinds, facts);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Invoices', 'Summary']);
    const summary = values(book.getWorksheet('Summary')!);
    expect(summary.find((row) => row[0] === 'Invoices')?.[1]).toBe(rows.length);
    expect(summary.find((row) => row[0] === 'EUR')).toEqual(['EUR', 0.1, 7.2, 0, 1000.3, 50, 1057.6]);
  });

  it('the report is XLSX only: a CSV request is refused by the contract', async () => {
    const { channels } = await import('../../../electron/contract/channels');
    const parsed = channels['invoices.export'].input.safeParse({ connectionId: 'a0A000000000001AAA', ...request, format: 'csv' });
    expect(parsed.success).toBe(false);
    expect(channels['invoices.export'].input.safeParse({ connectionId: 'a0A000000000001AAA', ...request }).success).toBe(true);
  });

  it('writes a report of 150,000 customers (the table sheet once overflowed the stack past ~130,000: "Something went wrong")', { timeout: 120_000 }, async () => {
    const many = Array.from({ length: 150_000 }, (_, i) => ({ ...invoice(`Customer ${i}`, 'EUR', '2026-03-01', 10), customer: `Customer ${i}` }));
    const path = join(temp.dir, 'many.xlsx');
    const t = createI18n('en').getFixedT('en', namespaces);
    const result = await exportAgingReport(
      { ...request, ids: many.map((r) => r.id), filters: [] },
      new Map(many.map((row) => [row.id, row])),
      { t, saveDialog: new ScriptedSaveDialog(path), events: new RecordingEvents() },
      null,
      statusKinds,
      facts,
      customerDirectory(many),
    );
    expect(result).toMatchObject({ path });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    // One row per customer under the header, and a total line, in the customers' sheet.
    expect(Math.max(...book.worksheets.map((sheet) => sheet.rowCount))).toBeGreaterThan(150_000);
  });
});
