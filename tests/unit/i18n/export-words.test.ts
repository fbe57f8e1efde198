import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InvoiceRow } from '../../../electron/contract';
import { namespaces } from '../../../electron/contract/i18n/catalogue';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { exportInvoices } from '../../../electron/core/export/export-invoices';
import { parseCsv } from '../../support/csv';
import { RecordingEvents, ScriptedSaveDialog, tempDir } from '../../support/test-ports';

const row: InvoiceRow = {
  id: 'a0000000000001',
  number: 'INV-1',
  customer: 'Müller GmbH',
  invoiceDate: '2026-09-01',
  dueDate: '2026-09-15',
  status: 'Posted',
  total: 1234.5,
  balance: 1234.5,
  currency: 'EUR',
  lastModified: '2026-11-29T10:00:00.000Z',
};
const columns = ['number', 'customer', 'dueDate', 'balance', 'daysOverdue'] as const;

describe('exported files in the user’s language', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(() => temp.remove());

  const exportIn = async (language: 'de' | 'fr', format: 'csv' | 'xlsx') => {
    const saveDialog = new ScriptedSaveDialog(join(temp.dir, `out.${format}`));
    const t = createI18n(language).getFixedT(language, namespaces);
    await exportInvoices({ format, columns: [...columns], ids: [row.id], asOf: '2026-10-01' }, new Map([[row.id, row]]), { t, saveDialog, events: new RecordingEvents() });
    return saveDialog;
  };

  it('writes the CSV header row and proposes the file name in German', async () => {
    const dialog = await exportIn('de', 'csv');
    expect(dialog.asked).toEqual(['rechnungen-2026-10-01.csv']);
    const [header] = parseCsv(readFileSync(join(temp.dir, 'out.csv'), 'utf8').replace(/^\ufeff/, ''));
    expect(header).toEqual(['Rechnungsnr.', 'Kunde', 'Fälligkeit', 'Saldo', 'Tage überfällig']);
  });

  it('writes the XLSX header row in French', async () => {
    await exportIn('fr', 'xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(temp.dir, 'out.xlsx'));
    const header = book.worksheets[0]!.getRow(1).values as unknown[];
    expect(header.slice(1)).toEqual(['N° de facture', 'Client', 'Échéance', 'Solde', 'Jours de retard']);
  });
});
