/**
 * Time and peak memory of exporting 100,000 rows (benchmark, not a test):
 *   npx tsx tests/integration/invoices/bench/export-100k.ts
 */
import type { ExportColumn, InvoiceRow } from '../../../../electron/contract';
import { exportInvoices } from '../../../../electron/core/export/export-invoices';
import { RecordingEvents, ScriptedSaveDialog, tempDir } from '../../../support/test-ports';

const currencies = ['USD', 'EUR', 'GBP', 'JPY'];
const rows: InvoiceRow[] = Array.from({ length: 100_000 }, (_, i) => ({
  id: `3tt${String(i).padStart(15, '0')}`, number: `INV-${i}`, customer: `Customer ${i % 5000}`, invoiceDate: '2026-03-04', dueDate: '2026-04-03',
  status: 'Posted', total: i * 1.25, balance: i * 0.5, currency: currencies[i % 4]!, lastModified: '2026-11-29T10:00:00.000Z',
}));
const byId = new Map(rows.map((row) => [row.id, row]));
const columns: ExportColumn[] = ['number', 'customer', 'invoiceDate', 'dueDate', 'status', 'total', 'balance', 'currency', 'daysOverdue'];
const temp = tempDir();
for (const format of ['csv', 'xlsx'] as const) {
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  await exportInvoices({ format, columns, ids: rows.map((row) => row.id), asOf: '2026-11-29' }, byId, {
    saveDialog: new ScriptedSaveDialog(`${temp.dir}/x.${format}`),
    events: new RecordingEvents(),
  });
  clearInterval(sampler);
  console.log(`${format}: ${Math.round(performance.now() - started)} ms, RSS +${Math.round((peak - base) / 2 ** 20)} MiB over the ${Math.round(base / 2 ** 20)} MiB holding the rows`);
}
temp.remove();
