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
}

async function runs(context: BenchContext, format: 'csv' | 'xlsx' | 'json', limit?: number): Promise<Run[]> {
  const out: Run[] = [];
  for (let i = 0; i < context.options.runs.export; i++) {
    const { prepared, keyHex, org } = context;
    out.push(await spawnWorker<Run>('export-worker', { format, preparedDir: prepared.dir, connectionId: prepared.connectionId, keyHex, orgUrl: org.url, ...(limit ? { limit } : {}) }));
    context.log(`  ${format}${limit ? ` (${limit} rows)` : ''} run ${i + 1}: ${Math.round(out.at(-1)!.ms)} ms, +${out.at(-1)!.peakDeltaMiB} MiB`);
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
    const xlsxSmall = await runs(context, 'xlsx', fifth);
    const n = context.org.invoices.toLocaleString('en-US');
    const mib = (r: Run[]) => (median(r.map((x) => x.bytes)) / 2 ** 20).toFixed(1);
    const growth = median(xlsx.map((r) => r.peakDeltaMiB)) - median(xlsxSmall.map((r) => r.peakDeltaMiB));
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
      resultRow({ scenario: `export ${n} rows, XLSX`, metric: 'time vs JSON', unit: 'ms', app: xlsx.map((r) => r.ms), baseline: json.map((r) => r.ms), target: 'context', pass: null, note: `XLSX ${mib(xlsx)} MiB` }),
      resultRow({
        scenario: `export ${n} rows, XLSX`,
        metric: `peak memory above start (vs ${fifth.toLocaleString('en-US')} rows)`,
        unit: 'MiB',
        app: xlsx.map((r) => r.peakDeltaMiB),
        baseline: xlsxSmall.map((r) => r.peakDeltaMiB),
        target: 'streams: +≤ 32 MiB for 5× the rows',
        pass: () => growth <= 32,
        note: `bounded memory = the peak hardly grows with the row count: ${growth.toFixed(1)} MiB more for ${(context.org.invoices - fifth).toLocaleString('en-US')} more rows (the rows themselves are ≈ ${mib(json)} MiB as JSON)`,
      }),
    ];
  },
};
