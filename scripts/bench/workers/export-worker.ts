import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportColumn, InvoiceList } from '../../../electron/contract';
import { createBenchCore } from '../lib/bench-core';
import { peakRssMiB, resetPeak, rssMiB } from '../lib/peak-memory';
import { runWorker, workerInput } from '../lib/worker-io';

/**
 * Export of every invoice through the real `invoices.export` channel (ids in the workspace's order,
 * every column), or the baseline: the same rows written as plain JSON. The app is started on a copy
 * of the prepared data folder (the offline copy is read before the clock starts); the peak is of
 * the export alone (VmHWM reset after set-up).
 */
interface Input {
  format: 'csv' | 'xlsx' | 'json';
  preparedDir: string;
  connectionId: string;
  keyHex: string;
  orgUrl: string;
  /** Export only the first N rows (the memory-growth check); all when omitted. */
  limit?: number;
  /** Export the rows this many times over (the ids repeated in the request: the channel accepts repeats), e.g. 10 → 1,000,000 rows from 100,000. */
  repeat?: number;
}

const COLUMNS: ExportColumn[] = ['number', 'customer', 'invoiceDate', 'dueDate', 'status', 'total', 'balance', 'currency', 'lastModified', 'daysOverdue'];
const input = workerInput<Input>();

runWorker(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'budgetly-bench-export-'));
  const outDir = mkdtempSync(join(tmpdir(), 'budgetly-bench-out-'));
  try {
    cpSync(input.preparedDir, dataDir, { recursive: true });
    const bench = createBenchCore({ dataDir, keyHex: input.keyHex, orgUrl: input.orgUrl });
    const list = await bench.call<InvoiceList>('invoices.list', { connectionId: input.connectionId });
    const rows = list.invoices.slice(0, input.limit ?? list.invoices.length);
    const once = rows.map((row) => row.id);
    const ids = input.repeat ? Array.from({ length: input.repeat }, () => once).flat() : once;
    const path = join(outDir, `invoices.${input.format}`);
    let sampled = 0;
    let arrayBuffers = 0;
    const sampler = setInterval(() => {
      sampled = Math.max(sampled, rssMiB());
      arrayBuffers = Math.max(arrayBuffers, process.memoryUsage().arrayBuffers);
    }, 10);
    const rssBefore = resetPeak();
    const arrayBuffersBefore = process.memoryUsage().arrayBuffers;
    const started = performance.now();
    if (input.format === 'json') {
      await writeFile(path, JSON.stringify(rows), { flag: 'wx' });
    } else {
      bench.saveDialog.answer = path;
      await bench.call('invoices.export', { connectionId: input.connectionId, format: input.format, columns: COLUMNS, ids, asOf: '2026-11-29' });
    }
    const ms = performance.now() - started;
    clearInterval(sampler);
    const peak = peakRssMiB();
    await bench.core.dispose();
    const arrayBuffersPeakDeltaMiB = Math.round((Math.max(0, arrayBuffers - arrayBuffersBefore) / 2 ** 20) * 10) / 10;
    return { ms, rows: ids.length, bytes: statSync(path).size, rssBeforeMiB: rssBefore, peakRssMiB: peak, peakDeltaMiB: Math.max(0, peak - rssBefore), sampledPeakMiB: sampled, arrayBuffersPeakDeltaMiB };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
});
