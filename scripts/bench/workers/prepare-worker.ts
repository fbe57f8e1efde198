import type { SyncResult } from '../../../electron/contract';
import { createBenchCore, connectBenchCore } from '../lib/bench-core';
import { runWorker, workerInput } from '../lib/worker-io';

/**
 * Makes the data folder the app-start, export and UI scenarios copy: one connection to the local
 * org, signed in, with a complete encrypted offline copy of its invoices.
 */
interface Input {
  orgUrl: string;
  keyHex: string;
  dataDir: string;
}

const input = workerInput<Input>();

runWorker(async () => {
  const bench = createBenchCore(input);
  const connectionId = await connectBenchCore(bench, input.orgUrl);
  const result = await bench.call<SyncResult>('invoices.sync', { connectionId, mode: 'full' });
  await bench.core.dispose();
  return { connectionId, rows: result.total };
});
