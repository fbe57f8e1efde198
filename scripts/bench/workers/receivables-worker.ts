import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CustomerLedger, InvoiceList, InvoiceReceivables } from '../../../electron/contract';
import { dayNumber } from '../../../renderer/src/invoices/plain-date';
import { prepareInvoices } from '../../../renderer/src/invoices/prepared';
import { customerInvoices } from '../../../renderer/src/receivables/customer-rows';
import { signIn } from '../../../tests/headless';
import { createBenchCore, connectBenchCore, nextRecordPhaseEnd } from '../lib/bench-core';
import { peakRssMiB, resetPeak } from '../lib/peak-memory';
import { runWorker, workerInput } from '../lib/worker-io';

/**
 * Issue 13's reads over a synced org with payments: opening an invoice's detail panel (`invoices.receivables`:
 * its timeline and arithmetic, through the core's dispatcher and contract validation) and a customer view
 * (`invoices.customer` plus the renderer's pass over every row for that customer's invoices, totals and aging).
 * Every call counts, the first one too: asked once the sync has said "done" and the core is idle (its background work
 * after the sync, the read indexes' warm-up included: read/read-warm-up.ts). Then, after a new copy (an incremental
 * sync), the first calls asked right after the sync's answer (the worst case: nothing warmed yet), and after idle()
 * again, with the longest task the core's thread ran between that sync's answer and idle() (`firsts`).
 */
interface Input {
  orgUrl: string;
  keyHex: string;
  samples: number;
}

const input = workerInput<Input>();

async function measure(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'budgetly-bench-receivables-'));
  try {
    const bench = createBenchCore({ dataDir, keyHex: input.keyHex, orgUrl: input.orgUrl });
    const connectionId = await connectBenchCore(bench, input.orgUrl);
    const phase = nextRecordPhaseEnd(bench);
    await bench.call('invoices.sync', { connectionId, mode: 'full' });
    // Every invoice's whole record, fetched in the background after the sync (issue #13): how long after the sync's
    // answer it is complete; the reads below are timed after it.
    const synced = performance.now();
    const rssAtSync = resetPeak();
    const record = await phase;
    const recordPeak = peakRssMiB();
    // As a user who opens a customer once the sync has said "done": the core's background work after it is over.
    await bench.core.idle();
    const list = await bench.call<InvoiceList>('invoices.list', { connectionId });
    const rows = list.invoices;
    const step = Math.max(1, Math.floor(rows.length / input.samples));
    const picked = rows.filter((_, i) => i % step === 0).slice(0, input.samples);

    const timed = async <T>(action: () => Promise<T> | T): Promise<{ ms: number; value: T }> => {
      const started = performance.now();
      const value = await action();
      return { ms: performance.now() - started, value };
    };
    const detailMs: number[] = [];
    let entries = 0;
    for (const row of picked) {
      const { ms, value } = await timed(() => bench.call<InvoiceReceivables>('invoices.receivables', { connectionId, id: row.id }));
      detailMs.push(ms);
      entries += value.entries.length;
    }

    // The workspace holds the prepared rows already (prepared once per sync); the view filters them per customer.
    const prepared = prepareInvoices(rows);
    const asOfDay = dayNumber(new Date().toISOString().slice(0, 10));
    // Customers as the view keys them: by account id (customerId), with the name shown.
    const customers = [...new Map(picked.flatMap((row) => (row.customer === null ? [] : [[row.customerId ?? row.customer, row.customerId ? { name: row.customer, account: row.customerId } : { name: row.customer }] as const]))).values()];
    const customerMs: number[] = [];
    const ledgerMs: number[] = [];
    const rowsMs: number[] = [];
    let payments = 0;
    for (const customer of customers) {
      const ledger = await timed(() => bench.call<CustomerLedger>('invoices.customer', { connectionId, customer: customer.name, ...(customer.account ? { account: customer.account } : {}) }));
      const own = await timed(() => customerInvoices(prepared, customer, asOfDay, 'dueDate'));
      ledgerMs.push(ledger.ms);
      rowsMs.push(own.ms);
      customerMs.push(ledger.ms + own.ms);
      payments += ledger.value.payments.length;
    }
    const firsts = await firstCalls(bench, connectionId, picked[0]!.id, customers[0]!);
    await bench.core.dispose();
    const recordFile = readdirSync(join(dataDir, 'invoices')).find((name) => name.endsWith('.record'));
    const recordBytes = recordFile ? statSync(join(dataDir, 'invoices', recordFile)).size : 0;
    return {
      rows: rows.length, related: await relatedCounts(), detailMs, entries, customerMs, ledgerMs, rowsMs, customers: customers.length, payments, firsts,
      record: { ms: record.at - synced, phase: record.phase, fetched: record.fetched, bytes: recordBytes, rssAtSyncMiB: rssAtSync, peakRssMiB: recordPeak },
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One call's wall time and the thread's CPU in it (ms). */
async function timedCall(action: () => Promise<unknown>): Promise<{ ms: number; cpuMs: number }> {
  const cpu = process.threadCpuUsage();
  const started = performance.now();
  await action();
  const ms = performance.now() - started;
  const used = process.threadCpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

/**
 * The longest gaps between two turns of a 1 ms timer on the core's thread until `stop` (each gap is a task the thread ran,
 * or the machine's load keeping the process off the cores): what a window's event or IPC message waited for at most.
 */
function longestTasks(): { stop(): number[] } {
  const gaps: number[] = [];
  let last = performance.now();
  let timer: NodeJS.Timeout | null = null;
  const tick = () => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
    timer = setTimeout(tick, 1);
  };
  timer = setTimeout(tick, 1);
  return {
    stop() {
      if (timer) clearTimeout(timer);
      return gaps.sort((a, b) => b - a).slice(0, 3).map((ms) => Math.round(ms));
    },
  };
}

type Customer = { name: string; account?: string };

/**
 * The first detail panel and customer view of a new copy (an incremental sync's, nothing changed at the org: a new copy all
 * the same, its indexes made anew): asked right after the sync's answer (the detail, then the customer), then — after another
 * sync — once idle() says the background work after it is over, with the longest tasks on the thread until then.
 */
async function firstCalls(bench: ReturnType<typeof createBenchCore>, connectionId: string, invoiceId: string, customer: Customer) {
  const detail = () => bench.call<InvoiceReceivables>('invoices.receivables', { connectionId, id: invoiceId });
  const view = () => bench.call<CustomerLedger>('invoices.customer', { connectionId, customer: customer.name, ...(customer.account ? { account: customer.account } : {}) });
  await bench.call('invoices.sync', { connectionId, mode: 'incremental' });
  const immediateDetail = await timedCall(detail);
  const immediateCustomer = await timedCall(view);
  await bench.core.idle();
  await bench.call('invoices.sync', { connectionId, mode: 'incremental' });
  const probe = longestTasks();
  const waitStarted = performance.now();
  await bench.core.idle();
  const idleMs = performance.now() - waitStarted;
  const longestMs = probe.stop();
  const idleDetail = await timedCall(detail);
  const idleCustomer = await timedCall(view);
  return { immediateDetail, immediateCustomer, idleMs, longestMs, idleDetail, idleCustomer };
}

/**
 * How many payment, credit note and application records the org holds (SELECT COUNT() per object), for the table's note.
 * Asked once more after a failure: Node's own fetch to the local org (the harness's, not the app's transport, which
 * retries) threw "TypeError: fetch failed" at load and lost a whole set's figures with it (BENCHMARKS, lead's runs,
 * session 29).
 */
async function relatedCounts(): Promise<Record<string, number>> {
  return countRelated().catch((error: unknown) => {
    console.error(`bench: the related records' counts failed once (${error instanceof Error ? error.message : String(error)}); asking again`);
    return countRelated();
  });
}

async function countRelated(): Promise<Record<string, number>> {
  const tokens = await signIn(input.orgUrl);
  const out: Record<string, number> = {};
  for (const object of ['Payment', 'PaymentLineInvoice', 'CreditMemo', 'CreditMemoInvApplication']) {
    const response = await fetch(`${input.orgUrl}/services/data/v64.0/query?q=${encodeURIComponent(`SELECT COUNT() FROM ${object}`)}`, { headers: { Authorization: `Bearer ${tokens.access_token}` } });
    if (!response.ok) throw new Error(`SELECT COUNT() FROM ${object}: HTTP ${response.status}`);
    out[object] = ((await response.json()) as { totalSize: number }).totalSize;
  }
  return out;
}

runWorker(measure);
