import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InvoiceList, Result } from '../../../electron/contract';
import { createBenchCore } from '../lib/bench-core';
import { runWorker, workerInput } from '../lib/worker-io';

/**
 * 50 concurrent invoices.get calls (each: record + line items) while the access token has expired
 * at the org: the session manager must refresh once and replay all of them. Counts the refresh
 * requests the org received.
 */
interface Input {
  preparedDir: string;
  connectionId: string;
  keyHex: string;
  orgUrl: string;
  concurrent: number;
}

const input = workerInput<Input>();

async function control<T>(method: string): Promise<T> {
  const response = await fetch(`${input.orgUrl}/__org/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' });
  if (!response.ok) throw new Error(`org control ${method}: ${response.status}`);
  return ((await response.json()) as { result: T }).result;
}

runWorker(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'budgetly-bench-refresh-'));
  try {
    cpSync(input.preparedDir, dataDir, { recursive: true });
    const bench = createBenchCore({ dataDir, keyHex: input.keyHex, orgUrl: input.orgUrl });
    const { connectionId } = input;
    const list = await bench.call<InvoiceList>('invoices.list', { connectionId });
    const ids = list.invoices.slice(0, input.concurrent).map((row) => row.id);
    // Warm: the session is live and describe is cached, so the 50 calls below all hit the expired token.
    await bench.call('invoices.get', { connectionId, id: ids[0] });
    await control('expireSessions');
    await control('resetCounters');
    const started = performance.now();
    const results = (await Promise.all(ids.map((id) => bench.core.dispatch('invoices.get', { connectionId, id }, 'http://127.0.0.1:1/index.html')))) as Result<unknown>[];
    const ms = performance.now() - started;
    const counters = await control<{ refreshes: number; requests: Record<string, number> }>('counters');
    await bench.core.dispose();
    const failures = results.filter((result) => !result.ok).map((result) => (result.ok ? '' : result.error.code));
    return { calls: ids.length, refreshes: counters.refreshes, ok: results.length - failures.length, failures, ms };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
