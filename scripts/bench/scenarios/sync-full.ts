import { spawnWorker } from '../lib/spawn-worker';
import { resultRow } from '../lib/rows';
import type { Scenario } from '../lib/types';

interface AppRun {
  ms: number;
  /** CPU time of the worker process during the sync, every thread. */
  cpuMs: number;
  rows: number;
  peakRssMiB: number;
  rssBeforeMiB: number;
  queryPath: string;
  phases: { untilFirstPageMs: number; pagesMs: number; savingMs: number };
  /** After the answer (not in the figure): the window's first list window of the new copy, and peak RSS until then. */
  afterAnswer: { firstWindowMs: number; firstWindowCpuMs: number; peakRssMiB: number };
}
interface BaselineRun {
  ms: number;
  cpuMs: number;
  rows: number;
  peakRssMiB: number;
}

/** Full sync through the app's core (cache written) vs a plain fetch loop over the same query, alternating. */
export const syncFull: Scenario = {
  name: 'full sync 100k',
  async run({ options, org, keyHex, log }) {
    const app: AppRun[] = [];
    const baseline: BaselineRun[] = [];
    for (let i = 0; i < options.runs.sync; i++) {
      app.push(await spawnWorker<AppRun>('sync-worker', { mode: 'app-full', orgUrl: org.url, keyHex }));
      baseline.push(await spawnWorker<BaselineRun>('sync-worker', { mode: 'baseline', orgUrl: org.url, keyHex, queryPath: app[0]!.queryPath }));
      log(`  run ${i + 1}: app ${Math.round(app.at(-1)!.ms)} ms, baseline ${Math.round(baseline.at(-1)!.ms)} ms`);
    }
    const wrong = [...app, ...baseline].find((run) => run.rows !== org.invoices);
    if (wrong) throw new Error(`a sync delivered ${wrong.rows} of ${org.invoices} invoices`);
    const ms = (values: number[]) => `${values.map(Math.round).join(', ')} ms`;
    const scenario = `full sync ${org.invoices.toLocaleString('en-US')} (page 2,000)`;
    return [
      resultRow({
        scenario,
        metric: 'wall time',
        unit: 'ms',
        app: app.map((r) => r.ms),
        baseline: baseline.map((r) => r.ms),
        target: '≤ 1.25× baseline',
        pass: (_a, _b, ratio) => ratio !== null && ratio <= 1.25,
        note: `app phases per run (sign-in done before the clock): until the first page ${ms(app.map((r) => r.phases.untilFirstPageMs))}; first → last page ${ms(app.map((r) => r.phases.pagesMs))}; saving the encrypted cache ${ms(app.map((r) => r.phases.savingMs))}; CPU during the sync (every thread of the worker; the org's process not counted) app ${ms(app.map((r) => r.cpuMs))}, fetch loop ${ms(baseline.map((r) => r.cpuMs))}; after the answer (not in the figure), the window's first list window of the new copy (rows made and ordered) ${ms(app.map((r) => r.afterAnswer.firstWindowMs))}, its CPU ${ms(app.map((r) => r.afterAnswer.firstWindowCpuMs))}`,
      }),
      resultRow({
        scenario,
        metric: 'peak RSS',
        unit: 'MiB',
        app: app.map((r) => r.peakRssMiB),
        baseline: baseline.map((r) => r.peakRssMiB),
        target: '≤ 400 MB',
        pass: (a) => a.max <= 400,
        note: `whole worker process (Node + the core's modules ≈ ${Math.round(app[0]!.rssBeforeMiB)} MiB before the sync); baseline worker for comparison; peak until the first list window after the answer ${app.map((r) => Math.round(r.afterAnswer.peakRssMiB)).join(', ')} MiB`,
      }),
    ];
  },
};
