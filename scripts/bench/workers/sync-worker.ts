import { subscribe } from 'node:diagnostics_channel';
import { mkdtempSync, rmSync } from 'node:fs';
import type { ClientRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InvoiceList, SyncResult } from '../../../electron/contract';
import { signIn, TestSecretBox } from '../../../tests/headless';
import { encodeSnapshot } from '../../../electron/core/invoices/cache/cache-format';
import { writeBytesAtomically } from '../../../electron/core/invoices/cache/atomic-file';
import { createBenchCore, connectBenchCore, nextRecordPhaseEnd } from '../lib/bench-core';
import { FIRST_LIST_WINDOW } from '../../../electron/contract/list-window';
import { peakRssMiB, resetPeakSettled, rssMiB } from '../lib/peak-memory';
import { runWorker, workerInput } from '../lib/worker-io';
import { plainHttpGet } from '../lib/plain-http-get';
import { processCpuReader } from '../lib/process-cpu';
import { gcTime } from '../lib/gc-time';

/**
 * Full / incremental sync through the app's real core, and the plain-fetch baseline.
 *   app-full:     sign in, then time invoices.sync (full): describe, every page, rows mapped, cache written.
 *   incremental:  full sync, 1% of the invoices changed at the org, time invoices.sync (incremental), then a full one again.
 *   baseline:     a plain fetch loop over nextRecordsUrl + JSON.parse of the same query, nothing stored.
 *   baseline-http: the same loop on Node's http client (one keep-alive socket), the app's own transport for its GETs.
 *   fetch-floor:  every query an app-full sync sent (invoices and related objects, REST pages or Bulk API 2.0 jobs), fetched
 *                 the plain way at the same concurrency, nothing stored: the app's wire and schedule without the app's work (issue #13).
 * Both report the process's CPU time (all threads: V8's GC and compiler helpers, libuv's pool) beside the wall time.
 */
/** A query an app-full sync sent: a REST query's first page, or a Bulk API 2.0 job's SOQL. */
type SentQuery = { kind: 'rest'; path: string } | { kind: 'bulk'; jobsPath: string; soql: string };

interface Input {
  mode: 'app-full' | 'incremental' | 'warm-org' | 'baseline' | 'baseline-http' | 'fetch-floor';
  orgUrl: string;
  keyHex: string;
  /** For the baseline: the query path the app sent (same SOQL, same fields). */
  queryPath?: string;
  changedShare?: number;
  /**
   * How the incremental's 1 % changes at the org: 'invoices' (default; the invoices-only scenarios, #7): control.updateInvoices
   * on every 100th invoice of the list; 'receivables' (a payments org, #13): control.changeReceivables — payments applied,
   * unapplied cash allocated, credit notes, applications reversed, payments deleted — over 1 % of the invoices, the balances
   * following their applications as Salesforce's do.
   */
  change?: 'invoices' | 'receivables';
  /** For the fetch floor: every query the app-full sync sent, the invoices' first. */
  queries?: SentQuery[];
  /** The org's process id (incremental): its CPU read around the incremental, its floor and the full after them. */
  orgPid?: number;
}

const input = workerInput<Input>();
const PAGE_HEADERS = { 'Sforce-Query-Options': 'batchSize=2000' };

/** Every request sent through Node's http client or fetch, in order, as "GET /query Invoice", "POST /token" (requestKind). */
const requestLog: string[] = [];

/** A request by method, path (ids and the API version left out) and, for a query, the object it reads. */
function requestKind(method: string, url: URL): string {
  const path = url.pathname.replace(/\/v\d+\.\d+/, '').replace(/\/[a-zA-Z0-9]{15,18}(?=\/|$)/g, '/<id>').replace(/\/query(All)?\/[^/]+-\d+$/, '/query$1/<next>');
  const q = url.searchParams.get('q');
  return `${method} ${path}${q ? ` ${objectOf(q)}` : ''}`;
}

/** The object a SOQL query reads ("Invoice", "PaymentLineInvoice" …). */
const objectOf = (soql: string) => /\bFROM\s+(\w+)/i.exec(soql)?.[1] ?? '?';

/** A query the app sent, asked again the plain way (every REST page, or a Bulk API 2.0 job's parts): the records it answers. */
const askPlainly = (query: SentQuery, headers: Record<string, string>) =>
  query.kind === 'rest' ? plainRest(query.path, headers) : plainBulk(query.jobsPath, query.soql, headers);

/**
 * Records every query the app starts, in order: REST first pages (`/query?q=`, `/queryAll?q=`) and Bulk API 2.0 jobs (the
 * first REST one, the invoices', is what the baseline replays). The sync's GETs go through Node's http client
 * (salesforce-get.ts → http-exchange.ts), seen on its `http.client.request.start` channel; the rest through fetch.
 */
function watchQueries(): SentQuery[] {
  const sent: SentQuery[] = [];
  const rest = (url: URL, method = 'GET') => {
    requestLog.push(requestKind(method, url));
    if (/\/query(All)?$/.test(url.pathname) && url.searchParams.has('q')) sent.push({ kind: 'rest', path: url.pathname + url.search });
  };
  subscribe('http.client.request.start', (message) => {
    const request = (message as { request: ClientRequest }).request;
    rest(new URL(request.path, 'http://org'), request.method);
  });
  const original = globalThis.fetch;
  globalThis.fetch = (resource, init) => {
    const url = new URL(resource instanceof Request ? resource.url : String(resource));
    const method = (init?.method ?? (resource instanceof Request ? resource.method : 'GET')).toUpperCase();
    rest(url, method);
    if (method === 'POST' && url.pathname.endsWith('/jobs/query') && typeof init?.body === 'string') {
      sent.push({ kind: 'bulk', jobsPath: url.pathname, soql: (JSON.parse(init.body) as { query: string }).query });
    }
    return original(resource, init);
  };
  return sent;
}

async function appSync(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'budgetly-bench-'));
  const queries = watchQueries();
  try {
    const bench = createBenchCore({ dataDir, keyHex: input.keyHex, orgUrl: input.orgUrl });
    const connectionId = await connectBenchCore(bench, input.orgUrl);
    const sync = (mode: 'full' | 'incremental') => bench.call<SyncResult>('invoices.sync', { connectionId, mode });
    const timed = async (mode: 'full' | 'incremental') => {
      const started = performance.now();
      const result = await sync(mode);
      return { ms: performance.now() - started, result };
    };
    if (input.mode === 'warm-org') {
      // Another client before the timed one (its own process, its own copy): a full sync, then an incremental one with nothing
      // changed — the org has then served the incremental's queries (their WHERE on SystemModstamp, queryAll) once, as it
      // had served the full's before the timed full (receivables.ts). Nothing at the org changes.
      await sync('full');
      const warmed = await sync('incremental');
      await bench.core.dispose();
      // An incremental that fell back to a full would warm nothing new: the timed run would meet a cold org again, unseen.
      if (warmed.mode !== 'incremental') throw new Error(`the warm-up's second sync ran as '${warmed.mode}', not as an incremental`);
      return { warmed: true };
    }
    if (input.mode === 'app-full') {
      // Phases from the sync's own progress events: describe → pages → saving (cache written) → done.
      const marks: Record<string, number> = {};
      bench.events.listen((event, payload) => {
        const phase = (payload as { phase?: string }).phase;
        if (event === 'invoices.syncProgress' && phase) marks[phase === 'fetching' ? (marks.firstPage ? 'lastPage' : 'firstPage') : phase] = performance.now();
      });
      const rssBefore = await resetPeakSettled();
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const full = await timed('full');
      const cpu = process.cpuUsage(cpuBefore);
      const peak = peakRssMiB();
      // Only what the timed sync sent: the background phases after its answer send queries of their own.
      const syncQueries = queries.slice();
      // Not in the figure, reported beside it: what the window waits for next, its first window of the new copy (the
      // rows made from the sync's columns and put in order); CPU and peak memory until then.
      const listCpuBefore = process.cpuUsage();
      const listStarted = performance.now();
      await bench.call<InvoiceList>('invoices.list', { connectionId, limit: FIRST_LIST_WINDOW });
      const listCpu = process.cpuUsage(listCpuBefore);
      const afterAnswer = { firstWindowMs: performance.now() - listStarted, firstWindowCpuMs: (listCpu.user + listCpu.system) / 1000, peakRssMiB: peakRssMiB() };
      // Then the copy's background work after a full sync (its first screen; the index of its rows the next incremental
      // sync uses, made on a timer after it): peak RSS until done, and the RSS it keeps.
      await bench.core.idle();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const background = { ms: performance.now() - listStarted, peakRssMiB: peakRssMiB(), rssMiB: rssMiB() };
      await bench.core.dispose();
      const at = (name: string) => (marks[name] ?? Number.NaN) - started;
      const phases = { untilFirstPageMs: at('firstPage'), pagesMs: at('lastPage') - at('firstPage'), savingMs: at('done') - at('saving') };
      const cpuMs = (cpu.user + cpu.system) / 1000;
      return { ms: full.ms, cpuMs, rows: full.result.total, fetched: full.result.fetched, rssBeforeMiB: rssBefore, peakRssMiB: peak, queryPath: syncQueries.find((q) => q.kind === 'rest')?.path, queries: syncQueries, phases, afterAnswer, background };
    }
    // The background record phase after each sync (issue #13) ends before the next sync is timed.
    const firstPhase = nextRecordPhaseEnd(bench);
    const first = await timed('full');
    await firstPhase;
    const list = await bench.call<InvoiceList>('invoices.list', { connectionId });
    const share = input.changedShare ?? 0.01;
    const { ids, orgChange } = input.change === 'receivables' ? await changeReceivables(list, share) : await changeInvoices(list, share);
    await resetPeakSettled();
    // Phases of the incremental sync from its progress events: until the first page, the pages (invoices and related
    // records), saving (the journal append), from 'done' to the answer; and the GC and CPU time spent inside it.
    const marks: Record<string, number> = {};
    const stopMarks = bench.events.listen((event, payload) => {
      const phase = (payload as { phase?: string }).phase;
      if (event !== 'invoices.syncProgress' || !phase) return;
      if (!(phase in marks)) marks[phase] = performance.now();
      if (phase === 'fetching') marks.lastPage = performance.now();
    });
    const orgCpu = processCpuReader(input.orgPid);
    const gc = gcTime();
    const orgCpuBefore = orgCpu();
    const cpuBefore = process.cpuUsage();
    const incrementalStarted = performance.now();
    const incrementalPhase = nextRecordPhaseEnd(bench);
    const sentBefore = queries.length;
    const requestsBefore = requestLog.length;
    const incremental = await timed('incremental');
    const answered = performance.now();
    const incrementalQueries = queries.slice(sentBefore);
    const incrementalRequests = requestLog.slice(requestsBefore);
    const incrementalCpu = process.cpuUsage(cpuBefore);
    const incrementalOrgCpuMs = orgCpu() - orgCpuBefore;
    stopMarks();
    const gcMs = await gc.stop();
    await incrementalPhase;
    const incrementalPhases = {
      untilFirstPageMs: marks.fetching! - incrementalStarted,
      pagesMs: (marks.saving ?? Number.NaN) - marks.fetching!,
      savingMs: marks.done! - marks.saving!,
      afterDoneMs: answered - marks.done!,
      cpuMs: (incrementalCpu.user + incrementalCpu.system) / 1000,
      gcMs,
    };
    const incrementalPeak = peakRssMiB();
    // The sync's answer counts invoices only: the records each of its queries got (invoices and related objects) are counted by
    // asking the same queries again, after the timing, of the same unchanged org — twice, timed: the incremental's floor.
    const floors = [await incrementalFloor(incrementalQueries, orgCpu), await incrementalFloor(incrementalQueries, orgCpu)];
    // The full the incremental is judged against opens its window as the incremental's did (the same collection and pause).
    await resetPeakSettled();
    const fullOrgCpuBefore = orgCpu();
    const fullCpuBefore = process.cpuUsage();
    const full = await timed('full');
    const fullCpu = process.cpuUsage(fullCpuBefore);
    const fullOrgCpuMs = orgCpu() - fullOrgCpuBefore;
    // What any sync pays at the end whatever changed: re-writing the whole encrypted copy (timed alone, same rows).
    const after = await bench.call<InvoiceList>('invoices.list', { connectionId });
    const cacheStarted = performance.now();
    const bytes = await encodeSnapshot(
      { object: after.object ?? 'Invoice', signature: 'bench', syncedAt: after.syncedAt ?? '', watermark: 0, rows: after.invoices },
      new TestSecretBox('os', Buffer.from(input.keyHex, 'hex')),
      connectionId,
    );
    await writeBytesAtomically(join(dataDir, 'bench-rewrite.cache'), bytes);
    const cacheRewriteMs = performance.now() - cacheStarted;
    await bench.core.dispose();
    return {
      cacheRewriteMs,
      incrementalMs: incremental.ms,
      fullMs: full.ms,
      fullCpuMs: (fullCpu.user + fullCpu.system) / 1000,
      firstFullMs: first.ms,
      changed: ids.length,
      orgChange,
      fetched: incremental.result.fetched,
      mode: incremental.result.mode,
      rows: incremental.result.total,
      incrementalPeakRssMiB: incrementalPeak,
      fetchedByObject: floors[0]!.byObject,
      incrementalPhases,
      incrementalOrgCpuMs,
      fullOrgCpuMs,
      incrementalRequests,
      floors: floors.map(({ ms, cpuMs, orgCpuMs }) => ({ ms, cpuMs, orgCpuMs })),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The invoices-only change (#7): every 100th invoice of the list through control.updateInvoices (a balance halved, a draft posted, a due date moved). */
async function changeInvoices(list: InvoiceList, share: number): Promise<{ ids: string[]; orgChange: null }> {
  const every = Math.round(1 / share);
  const ids = list.invoices.filter((_, index) => index % every === 0).map((row) => row.id);
  await orgControl('updateInvoices', [ids]);
  return { ids, orgChange: null };
}

/**
 * The payments org's change (#13): 1 % of the invoices, three in four open (posted, something owed) and one in four paid, each
 * spread evenly over the list, changed through the money around them in one control call (changeReceivables, tests/org/control/
 * receivables-day.ts): what it did and how many records of each kind it created or changed come back for the row.
 */
async function changeReceivables(list: InvoiceList, share: number): Promise<{ ids: string[]; orgChange: unknown }> {
  const count = Math.round(list.invoices.length * share);
  const open = list.invoices.filter((row) => row.status === 'Posted' && (row.balance ?? 0) > 0);
  const paid = list.invoices.filter((row) => row.status === 'Paid');
  const spread = (rows: typeof open, n: number) => Array.from({ length: Math.min(n, rows.length) }, (_, k) => rows[Math.floor((k * rows.length) / n)]!.id);
  const openCount = Math.round(count * 0.75);
  const ids = [...spread(open, openCount), ...spread(paid, count - openCount)];
  return { ids, orgChange: await orgControl('changeReceivables', [ids]) };
}

async function orgControl(method: string, args: unknown[]): Promise<unknown> {
  const response = await fetch(`${input.orgUrl}/__org/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) });
  if (!response.ok) throw new Error(`org control ${method}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { result: unknown }).result;
}

/**
 * The incremental's floor: the queries it sent, asked again of the same unchanged org the plain way, all at once as the
 * incremental sends them (every page fetched and JSON.parse'd, nothing kept) — what any client pays for the same answers
 * here, most of it the org's own serial work on the two cores. Its wall, this process's CPU and the org's CPU in the
 * window, and the records per object ("Invoice", "PaymentLineInvoice" …) the queries answered.
 */
async function incrementalFloor(sent: SentQuery[], orgCpu: () => number): Promise<{ ms: number; cpuMs: number; orgCpuMs: number; byObject: Record<string, number> }> {
  const tokens = await signIn(input.orgUrl);
  const headers = { ...PAGE_HEADERS, Authorization: `Bearer ${tokens.access_token}` };
  const orgBefore = orgCpu();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const counts = await Promise.all(sent.map((query) => askPlainly(query, headers)));
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const orgCpuMs = orgCpu() - orgBefore;
  const byObject: Record<string, number> = {};
  sent.forEach((query, at) => {
    const object = objectOf(query.kind === 'bulk' ? query.soql : (new URLSearchParams(query.path.split('?')[1]).get('q') ?? ''));
    byObject[object] = (byObject[object] ?? 0) + counts[at]!;
  });
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, orgCpuMs, byObject };
}

/** What any program must do at the least: GET every page and parse it (fetch, or Node's http client with `overHttp`). */
async function baseline(overHttp: boolean): Promise<Record<string, unknown>> {
  if (!input.queryPath) throw new Error('the baseline needs the query path the app used');
  const tokens = await signIn(input.orgUrl);
  const headers = { ...PAGE_HEADERS, Authorization: `Bearer ${tokens.access_token}` };
  const rssBefore = await resetPeakSettled();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const rows = await plainRest(input.queryPath, headers, overHttp);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, rows, rssBeforeMiB: rssBefore, peakRssMiB: peakRssMiB() };
}

/** One REST query the plain way: every page fetched (fetch, or Node's http client) and parsed; answers the records. */
async function plainRest(path: string, headers: Record<string, string>, overHttp = false): Promise<number> {
  let url: string | undefined = path;
  let rows = 0;
  for (let pages = 0; url && pages < 10_000; pages++) {
    const text = overHttp ? await pageOverHttp(input.orgUrl + url, headers) : await pageOverFetch(input.orgUrl + url, headers);
    const page = JSON.parse(text) as { records: unknown[]; done: boolean; nextRecordsUrl?: string };
    rows += page.records.length;
    url = page.done ? undefined : page.nextRecordsUrl;
  }
  return rows;
}

async function pageOverFetch(url: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`page: HTTP ${response.status}`);
  return response.text();
}

async function pageOverHttp(url: string, headers: Record<string, string>): Promise<string> {
  const answer = await plainHttpGet(url, headers);
  if (answer.status !== 200) throw new Error(`page: HTTP ${answer.status}`);
  return answer.text;
}

/** One Bulk API 2.0 query the plain way: job created, polled as the app polls, each results part read as text and its lines counted. */
async function plainBulk(jobsPath: string, soql: string, headers: Record<string, string>): Promise<number> {
  const json = { ...headers, 'Content-Type': 'application/json' };
  const created = await fetch(input.orgUrl + jobsPath, { method: 'POST', headers: json, body: JSON.stringify({ operation: 'query', query: soql, contentType: 'CSV', columnDelimiter: 'COMMA', lineEnding: 'LF' }) });
  if (!created.ok) throw new Error(`floor job: HTTP ${created.status}`);
  let job = (await created.json()) as { id: string; state: string };
  const delays = [50, 100, 250, 500, 1000, 2000, 5000];
  for (let polls = 0; job.state !== 'JobComplete'; polls++) {
    if (job.state === 'Failed' || job.state === 'Aborted' || polls > 800) throw new Error(`floor job ${job.state}`);
    if (polls > 0) await new Promise((resolve) => setTimeout(resolve, delays[Math.min(polls - 1, delays.length - 1)]));
    job = (await (await fetch(`${input.orgUrl}${jobsPath}/${job.id}`, { headers })).json()) as typeof job;
  }
  let rows = 0;
  let locator = '';
  do {
    const response = await fetch(`${input.orgUrl}${jobsPath}/${job.id}/results?maxRecords=50000${locator ? `&locator=${encodeURIComponent(locator)}` : ''}`, { headers });
    if (!response.ok) throw new Error(`floor results: HTTP ${response.status}`);
    const text = await response.text();
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) rows++;
    rows--; // the header line
    const next = response.headers.get('sforce-locator');
    locator = next && next !== 'null' ? next : '';
  } while (locator);
  await fetch(`${input.orgUrl}${jobsPath}/${job.id}`, { method: 'DELETE', headers });
  return rows;
}

/**
 * The app's wire and schedule without the app's work (issue #13; not a floor for every client: an invoices query sent as one Bulk
 * API 2.0 job costs this org ~20% less CPU, see receivables.ts): every query the app-full sync sent, fetched the plain way and
 * thrown away — the invoices' query beside the related ones, these two at a time (RELATED_QUERIES_AT_ONCE), as the app
 * fetches them. No describe, no mapping, no copy written. Counting a CSV part's lines stands in for parsing it.
 */
async function fetchFloor(): Promise<Record<string, unknown>> {
  const [invoices, ...related] = input.queries ?? [];
  if (!invoices) throw new Error('the fetch floor needs the queries the app sent');
  const tokens = await signIn(input.orgUrl);
  const headers = { ...PAGE_HEADERS, Authorization: `Bearer ${tokens.access_token}` };
  const one = (query: SentQuery) => askPlainly(query, headers);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let next = 0;
  let rows = 0;
  const lane = async () => {
    while (next < related.length) {
      const fetched = await one(related[next++]!);
      rows += fetched;
    }
  };
  const counts = await Promise.all([one(invoices), lane(), lane()]);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, rows: counts[0] + rows, queries: input.queries!.length, bulk: input.queries!.filter((q) => q.kind === 'bulk').length };
}

runWorker(() => (input.mode === 'baseline' || input.mode === 'baseline-http' ? baseline(input.mode === 'baseline-http') : input.mode === 'fetch-floor' ? fetchFloor() : appSync()));
