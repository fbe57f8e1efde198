import { resultRow } from '../lib/rows';
import { spawnWorker } from '../lib/spawn-worker';
import { percentile } from '../lib/stats';
import type { Scenario } from '../lib/types';
import type { Latency } from '../page/probe-interaction';

interface CurrencyRun {
  currency: { toCorporate: Latency[]; toOwn: Latency[]; heapOwn: number | null; heapCorporate: number | null };
}

const SWITCHES = 20;
const mib = (bytes: number | null) => (bytes === null ? '?' : (bytes / 2 ** 20).toFixed(1));

/**
 * Issue #14: "Show in" the corporate currency over every invoice (dated rates: a period looked up per invoice)
 * and back to each invoice's currency — select → the cards committed and their frame begun — in an app started
 * from the prepared copy, `SWITCHES` times each way per run. The heap note shows the conversion adds typed
 * columns beside the rows (a 100k list is ~100 MB of rows; a second copy would show as much again).
 */
export const currencyView: Scenario = {
  name: 'currency view',
  async run({ org, options, keyHex, prepared, log }) {
    const runs: CurrencyRun[] = [];
    for (let i = 0; i < options.runs.ui; i++) {
      runs.push(await spawnWorker<CurrencyRun>('ui-worker', { preparedDir: prepared.dir, connectionId: prepared.connectionId, keyHex, orgUrl: org.url, searches: 0, scrollStepPx: 0, scrollMaxFrames: 0, only: 'currency', currencySwitches: SWITCHES }, { timeoutMs: 600_000 }));
      log(`  currency run ${i + 1}: to corporate p95 ${Math.round(percentile(runs.at(-1)!.currency.toCorporate.map((s) => s.frameMs), 95))} ms`);
    }
    const scenario = `"Show in" at ${org.invoices.toLocaleString('en-US')} invoices, dated rates`;
    return [
      resultRow({
        scenario,
        metric: 'select corporate currency → converted cards updated, p95',
        unit: 'ms',
        app: runs.map((r) => percentile(r.currency.toCorporate.map((s) => s.frameMs), 95)),
        baseline: runs.map((r) => percentile(r.currency.toOwn.map((s) => s.frameMs), 95)),
        target: '≤ 100 ms',
        pass: (a) => a.median <= 100,
        note: `baseline = switching back to each invoice's currency (the per-currency view), p95. ${SWITCHES} switches each way per run. Page JS heap after GC (V8 heap; typed arrays' backing stores, ~20 bytes per invoice here, are outside it): per-currency ${runs.map((r) => mib(r.currency.heapOwn)).join(', ')} MiB, corporate ${runs.map((r) => mib(r.currency.heapCorporate)).join(', ')} MiB`,
      }),
    ];
  },
};
