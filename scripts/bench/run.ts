import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { buildWorkers } from './lib/build-workers';
import { describeMachine } from './lib/machine';
import { parseCli } from './lib/options';
import { startOrgProcess } from './lib/org-process';
import { markdownTable, textTable } from './lib/report';
import { failedRow } from './lib/rows';
import { ROOT, spawnWorker } from './lib/spawn-worker';
import type { BenchContext, ResultRow, Scenario, UiRun } from './lib/types';
import { allConnections } from './scenarios/all-connections';
import { coldStart } from './scenarios/cold-start';
import { currencyView } from './scenarios/currency-view';
import { exportRows } from './scenarios/export';
import { receivables } from './scenarios/receivables';
import { refreshSingleFlight } from './scenarios/refresh-single-flight';
import { scroll } from './scenarios/scroll';
import { search } from './scenarios/search';
import { sort } from './scenarios/sort';
import { syncFull } from './scenarios/sync-full';
import { syncIncremental } from './scenarios/sync-incremental';
import { syncMillion } from './scenarios/sync-million';
import { gridMillion } from './scenarios/grid-million';

/**
 * `npm run bench [-- --quick] [--json <file>]`: every scenario of issue #7 on this machine, each
 * worker in its own process, the org in another; prints the table and optionally writes JSON.
 * Targets that are missed are reported, not thrown: the exit code is non-zero only when a
 * scenario could not run.
 */
const SCENARIOS: Scenario[] = [syncFull, syncIncremental, coldStart, search, sort, scroll, currencyView, exportRows, refreshSingleFlight, receivables, allConnections, syncMillion, gridMillion];
const TARGETS: Record<string, string> = { 'full sync, 1M': 'completes, ≤ 1 GB', 'expired session': 'exactly 1' };

const cli = parseCli(process.argv.slice(2));
const started = performance.now();
const log = (message: string) => console.error(`[bench ${((performance.now() - started) / 1000).toFixed(1)} s] ${message}`);
const selected = SCENARIOS.filter((s) => cli.only.length === 0 || cli.only.some((word) => s.name.toLowerCase().includes(word)));
const machineBefore = describeMachine();
log(`${cli.options.quick ? 'quick' : 'full'} run on ${machineBefore.cpus} × ${machineBefore.cpuModel}, load ${machineBefore.loadAverage.join(' ')}`);

if (cli.build) {
  log('building the renderer (npx electron-vite build)');
  execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

await buildWorkers();
const keyHex = randomBytes(32).toString('hex');
const preparedDir = mkdtempSync(`${tmpdir()}/budgetly-bench-prepared-`);
const rows: ResultRow[] = [];
const org = await startOrgProcess(cli.options.invoices);
try {
  log(`org with ${cli.options.invoices} invoices at ${org.url}; preparing a synced data folder`);
  const prepared = await spawnWorker<{ connectionId: string }>('prepare-worker', { orgUrl: org.url, keyHex, dataDir: preparedDir });
  let ui: Promise<UiRun[]> | undefined;
  const context: BenchContext = {
    options: cli.options,
    keyHex,
    org,
    prepared: { dir: preparedDir, connectionId: prepared.connectionId },
    log,
    uiRuns: () =>
      (ui ??= (async () => {
        const runs: UiRun[] = [];
        for (let i = 0; i < cli.options.runs.ui; i++) {
          // Only the cold start asked (no search, sort or scroll): each run ends once every invoice is loaded.
          const only = selected.some((s) => s === search || s === sort || s === scroll) ? {} : { only: 'cold-start' as const };
          const input = { preparedDir, connectionId: prepared.connectionId, keyHex, orgUrl: org.url, searches: cli.options.searches, scrollStepPx: 5_000, scrollMaxFrames: cli.options.scrollMaxFrames, ...only };
          runs.push(await spawnWorker<UiRun>('ui-worker', input, { timeoutMs: 600_000 }));
          log(`  UI run ${i + 1}: rows painted at ${Math.round(runs.at(-1)!.coldStartMs)} ms`);
        }
        return runs;
      })()),
  };
  for (const scenario of selected) {
    log(scenario.name);
    // The million-row scenarios run on their own org; stop this one first so the two do not share the machine.
    if (scenario === syncMillion || scenario === gridMillion) await org.stop();
    try {
      rows.push(...(await scenario.run(context)));
    } catch (error) {
      log(`  ${scenario.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      rows.push(failedRow(scenario.name, TARGETS[scenario.name] ?? '—', error));
    }
  }
} finally {
  await org.stop();
  rmSync(preparedDir, { recursive: true, force: true });
}

const machine = { ...machineBefore, loadAverageAfter: describeMachine().loadAverage, durationS: Math.round((performance.now() - started) / 1000) };
console.log(textTable(rows));
console.log(`\n${machine.date} · ${machine.cpus} × ${machine.cpuModel} · ${machine.memoryGiB} GiB · Node ${machine.node} · ${machine.chromium} · load ${machine.loadAverage.join(' ')} → ${machine.loadAverageAfter.join(' ')} · ${machine.durationS} s`);
if (cli.json) {
  writeFileSync(cli.json, `${JSON.stringify({ machine, options: cli.options, rows, markdown: markdownTable(rows) }, null, 2)}\n`);
  log(`wrote ${cli.json}`);
}
process.exitCode = rows.some((row) => row.metric === 'error') ? 2 : 0;
