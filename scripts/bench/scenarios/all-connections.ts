import { startOrgProcess, type OrgProcess } from '../lib/org-process';
import { resultRow } from '../lib/rows';
import { spawnWorker } from '../lib/spawn-worker';
import { percentile } from '../lib/stats';
import type { Scenario } from '../lib/types';
import type { Latency } from '../page/probe-interaction';

interface AllRun {
  coldStartMs: number;
  allRowsMs: number | null;
  rows: number;
  currencies: number;
  mismatches: number;
  search: Latency[];
  boot: string;
  phases: { firstAskedAt: number; firstRowInDomAt: number | null; orgs: { firstAnsweredAt: number; firstCoreMs: number | null; lastAnsweredAt: number }[] };
}

/** One run's phases in a line: boot until the first ask, each org's first window answered (its core time), first row, each org's last window. */
function phasesOf(run: AllRun): string {
  const { phases } = run;
  const r = (value: number | null) => (value === null ? '—' : String(Math.round(value)));
  const firsts = phases.orgs.map((org) => `${r(org.firstAnsweredAt)} (core ${r(org.firstCoreMs)})`).join(' / ');
  return `first list asked ${r(phases.firstAskedAt)}, first windows answered ${firsts}, first row in the DOM ${r(phases.firstRowInDomAt)}, painted ${r(run.coldStartMs)}, orgs' last windows answered ${phases.orgs.map((org) => r(org.lastAnsweredAt)).join(' / ')}; boot: ${run.boot}`;
}

/**
 * Issue 21: three orgs of the bench's size (the bench org and two more on seeds 43 and 44) in "All connections":
 * cold start → first rows (≤ 1 s), search keystroke p95 over the combined rows (≤ 50 ms), and the cards' totals
 * per currency equal to the orgs' own rows summed in cents (exact). Only in `npm run bench`, never in the tests.
 */
export const allConnections: Scenario = {
  name: 'all connections 3×',
  async run({ org, options, keyHex, log }) {
    const more: OrgProcess[] = [];
    try {
      for (const seed of [43, 44]) more.push(await startOrgProcess(options.invoices, { seed }));
      const runs: AllRun[] = [];
      for (let i = 0; i < options.runs.ui; i++) {
        runs.push(await spawnWorker<AllRun>('all-connections-worker', { orgUrls: [org.url, ...more.map((m) => m.url)], keyHex, searches: options.searches }, { timeoutMs: 900_000 }));
        log(`  all connections run ${i + 1}: first rows at ${Math.round(runs.at(-1)!.coldStartMs)} ms, ${runs.at(-1)!.rows.toLocaleString('en-US')} rows; ${phasesOf(runs.at(-1)!)}`);
      }
      const scenario = `all connections, 3 × ${options.invoices.toLocaleString('en-US')}`;
      const ms = (values: (number | null)[]) => `${values.filter((v): v is number => v !== null).map(Math.round).join(', ')} ms`;
      return [
        resultRow({
          scenario,
          metric: 'navigation → first rows painted',
          unit: 'ms',
          app: runs.map((r) => r.coldStartMs),
          target: '≤ 1 s',
          pass: (a) => a.median <= 1000,
          note: `cold start (fresh core, fresh browser) straight into All connections from three encrypted offline copies; every org's rows loaded at ${ms(runs.map((r) => r.allRowsMs))}. Per run (ms since navigation): ${runs.map((run, i) => `run ${i + 1}: ${phasesOf(run)}`).join('; ')}`,
        }),
        resultRow({
          scenario,
          metric: 'search keystroke → table updated, p95',
          unit: 'ms',
          app: runs.map((r) => percentile(r.search.map((s) => s.frameMs), 95)),
          target: 'p95 ≤ 50 ms',
          pass: (a) => a.median <= 50,
          note: `${runs[0]!.search.length} keystrokes per run over ${runs[0]!.rows.toLocaleString('en-US')} combined rows`,
        }),
        resultRow({
          scenario,
          metric: 'currency cards not equal to the orgs’ rows summed in cents',
          unit: 'count',
          app: runs.map((r) => r.mismatches),
          target: '0 (exact)',
          pass: (a) => a.max === 0,
          note: `${runs[0]!.currencies} currencies; sums made in the worker from each org's invoices.list`,
        }),
      ];
    } finally {
      for (const m of more) await m.stop();
    }
  },
};
