import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportColumn, InvoiceListRow } from '../../../electron/contract';
import { namespaces } from '../../../electron/contract/i18n/catalogue';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { exportInvoices } from '../../../electron/core/export/export-invoices';
import { RecordingEvents, ScriptedSaveDialog, tempDir } from '../../support/test-ports';

/** "CSV (Excel, Deutsch)": what a German, French or Spanish Excel opens into columns, with amounts as numbers. */

const row = (patch: Partial<InvoiceListRow>): InvoiceListRow => ({
  id: 'a0G000000000001AAA', number: 'INV-1', customer: 'Acme', invoiceDate: '2026-10-01', dueDate: '2026-10-31', status: 'Posted',
  total: 1234.56, balance: 1234.56, currency: 'EUR', lastModified: null, ...patch,
});
const rows = [
  row({}),
  row({ id: 'a0G000000000002AAA', number: 'INV-2', customer: 'Müller; Söhne "GmbH"', total: 1234567.5, balance: -12.5 }),
  row({ id: 'a0G000000000003AAA', number: 'INV-3', customer: '=HYPERLINK("x")', total: 3000, balance: 0, currency: 'JPY', dueDate: null }),
];
const columns: ExportColumn[] = ['number', 'customer', 'invoiceDate', 'dueDate', 'total', 'balance', 'currency', 'daysOverdue'];

describe('CSV for a decimal-comma Excel', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(() => temp.remove());

  async function exportCsv(csvExcel: boolean): Promise<string> {
    const path = join(temp.dir, `${csvExcel}.csv`);
    const t = createI18n('de').getFixedT('de', namespaces);
    await exportInvoices({ format: 'csv', csvExcel, columns, ids: rows.map((r) => r.id), asOf: '2026-11-30' }, new Map(rows.map((r) => [r.id, r])),
      { t, saveDialog: new ScriptedSaveDialog(path), events: new RecordingEvents() });
    return readFileSync(path, 'utf8');
  }

  it('UTF-8 with BOM, ";" between fields, decimal commas without thousands separators, ISO dates, quotes where a field holds ";"', async () => {
    const text = await exportCsv(true);
    expect(text.startsWith('\ufeff')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Rechnungsnr.;Kunde;Rechnungsdatum;Fälligkeit;Betrag;Saldo;Währung;Tage überfällig');
    expect(lines.slice(1)).toEqual([
      'INV-1;Acme;2026-10-01;2026-10-31;1234,56;1234,56;EUR;30',
      'INV-2;"Müller; Söhne ""GmbH""";2026-10-01;2026-10-31;1234567,5;-12,5;EUR;',
      `INV-3;"'=HYPERLINK(""x"")";2026-10-01;;3000;0;JPY;`,
    ]);
  });

  it('plain CSV stays as it was: "," and "."', async () => {
    const lines = (await exportCsv(false)).slice(1).trimEnd().split('\r\n');
    expect(lines[1]).toBe('INV-1,Acme,2026-10-01,2026-10-31,1234.56,1234.56,EUR,30');
    expect(lines[2]).toBe('INV-2,"Müller; Söhne ""GmbH""",2026-10-01,2026-10-31,1234567.5,-12.5,EUR,');
  });
});

describe('where "CSV (Excel, …)" is offered', () => {
  it('in the locales that write a decimal comma, named in their own language', async () => {
    const { localeName, usesDecimalComma } = await import('../../../renderer/src/report/csv-excel');
    expect(['de-DE', 'fr-FR', 'es-ES', 'de-AT'].map(usesDecimalComma)).toEqual([true, true, true, true]);
    expect(['en-US', 'en-GB', 'de-CH', 'ja-JP'].map(usesDecimalComma)).toEqual([false, false, false, false]);
    expect(['de-DE', 'fr-FR', 'es-ES'].map(localeName)).toEqual(['Deutsch', 'français', 'español']);
  });
});
