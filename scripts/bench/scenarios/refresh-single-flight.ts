import { spawnWorker } from '../lib/spawn-worker';
import { resultRow } from '../lib/rows';
import type { Scenario } from '../lib/types';

interface Run {
  calls: number;
  refreshes: number;
  ok: number;
  failures: string[];
}

/** 50 concurrent invoices.get calls on an expired session: refresh requests counted at the org. */
export const refreshSingleFlight: Scenario = {
  name: 'expired session',
  async run({ options, prepared, keyHex, org }) {
    const runs: Run[] = [];
    for (let i = 0; i < options.runs.refresh; i++) {
      runs.push(await spawnWorker<Run>('refresh-worker', { preparedDir: prepared.dir, connectionId: prepared.connectionId, keyHex, orgUrl: org.url, concurrent: 50 }));
    }
    const allOk = runs.every((run) => run.ok === run.calls);
    return [
      resultRow({
        scenario: '50 concurrent calls on an expired session',
        metric: 'refresh requests at the org',
        unit: 'count',
        app: runs.map((r) => r.refreshes),
        target: 'exactly 1',
        pass: (a) => allOk && a.min === 1 && a.max === 1,
        note: allOk ? `all ${runs[0]!.calls} calls answered in every run` : `failures: ${runs.flatMap((r) => r.failures).join(', ')}`,
      }),
    ];
  },
};
