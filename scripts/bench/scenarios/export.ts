import { spawnWorker } from '../lib/spawn-worker';
import { resultRow } from '../lib/rows';
import { median } from '../lib/stats';
import type { BenchContext, Scenario } from '../lib/types';

interface Run {
  ms: number;
  rows: number;
  bytes: number;
  peakDeltaMiB: number;
  peakRssMiB: number;
  /** Peak of `process.memoryUsage().arrayBuffers` above its value at the start (Buffers, dead or alive). */
  arrayBuffersPeakDeltaMiB: number;
}

async function runs(context: BenchContext, format: 'csv' | 'xlsx' | 'json', size: { limit?: number; repeat?: number; runs?: number } = {}): Promise<Run[]> {
  const out: Run[] = [];
  for (let i = 0; i < (size.runs ?? context.options.runs.export); i++) {
    const { prepared, keyHex, org } = context;
    const input = { format, preparedDir: prepared.dir, connectionId: prepared.connectionId, keyHex, orgUrl: org.url, limit: size.limit, repeat: size.repeat };
    out.push(await spawnWorker<Run>('export-worker', input, { timeoutMs: 900_000 }));
    const run = out.at(-1)!;
    context.log(`  ${format} (${run.rows} rows) run ${i + 1}: ${Math.round(run.ms)} ms, +${run.peakDeltaMiB.toFixed(1)} MiB peak RSS, +${run.arrayBuffersPeakDeltaMiB} MiB arrayBuffers`);
  }
  return out;
}

/** Export of every invoice as CSV and XLSX through invoices.export vs writing the same rows as plain JSON. */
export const exportRows: Scenario = {
  name: 'export',
  async run(context) {
    const json = await runs(context, 'json');
    const csv = await runs(context, 'csv');
    const xlsx = await runs(context, 'xlsx');
    const fifth = Math.round(context.org.invoices / 5);
    const xlsxSmall = await runs(context, 'xlsx', { limit: fifth });
    // The "does it hold up" size: every invoice exported `repeat` times over (1,000,000 rows from 100,000).
    const repeat = Math.max(2, Math.round(context.options.millionInvoices / context.org.invoices));
    const xlsxMillion = await runs(context, 'xlsx', { repeat, runs: context.options.runs.million });
    const n = context.org.invoices.toLocaleString('en-US');
    const mib = (r: Run[]) => (median(r.map((x) => x.bytes)) / 2 ** 20).toFixed(1);
    const growth = median(xlsx.map((r) => r.peakDeltaMiB)) - median(xlsxSmall.map((r) => r.peakDeltaMiB));
    const buffers = (r: Run[]) => `${median(r.map((x) => x.arrayBuffersPeakDeltaMiB)).toFixed(1)} MiB`;
    const million = (context.org.invoices * repeat).toLocaleString('en-US');
    return [
      resultRow({
        scenario: `export ${n} rows, CSV`,
        metric: 'time vs JSON',
        unit: 'ms',
        app: csv.map((r) => r.ms),
        baseline: json.map((r) => r.ms),
        target: '≤ 3× baseline',
        pass: (_a, _b, ratio) => ratio !== null && ratio <= 3,
        note: `CSV ${mib(csv)} MiB, JSON ${mib(json)} MiB; through invoices.export (every column, ids in order, temp file + fsync + rename)`,
      }),
      resultRow({ scenario: `export ${n} rows, CSV`, metric: 'peak memory above start', unit: 'MiB', app: csv.map((r) => r.peakDeltaMiB), baseline: json.map((r) => r.peakDeltaMiB), target: 'context', pass: null }),
      // Issue #19's row: the XLSX (every column typed, deflated, temp file + fsync + rename) within twice the JSON baseline.
      resultRow({
        scenario: `export ${n} rows, XLSX`,
        metric: 'time vs JSON',
        unit: 'ms',
        app: xlsx.map((r) => r.ms),
        baseline: json.map((r) => r.ms),
        target: '≤ 2× baseline',
        pass: (_a, _b, ratio) => ratio !== null && ratio <= 2,
        note: `XLSX ${mib(xlsx)} MiB, JSON ${mib(json)} MiB; through invoices.export (every column, the Summary sheet, ids in order, temp file + fsync + rename)`,
      }),
      resultRow({
        scenario: `export ${n} rows, XLSX`,
        metric: `peak memory above start (vs ${fifth.toLocaleString('en-US')} rows)`,
        unit: 'MiB',
        app: xlsx.map((r) => r.peakDeltaMiB),
        baseline: xlsxSmall.map((r) => r.peakDeltaMiB),
        target: 'streams: +≤ 32 MiB for 5× the rows',
        pass: () => growth <= 32,
        note: `bounded memory = the peak hardly grows with the row count: ${growth.toFixed(1)} MiB more for ${(context.org.invoices - fifth).toLocaleString('en-US')} more rows (the rows themselves are ≈ ${mib(json)} MiB as JSON); peak arrayBuffers above start (median): ${buffers(xlsxSmall)} at ${fifth.toLocaleString('en-US')} rows, ${buffers(xlsx)} at ${n}`,
      }),
      resultRow({
        scenario: `export ${million} rows (${n} × ${repeat}), XLSX`,
        metric: `peak memory above start (vs ${n} rows)`,
        unit: 'MiB',
        app: xlsxMillion.map((r) => r.peakDeltaMiB),
        baseline: xlsx.map((r) => r.peakDeltaMiB),
        target: 'context',
        pass: null,
        note: `the same invoices exported ${repeat} times over (ids repeated in the request); ${median(xlsxMillion.map((r) => r.ms)).toFixed(0)} ms, XLSX ${mib(xlsxMillion)} MiB; peak arrayBuffers above start (median): ${buffers(xlsxMillion)}`,
      }),
    ];
  },
};
