import { startOrgProcess } from '../lib/org-process';
import { spawnWorker } from '../lib/spawn-worker';
import { resultRow } from '../lib/rows';
import type { Scenario } from '../lib/types';

interface Run {
  ms: number;
  rows: number;
  peakRssMiB: number;
}

/** Full sync of a million invoices (an org process of its own): completes, and its peak RSS. */
export const syncMillion: Scenario = {
  name: 'full sync, 1M',
  async run({ options, keyHex, log }) {
    const org = await startOrgProcess(options.millionInvoices);
    try {
      const runs: Run[] = [];
      for (let i = 0; i < options.runs.million; i++) {
        runs.push(await spawnWorker<Run>('sync-worker', { mode: 'app-full', orgUrl: org.url, keyHex }, { timeoutMs: 600_000 }));
        log(`  run ${i + 1}: ${Math.round(runs.at(-1)!.ms)} ms, peak ${runs.at(-1)!.peakRssMiB} MiB`);
      }
      const complete = runs.every((run) => run.rows === options.millionInvoices);
      const scenario = `full sync ${options.millionInvoices.toLocaleString('en-US')}`;
      return [
        resultRow({ scenario, metric: 'peak RSS', unit: 'MiB', app: runs.map((r) => r.peakRssMiB), target: 'completes, ≤ 1 GB', pass: (a) => complete && a.max <= 1024, note: complete ? 'every invoice synced and cached' : 'INCOMPLETE' }),
        resultRow({ scenario, metric: 'wall time', unit: 'ms', app: runs.map((r) => r.ms), target: 'context', pass: null }),
      ];
    } finally {
      await org.stop();
    }
  },
};
