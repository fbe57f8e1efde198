/**
 * Wall time and peak memory of a full sync (benchmark, not a test):
 *   npm run org -- --invoices 100000 --multi-currency --port 4610 &
 *   /usr/bin/time -v npx tsx tests/integration/invoices/bench/sync-100k.ts http://127.0.0.1:4610
 * The org runs in its own process so the figures are the app core's alone.
 */
import { tempDir } from '../../../support/test-ports';
import { startHarness } from '../support/invoice-harness';
import { CONNECTION_ID } from '../support/invoice-harness';
import type { RunningOrg } from '../../../org';

const url = process.argv[2] ?? 'http://127.0.0.1:4610';
const org = { url } as RunningOrg;
const temp = tempDir();
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const harness = await startHarness(org, temp.dir);
const started = performance.now();
const sync = await harness.call('invoices.sync', { connectionId: CONNECTION_ID, mode: 'full' });
const syncMs = performance.now() - started;
const listStarted = performance.now();
const list = await harness.call('invoices.list', { connectionId: CONNECTION_ID });
const listMs = performance.now() - listStarted;
const fullPeak = peak;
const incStarted = performance.now();
const incremental = await harness.call('invoices.sync', { connectionId: CONNECTION_ID, mode: 'incremental' });
const incrementalMs = performance.now() - incStarted;
clearInterval(sampler);
console.log(
  JSON.stringify({
    ok: sync.ok, rows: list.value?.invoices.length, syncMs: Math.round(syncMs), listMs: Math.round(listMs), peakRssMiB: Math.round(fullPeak / 2 ** 20),
    incremental: { mode: incremental.value?.mode, fetched: incremental.value?.fetched, ms: Math.round(incrementalMs) },
  }),
);
await harness.dispose();
temp.remove();
