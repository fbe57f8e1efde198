import { describe, expect, it } from 'vitest';
import type { InvoiceRow } from '../../../electron/contract';
import { namespaces } from '../../../electron/contract/i18n/catalogue';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { exportInvoices } from '../../../electron/core/export/export-invoices';
import { RecordingEvents, ScriptedSaveDialog } from '../../support/test-ports';

const englishT = createI18n('en').getFixedT('en', namespaces);
const invoice: InvoiceRow = {
  id: 'a0G000000000001AAA', number: 'INV-1', customer: 'Acme', invoiceDate: '2026-01-31', dueDate: '2026-02-28', status: 'Posted',
  total: 10, balance: 10, currency: 'EUR', lastModified: null,
};

/**
 * The Applications sheet of an XLSX export (one row per payment or credit application of the invoices) is a sheet too: more
 * applications than it holds are refused before the save dialog, as more invoices are (integration: export-row-limit.test.ts),
 * the count in the user's format.
 */
describe('an XLSX export whose Applications sheet would not fit', () => {
  it('is refused before the save dialog opens, its count formatted in the user’s locale', async () => {
    const dialog = new ScriptedSaveDialog('/nowhere/out.xlsx');
    const applications = { count: 1_048_576, currencies: ['EUR'], rows: () => [] };
    const failure = await exportInvoices(
      { format: 'xlsx', columns: ['number'], ids: [invoice.id], asOf: '2026-11-29' },
      new Map([[invoice.id, invoice]]),
      { t: englishT, saveDialog: dialog, events: new RecordingEvents(), locale: 'de-DE' },
      () => applications,
    ).then(() => null, (error: unknown) => error as { code?: string; message: string });
    expect(failure?.code).toBe('INVALID_INPUT');
    expect(failure?.message).toContain('This export has 1.048.576 rows');
    expect(dialog.asked).toEqual([]);
  });

  it('a CSV has no Applications sheet: never refused for its applications', async () => {
    const dialog = new ScriptedSaveDialog(null);
    const result = await exportInvoices(
      { format: 'csv', columns: ['number'], ids: [invoice.id], asOf: '2026-11-29' },
      new Map([[invoice.id, invoice]]),
      { t: englishT, saveDialog: dialog, events: new RecordingEvents() },
      () => ({ count: 2_000_000, currencies: ['EUR'], rows: () => [] }),
    );
    expect(result).toEqual({ path: null, rows: 0 });
    expect(dialog.asked).toHaveLength(1);
  });
});
