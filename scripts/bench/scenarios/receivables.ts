import { startOrgProcess, type OrgProcess } from '../lib/org-process';
import { resultRow } from '../lib/rows';
import { spawnWorker } from '../lib/spawn-worker';
import { percentile } from '../lib/stats';
import type { Scenario } from '../lib/types';

interface FullRun {
  ms: number;
  cpuMs: number;
  rows: number;
  fetched: number;
  /** Every query the sync sent (sync-worker.ts), for the fetch floor. */
  queries: unknown[];
}
interface FloorRun {
  ms: number;
  cpuMs: number;
  rows: number;
  queries: number;
  bulk: number;
}
interface IncrementalRun {
  incrementalMs: number;
  fullMs: number;
  /** The app's CPU in the full sync after it (wall time moves with the machine's load; CPU much less). */
  fullCpuMs: number;
  changed: number;
  fetched: number;
  mode: string;
  /** What the org's control API changed before the incremental (changeReceivables, tests/org/types.ts ReceivablesDay). */
  orgChange: { changed: number; skipped: number; operations: Record<string, number>; records: Record<string, number> };
  /** Records each object's incremental query answered (its queries asked again after the timing; sync-worker.ts). */
  fetchedByObject: Record<string, number>;
  /** Where the incremental's time went (sync-worker.ts). */
  incrementalPhases: { untilFirstPageMs: number; pagesMs: number; savingMs: number; afterDoneMs: number; cpuMs: number; gcMs: number };
  /** The org's CPU (every thread, schedstat) in the incremental and in the full it is judged against. */
  incrementalOrgCpuMs: number;
  fullOrgCpuMs: number;
  /** The incremental's queries asked again plainly, all at once, twice (sync-worker.ts incrementalFloor). */
  floors: { ms: number; cpuMs: number; orgCpuMs: number }[];
  /** Every request the incremental sent, as "GET /services/data/queryAll Invoice" (sync-worker.ts requestKind). */
  incrementalRequests: string[];
}

const phasesOf = (p: IncrementalRun['incrementalPhases']) =>
  `until first page ${Math.round(p.untilFirstPageMs)}, pages ${Math.round(p.pagesMs)}, saving ${Math.round(p.savingMs)}, after done ${Math.round(p.afterDoneMs)} ms; CPU ${Math.round(p.cpuMs)} ms, GC ${Math.round(p.gcMs)} ms`;
interface ReadsRun {
  rows: number;
  related: Record<string, number>;
  detailMs: number[];
  entries: number;
  customerMs: number[];
  ledgerMs: number[];
  rowsMs: number[];
  customers: number;
  payments: number;
  /** The background phase after the full sync that fetches every invoice's whole record (fields and lines). */
  record: { ms: number; phase: string; fetched: number; bytes: number; rssAtSyncMiB: number; peakRssMiB: number };
  /** The first calls on a new copy (receivables-worker.ts firstCalls): right after the sync's answer, and after idle(). */
  firsts: {
    immediateDetail: TimedCall; immediateCustomer: TimedCall; idleDetail: TimedCall; idleCustomer: TimedCall;
    /** From the sync's answer to idle(), and the longest tasks on the core's thread meanwhile (ms). */
    idleMs: number; longestMs: number[];
  };
}
interface TimedCall {
  ms: number;
  cpuMs: number;
}
const call = (c: TimedCall) => `${Math.round(c.ms)} ms (thread CPU ${Math.round(c.cpuMs)} ms)`;

/** "rest Invoice", "bulk Payment": the kind of a query the sync sent and the object it reads. */
const fromObject = (query: unknown) => {
  const sent = query as { kind: string; path?: string; soql?: string };
  const soql = sent.soql ?? new URLSearchParams((sent.path ?? '').split('?')[1]).get('q') ?? '';
  return `${sent.kind} ${/\bFROM\s+(\w+)/i.exec(soql)?.[1] ?? '?'}`;
};

const ms = (values: number[]) => `${values.map(Math.round).join(', ')} ms`;

/** "61, 48 ms (client CPU 20, 18; the org's 71, 60)": the incremental's queries asked again plainly, twice. */
const floorsOf = (run: IncrementalRun) =>
  `${ms(run.floors.map((f) => f.ms))} (client CPU ${run.floors.map((f) => Math.round(f.cpuMs)).join(', ')}; the org's ${run.floors.map((f) => Math.round(f.orgCpuMs)).join(', ')})`;

/** "550 payments applied, …; records created or changed: 1,000 invoices, …" — the incremental's change at the org, as it reported it. */
const orgChangeOf = (change: IncrementalRun['orgChange']) => {
  const words: Record<string, string> = { applyPayment: 'payments applied', allocatePayment: 'unapplied cash allocated', issueCreditNote: 'credit notes issued', reverseApplication: 'applications reversed', deletePayment: 'payments deleted' };
  const operations = Object.entries(change.operations).map(([name, n]) => `${n} ${words[name] ?? name}`).join(', ');
  const records = Object.entries(change.records).map(([kind, n]) => `${n.toLocaleString('en-US')} ${kind}`).join(', ');
  return `through the control API (changeReceivables): ${operations}${change.skipped ? `, ${change.skipped} skipped` : ''}; records created or changed at the org: ${records}`;
};

/**
 * Issue 13, side by side: the same invoices (same seed) in an org with payments, credit notes and their
 * applications and in the invoices-only org the other scenarios use. Full sync with them vs without (≤ 1.4×),
 * incremental with 1% of the invoices changed vs full (≤ 5%), opening an invoice's payments (≤ 50 ms) and a
 * customer view (≤ 100 ms).
 */
export const receivables: Scenario = {
  name: 'receivables 100k',
  async run({ options, org, keyHex, log }) {
    const payOrg = await startOrgProcess(options.invoices, { payments: true });
    try {
      const withPayments: FullRun[] = [];
      const invoicesOnly: FullRun[] = [];
      const floor: FloorRun[] = [];
      // The org's CPU during each run (the sign-in and the worker's start-up included: a few tens of ms).
      const orgCpu = { withPayments: [] as number[], invoicesOnly: [] as number[], floor: [] as number[] };
      const withOrgCpu = async <T>(served: OrgProcess, into: number[], run: () => Promise<T>): Promise<T> => {
        const before = served.cpuMs();
        const result = await run();
        into.push(served.cpuMs() - before);
        return result;
      };
      // Both orgs have served one full sync before the first timed run: the invoices-only org served the prepared data
      // folder's (run.ts), so without this the first run with payments alone met an org whose code paths were cold (its
      // CPU on run 1 1,130–1,230 ms vs 720–740 on later runs, BENCHMARKS.md "Lead's runs, session 24"). The app's side is a
      // fresh process every run either way; only the local org — a stand-in for Salesforce, which is never cold — is warmed.
      await spawnWorker<FullRun>('sync-worker', { mode: 'app-full', orgUrl: payOrg.url, keyHex });
      for (let i = 0; i < options.runs.sync; i++) {
        withPayments.push(await withOrgCpu(payOrg, orgCpu.withPayments, () => spawnWorker<FullRun>('sync-worker', { mode: 'app-full', orgUrl: payOrg.url, keyHex })));
        invoicesOnly.push(await withOrgCpu(org, orgCpu.invoicesOnly, () => spawnWorker<FullRun>('sync-worker', { mode: 'app-full', orgUrl: org.url, keyHex })));
        floor.push(await withOrgCpu(payOrg, orgCpu.floor, () => spawnWorker<FloorRun>('sync-worker', { mode: 'fetch-floor', orgUrl: payOrg.url, keyHex, queries: withPayments.at(-1)!.queries })));
        if (i === 0) log(`  the sync's queries: ${withPayments[0]!.queries.map(fromObject).join(', ')}`);
        log(`  run ${i + 1}: with payments ${Math.round(withPayments.at(-1)!.ms)} ms (${withPayments.at(-1)!.fetched} records), invoices only ${Math.round(invoicesOnly.at(-1)!.ms)} ms, fetch floor ${Math.round(floor.at(-1)!.ms)} ms`);
      }
      const incremental: IncrementalRun[] = [];
      for (let i = 0; i < options.runs.incremental; i++) {
        // The 1 % changes through the money around the invoices (payments applied, cash allocated, credit notes, reversals, deletions).
        // Each run on an org of its own (same seed: the same records): on one org, a run's changes are still inside the next
        // run's 5-minute overlap (its full sync's watermark is their stamp), so runs 2 and 3 fetched 2 % and 3 % (session 31).
        const fresh = await startOrgProcess(options.invoices, { payments: true });
        try {
          // The fresh org first serves another client's full sync and an incremental with nothing changed (its own process and
          // copy; nothing at the org changes), as the orgs above served a full before the timed fulls: Salesforce is never cold,
          // and the incremental is judged against a full the org had served before. Without it the timed incremental met an org
          // whose incremental queries it had never served (a side effect of each run's own org, session 31): the org's CPU in
          // the incremental's window, medians 62 ms warmed vs 101 cold over 11 + 11 runs at load 1.9-5.7 (BENCHMARKS.md, "Lead's
          // runs, session 36"). A fairness fix of the bench, not of the app: the row's figures before it are not comparable.
          // The app's side is still a fresh process whose first incremental it is.
          await spawnWorker('sync-worker', { mode: 'warm-org', orgUrl: fresh.url, keyHex });
          incremental.push(await spawnWorker<IncrementalRun>('sync-worker', { mode: 'incremental', orgUrl: fresh.url, orgPid: fresh.pid, keyHex, changedShare: 0.01, change: 'receivables' }));
        } finally {
          await fresh.stop();
        }
        const run = incremental.at(-1)!;
        log(`  incremental ${i + 1}: ${Math.round(run.incrementalMs)} ms vs full ${Math.round(run.fullMs)} ms (${phasesOf(run.incrementalPhases)}; the org's CPU ${Math.round(run.incrementalOrgCpuMs)} ms); its queries plainly ${floorsOf(run)}`);
      }
      const reads = await spawnWorker<ReadsRun>('receivables-worker', { orgUrl: payOrg.url, keyHex, samples: options.quick ? 20 : 100 }, { timeoutMs: 600_000 });
      const scenario = `receivables ${org.invoices.toLocaleString('en-US')} (payments, credits, applications)`;
      const related = Object.entries(reads.related).map(([object, n]) => `${n.toLocaleString('en-US')} ${object}`).join(', ');
      return [
        resultRow({
          scenario, metric: 'full sync wall time', unit: 'ms',
          app: withPayments.map((r) => r.ms), baseline: invoicesOnly.map((r) => r.ms),
          target: '≤ 1.4× invoices only', pass: (_a, _b, ratio) => ratio !== null && ratio <= 1.4,
          // The ratio stops at the sync's answer: the whole-record phase (every field and line of every invoice) follows in the background.
          note: `until the sync's answer; then, in the background, the whole record of every invoice (every field and line): ${reads.record.phase === 'done' ? `${Math.round(reads.record.ms).toLocaleString('en-US')} ms more, ${reads.record.fetched.toLocaleString('en-US')} records, ${(reads.record.bytes / 1048576).toFixed(1)} MiB` : reads.record.phase} (the 'whole record' row); besides the invoices: ${related}; CPU with them ${ms(withPayments.map((r) => r.cpuMs))}, invoices only ${ms(invoicesOnly.map((r) => r.cpuMs))}; the org's CPU (one Node process serving on the same two cores) with them ${ms(orgCpu.withPayments)}, invoices only ${ms(orgCpu.invoicesOnly)}`,
        }),
        resultRow({
          scenario, metric: 'fetch floor: the same queries fetched plainly, nothing kept', unit: 'ms',
          app: floor.map((r) => r.ms), baseline: invoicesOnly.map((r) => r.ms),
          // Not a lower bound for every client: the app's wire and schedule with nothing kept. Another wire costs this org less (reviewA,
          // 2026-12-05, 8 alternating pairs at load 11-15: the invoices as one Bulk API 2.0 job, the rest as the app asks, took the
          // org 2,230 ms of CPU (median) against 2,795 for these queries, and the client 894 against 1,166).
          target: "no target: the app's own queries and schedule fetched plainly (not a floor for other wires or schedules)", pass: null,
          note: `${floor[0]!.queries} queries (${floor[0]!.bulk} Bulk API 2.0 jobs), ${floor[0]!.rows.toLocaleString('en-US')} records: the invoices' REST pages beside the related queries two at a time, as the app sends them; pages JSON.parse'd, CSV parts' lines counted; no describe, no mapping, no copy; the client's CPU ${ms(floor.map((r) => r.cpuMs))}, the org's ${ms(orgCpu.floor)} (one Node process, on the same two cores)`,
        }),
        resultRow({
          scenario, metric: 'whole record of every invoice (background, after the sync)', unit: 'ms',
          app: [reads.record.ms], baseline: withPayments.map((r) => r.ms),
          target: 'not in the sync the user waits for', pass: () => reads.record.phase === 'done',
          note: `${reads.record.phase}: ${reads.record.fetched.toLocaleString('en-US')} records (every invoice with every readable field, and its lines), from the sync's answer to the sealed copy written (${(reads.record.bytes / 1048576).toFixed(1)} MiB); RSS ${reads.record.rssAtSyncMiB} MiB at the sync's answer, peak ${reads.record.peakRssMiB} MiB during the phase; baseline: the full sync with payments it follows`,
        }),
        resultRow({
          scenario, metric: 'incremental (1% changed) wall time', unit: 'ms',
          app: incremental.map((r) => r.incrementalMs), baseline: incremental.map((r) => r.fullMs),
          target: '≤ 5% of full', pass: (_a, _b, ratio) => ratio !== null && ratio <= 0.05,
          note: `on an org that had served another client's full and incremental syncs (never cold, as Salesforce; the app's side a fresh process; since session 36 — earlier figures of this row are on an org cold for these queries, not comparable); ${incremental[0]!.changed} invoices changed ${orgChangeOf(incremental[0]!.orgChange)}; the incremental's queries (since the watermark, 5-min overlap) answered ${incremental.map((r) => Object.entries(r.fetchedByObject).map(([object, n]) => `${n.toLocaleString('en-US')} ${object}`).join(', ')).join(' | ')}; mode ${incremental[0]!.mode}; ${incremental.map((r) => `${phasesOf(r.incrementalPhases)} vs the full sync's CPU ${Math.round(r.fullCpuMs)} ms (CPU ratio ${(r.incrementalPhases.cpuMs / r.fullCpuMs).toFixed(3)})`).join(' | ')}`,
        }),
        resultRow({
          scenario, metric: "incremental's floor: its queries asked again plainly, all at once", unit: 'ms',
          app: incremental.map((r) => r.floors[0]!.ms), baseline: incremental.map((r) => r.fullMs),
          // Beside the row above, not judged: how much of "≤ 5 % of full" the same answers cost any client of this org (the
          // local org serves its queries one after another, on the two cores the app uses too).
          target: 'no target: what the same answers cost a plain client here', pass: null,
          note: `after each incremental, its queries asked of the same unchanged org by a plain client (fetch, every page JSON.parse'd, nothing kept), all at once as the app sends them, twice: ${incremental.map(floorsOf).join(' | ')}; the requests each incremental sent: ${incremental.map((r) => `${r.incrementalRequests.length} (${[...new Set(r.incrementalRequests)].join(', ')})`).join(' | ')}; the org's CPU in the incremental ${ms(incremental.map((r) => r.incrementalOrgCpuMs))} (÷ the full's wall: ${incremental.map((r) => (r.incrementalOrgCpuMs / r.fullMs).toFixed(3)).join(', ')}), in the full ${ms(incremental.map((r) => r.fullOrgCpuMs))}`,
        }),
        // Every call counts, the first one too (asked once the sync said "done" and the core is idle: its indexes made in the
        // background after the sync, read/read-warm-up.ts); the first call right after a sync's answer is stated beside it.
        // Judged on the larger of the p95 and the first call: a p95 of 100 calls cannot see one slow first call (session 31).
        resultRow({
          scenario, metric: 'open detail: payments and arithmetic (the larger of the p95 and the first call)', unit: 'ms',
          app: [Math.max(percentile(reads.detailMs, 95), reads.detailMs[0]!)],
          target: '≤ 50 ms', pass: (a) => a.max <= 50,
          note: `invoices.receivables through the dispatcher, ${reads.detailMs.length} invoices (${reads.entries} entries), the first one included: ${Math.round(reads.detailMs[0]!)} ms; on a new copy (an incremental sync) the first call right after the sync's answer ${call(reads.firsts.immediateDetail)}, after idle() ${call(reads.firsts.idleDetail)}; the React render of the panel is not in this figure`,
        }),
        resultRow({
          scenario, metric: 'customer view (the larger of the p95 and the first call)', unit: 'ms',
          app: [Math.max(percentile(reads.customerMs, 95), reads.customerMs[0]!)],
          target: '≤ 100 ms', pass: (a) => a.max <= 100,
          note: `invoices.customer (${reads.payments} payments over ${reads.customers} customers) + the renderer's pass over ${reads.rows.toLocaleString('en-US')} rows for the customer's invoices, totals and aging; p95 ledger ${Math.round(percentile(reads.ledgerMs, 95))} ms, rows ${Math.round(percentile(reads.rowsMs, 95))} ms; first call ${Math.round(reads.customerMs[0]!)} ms (ledger ${Math.round(reads.ledgerMs[0]!)}, rows ${Math.round(reads.rowsMs[0]!)}); on a new copy (an incremental sync) the first call right after the sync's answer ${call(reads.firsts.immediateCustomer)} (after the detail's), after idle() ${call(reads.firsts.idleCustomer)}; from that sync's answer to idle() ${Math.round(reads.firsts.idleMs)} ms, the longest tasks on the core's thread meanwhile ${reads.firsts.longestMs.join(', ')} ms; the dialog's React render is not in this figure`,
        }),
      ];
    } finally {
      await payOrg.stop();
    }
  },
};
