import { resultRow } from '../lib/rows';
import type { Scenario } from '../lib/types';

/** App start from the encrypted offline copy until invoice rows are on screen, vs reading the file. */
export const coldStart: Scenario = {
  name: 'cold start',
  async run({ uiRuns, org }) {
    const runs = await uiRuns();
    const scenario = `cold start from the encrypted cache, ${org.invoices.toLocaleString('en-US')}`;
    const num = (values: (number | null)[]) => values.filter((v): v is number => v !== null);
    const transfer = num(runs.map((r) => r.listTransferMs));
    const clone = runs.map((r) => r.structuredCloneMs);
    const ms = (values: (number | null)[]) => `${num(values).map(Math.round).join(', ')} ms`;
    return [
      resultRow({
        scenario,
        metric: 'navigation → rows painted',
        unit: 'ms',
        app: runs.map((r) => r.coldStartMs),
        baseline: runs.map((r) => r.readFileMs),
        target: '≤ 1 s',
        pass: (a) => a.median <= 1000,
        note: `baseline = reading the ${(runs[0]!.cacheBytes / 2 ** 20).toFixed(1)} MiB cache file. Per run: boot until invoices.list is asked ${ms(runs.map((r) => r.listAskedAtMs))}; in the core (read + decrypt + inflate + parse) ${ms(runs.map((r) => r.listCoreMs))}; crossing to the page ${ms(transfer)}; renderer (prepare, sort, totals, first render) ${ms(runs.map((r) => r.renderAfterListMs))}`,
      }),
      resultRow({
        scenario,
        metric: 'invoices.list transfer: harness JSON vs structured clone',
        unit: 'ms',
        app: transfer,
        baseline: clone,
        target: 'context',
        pass: null,
        note: `harness: JSON string over Playwright's binding (${((runs[0]!.listJsonChars ?? 0) / 2 ** 20).toFixed(1)} MiB) + JSON.parse in the page; baseline: v8.serialize + deserialize of the same answer in Node (what Electron's IPC does)`,
      }),
    ];
  },
};
