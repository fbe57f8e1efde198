import { AppError } from '../../../contract';
import { englishMessage } from '../../../contract/i18n/spoken-messages';
import { errorFacts } from '../../salesforce/error-facts';
import { bodyText, fetchTransport, jsforceAnswer, MAX_ANSWER_BYTES, sendWithFetch } from '../../salesforce/fetch-transport';
import { exchangeWhole } from '../../salesforce/http-exchange';
import { connectionAnswer, requestWith, sendAsConnection, type HttpRequest } from '../../salesforce/jsforce-adapter';
import type { PagerOptions, Requester } from '../sync/query-pager';
import { cancelled, toSyncError } from '../sync/sync-faults';
import { withRetries } from '../sync/with-retries';

/**
 * A small Bulk API 2.0 query client (API 47.0+) over jsforce's `request` (auth header, 401 → refresh → replay, error
 * parsing), not jsforce's `bulk2.query` (FIELD-NOTES: it breaks on multi-page results). One job per query:
 *   POST jobs/query {operation, query, contentType CSV, COMMA, LF} → poll GET jobs/query/<id> until JobComplete
 *   (Failed / Aborted: a clear error) → GET …/results?maxRecords=N[&locator=L] until Sforce-Locator is "null".
 * Each part is handed over as the CSV bytes Salesforce sent (header + rows); the records it held must be the part's
 * Sforce-NumberOfRecords, the whole the job's numberRecordsProcessed, and no locator may come twice — else the results are
 * incomplete: a clear error, never a copy with records missing or read twice. Every request is retried like a REST page
 * (5xx, dropped connections); a results part is asked for again with the same locator. A cancel stops at once. The job is
 * deleted once its results are read; one given up on (cancel, error) is aborted and deleted without waiting for it.
 */
export interface BulkQueryOptions extends PagerOptions {
  /** Records asked for per results part. */
  partRecords?: number;
  /** Bytes put in front of each part, in the buffer handed over with it (what the file keeps in front of a part). */
  partPrefix?: Buffer;
  /** Waits between two looks at a job still running (the last one repeats). */
  pollDelaysMs?: readonly number[];
  /** Told of each job created and each deleted (open-bulk-jobs.ts: what a killed sync leaves is deleted by the next). */
  jobs?: BulkJobLedger;
}

/** What a sync's Bulk API 2.0 jobs tell the connection's ledger (open-bulk-jobs.ts): a job was created, a job was deleted. */
export interface BulkJobLedger {
  opened(id: string): void;
  closed(id: string): void;
  /** The jobs an earlier run of the app created and never deleted (it was killed), once: each is handed out to one caller. */
  left(): Promise<string[]>;
}

const DEFAULT_PART_RECORDS = 50_000;
const DEFAULT_POLL_DELAYS_MS = [50, 100, 250, 500, 1000, 2000, 5000];
/** The most looks at one job before the sync gives up on it (at 5 s each: over an hour). */
const MAX_POLLS = 800;

interface JobInfo {
  id: string;
  state: string;
  errorMessage?: string;
  numberRecordsProcessed?: number;
}

/** Answers by which an org says it has no Bulk API 2.0 for this user: the caller fetches through REST instead. */
const UNSUPPORTED = new Set(['NOT_FOUND', 'FEATURENOTENABLED', 'API_DISABLED_FOR_ORG', 'INSUFFICIENT_ACCESS', 'INSUFFICIENT_ACCESS_OR_READONLY']);

/**
 * One request through the connection with the sync's limits (a job's creation and its looks: small JSON answers). With
 * `outlivesCancel`, a try already sent runs on to its answer (its own timeout) when the sync is cancelled: no try after it.
 */
async function send(conn: Requester, request: HttpRequest, options: PagerOptions, outlivesCancel = false): Promise<unknown> {
  const transport = fetchTransport(async (req) => {
    const timeout = AbortSignal.timeout(120_000);
    const response = await sendWithFetch(req, outlivesCancel ? timeout : AbortSignal.any([timeout, options.signal]));
    return jsforceAnswer(response, await bodyText(response, MAX_ANSWER_BYTES));
  });
  return withRetries(() => requestWith<unknown>(conn, request, transport), options, options.signal);
}

const isJobId = (id: unknown): id is string => typeof id === 'string' && /^[A-Za-z0-9]{15,18}$/.test(id);

/**
 * The job's creation (POST). Salesforce creates the job once it has the request, whatever the app does next: a creation cut
 * off by a cancel left a job whose id never came back, and nothing deleted it (review27: 3 of 5 cancels at the requests that
 * create the jobs). So the request runs on to its answer, and the job it names is aborted and deleted then; the cancel itself
 * is answered at once.
 */
async function createJob(conn: Requester, base: string, soql: string, options: BulkQueryOptions): Promise<JobInfo> {
  const body = JSON.stringify({ operation: 'query', query: soql, contentType: 'CSV', columnDelimiter: 'COMMA', lineEnding: 'LF' });
  const creating = send(conn, { method: 'POST', url: base, headers: { 'Content-Type': 'application/json' }, body }, options, true) as Promise<JobInfo>;
  let onCancel = () => undefined as void;
  const cancel = new Promise<never>((_, reject) => (onCancel = () => reject(cancelled())));
  options.signal.addEventListener('abort', onCancel, { once: true });
  try {
    return await Promise.race([creating, cancel]);
  } catch (error) {
    if (options.signal.aborted) {
      void creating.then((job) => {
        if (!isJobId(job?.id)) return;
        options.jobs?.opened(job.id);
        return closeJob(conn, `${base}/${job.id}`, true, options.jobs);
      }, () => undefined);
    }
    throw error;
  } finally {
    options.signal.removeEventListener('abort', onCancel);
  }
}

/**
 * One results part as it came: `bytes` is the part's CSV (header and rows) as Salesforce sent it, behind `prefix` (the
 * caller's bytes in front of it, in one buffer: `whole`); the answer's headers (names lower-cased).
 */
interface ResultsPart {
  whole: Buffer;
  bytes: Buffer;
  headers: Record<string, string>;
}

const tooLarge = () => new AppError('SALESFORCE_ERROR', englishMessage('answerTooLarge', { size: `${MAX_ANSWER_BYTES / (1024 * 1024)} MB` }));

/**
 * GET one results part, retried like a REST page (a dropped body is asked for again with the same locator). Sent without
 * jsforce's request chain where the connection allows it (`sendAsConnection`: same URL, token, renewal on 401): the chain
 * wrote every answer into a stream nobody reads — an ~8 MB part's text encoded to bytes once more for nothing. Its error
 * answers are read by jsforce as before.
 *
 * Read with Node's `http`/`https` (http-exchange.ts), not fetch: the part's bytes are copied once, from the socket's chunks
 * into one buffer of exactly its size behind `prefix` (what the file keeps in front of a part) — fetch copied every chunk
 * once more into its web stream, and the chunks were copied again into that buffer at the end: off-heap memory that
 * brings V8's full collections on (BENCHMARKS.md, sessions 16, 21 and 22).
 */
function getPart(conn: Requester, url: string, prefix: Buffer, options: PagerOptions): Promise<ResultsPart> {
  return withRetries(
    async () => {
      let part = null as ResultsPart | null;
      const transport = fetchTransport(async (req) => {
        const signal = AbortSignal.any([AbortSignal.timeout(120_000), options.signal]);
        const answer = await exchangeWhole(req, { signal, maxBytes: MAX_ANSWER_BYTES, tooLarge, prefix });
        if (answer.statusCode < 200 || answer.statusCode > 299) return { statusCode: answer.statusCode, headers: answer.headers, body: answer.body.toString('utf8') };
        part = { whole: answer.whole, bytes: answer.body, headers: answer.headers };
        // jsforce would parse text/csv itself (into objects, slowly): it gets an empty text, the part is kept here.
        return { statusCode: answer.statusCode, headers: { ...answer.headers, 'content-type': 'text/plain' }, body: '' };
      });
      const request: HttpRequest = { method: 'GET', url, headers: {} };
      const own = sendAsConnection(conn, request, transport);
      await (own ? own.then((answer) => connectionAnswer(conn, answer)) : requestWith(conn, request, transport));
      if (!part) throw new AppError('SALESFORCE_ERROR', englishMessage('queryUnexpectedAnswer'));
      return part;
    },
    options,
    options.signal,
  );
}

/**
 * Best effort, one try, never the sync's signal (a cancelled sync still closes its job): abort if asked, then delete. A job
 * deleted (or already gone) leaves the ledger; one that could not be is deleted by a later sync.
 */
async function closeJob(conn: Requester, url: string, abort: boolean, jobs?: BulkJobLedger): Promise<void> {
  const transport = fetchTransport(async (req) => {
    const response = await sendWithFetch(req, AbortSignal.timeout(15_000));
    return jsforceAnswer(response, await bodyText(response, 64 * 1024));
  });
  try {
    if (abort) await requestWith(conn, { method: 'PATCH', url, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ state: 'Aborted' }) }, transport);
  } catch {
    // A job that ended meanwhile cannot be aborted: it is deleted all the same.
  }
  try {
    await requestWith(conn, { method: 'DELETE', url, headers: {} }, transport);
  } catch (error) {
    // Salesforce deletes a job's results after 7 days itself; nothing of the sync depends on it. Kept for a later try.
    if (!errorFacts(error).chainCodes.some((code) => code?.toUpperCase() === 'NOT_FOUND')) return;
  }
  jobs?.closed(url.slice(url.lastIndexOf('/') + 1));
}

/**
 * Deletes the Bulk jobs an earlier run of the app created and never deleted (killed during a full sync: Salesforce would
 * keep them 7 days, counted against the org's limits): each aborted and deleted, one try each (a job deleted since, or
 * gone: NOT_FOUND, leaves the ledger too). Never rejects; the sync runs beside it and does not wait for it.
 */
export async function closeLeftJobs(conn: Requester, apiVersion: string, jobs: BulkJobLedger): Promise<void> {
  try {
    const left = await jobs.left();
    await Promise.all(left.map((id) => closeJob(conn, `/services/data/v${apiVersion}/jobs/query/${id}`, true, jobs)));
  } catch {
    // Best effort: the ids stay for a later sync.
  }
}

const incomplete = (object: string) => new AppError('SALESFORCE_ERROR', englishMessage('bulkQueryIncomplete', { object }));

/**
 * A Bulk API 2.0 query job created and looked at until Salesforce finished it (`startBulkJob`), its results not read yet:
 * `read` them once, or `close` a job the sync no longer reads (a failure elsewhere, a cancel). Started apart from the read
 * so that a sync can have every job it needs run at Salesforce at once while it reads another's parts (related-sync.ts).
 */
export interface StartedBulkJob {
  /**
   * Hands each results part to `part` (its CSV as the bytes Salesforce sent, and the same behind `options.partPrefix` in one
   * buffer, and the records Salesforce says it holds; it answers how many records the part held); resolves with the number of
   * records. The job is deleted once its results are read (`closed`), aborted and deleted in the background on a failure.
   */
  read(part: (csv: Buffer, whole: Buffer, declared: number) => number): Promise<number>;
  /** Deletes a job whose results will not be read (best effort, in the background; never the sync's signal). */
  close(): void;
  /** Settles (never rejects) once the job read is deleted: the caller goes on meanwhile and waits for it at its end. */
  closed(): Promise<void>;
}

/**
 * Creates `soql`'s job and looks at it until it is complete (Failed / Aborted: a clear error; the job is aborted and deleted
 * in the background). Resolves with null when the org has no Bulk API 2.0 for this user (nothing was created).
 */
export async function startBulkJob(conn: Requester, soql: string, object: string, options: BulkQueryOptions): Promise<StartedBulkJob | null> {
  const base = `/services/data/v${options.apiVersion}/jobs/query`;
  let created: string | null = null;
  try {
    let job: JobInfo;
    try {
      job = await createJob(conn, base, soql, options);
    } catch (error) {
      if (!options.signal.aborted && errorFacts(error).chainCodes.some((code) => code !== undefined && UNSUPPORTED.has(code.toUpperCase()))) return null;
      throw error;
    }
    if (!job || !isJobId(job.id)) throw new AppError('SALESFORCE_ERROR', englishMessage('queryUnexpectedAnswer'));
    created = job.id;
    options.jobs?.opened(job.id);
    const delays = options.pollDelaysMs ?? DEFAULT_POLL_DELAYS_MS;
    for (let polls = 0; job.state !== 'JobComplete'; polls++) {
      if (job.state === 'Failed') throw new AppError('SALESFORCE_ERROR', englishMessage('bulkQueryFailed', { object, reason: job.errorMessage ?? '' }));
      if (job.state === 'Aborted') throw new AppError('SALESFORCE_ERROR', englishMessage('bulkQueryAborted', { object }));
      if (polls >= MAX_POLLS) throw new AppError('SALESFORCE_ERROR', englishMessage('queryUnexpectedAnswer'));
      if (polls > 0) await options.sleep(delays[Math.min(polls - 1, delays.length - 1)]!, options.signal);
      job = (await send(conn, { method: 'GET', url: `${base}/${job.id}`, headers: {} }, options)) as JobInfo;
    }
    return completedJob(conn, `${base}/${job.id}`, job, object, options);
  } catch (error) {
    // One given up on (cancel, error) is aborted and deleted without waiting for it.
    if (created !== null) void closeJob(conn, `${base}/${created}`, true, options.jobs);
    if (options.signal.aborted) throw cancelled();
    throw toSyncError(error);
  }
}

function completedJob(conn: Requester, jobUrl: string, job: JobInfo, object: string, options: BulkQueryOptions): StartedBulkJob {
  let used = false;
  let closing: Promise<void> = Promise.resolve();
  return {
    closed: () => closing,
    close() {
      if (used) return;
      used = true;
      void closeJob(conn, jobUrl, false, options.jobs);
    },
    async read(part) {
      if (used) throw new Error('a Bulk job read twice');
      used = true;
      let done = false;
      try {
        const records = await readParts(conn, jobUrl, object, options, part);
        if (typeof job.numberRecordsProcessed === 'number' && job.numberRecordsProcessed !== records) throw incomplete(object);
        done = true;
        return records;
      } catch (error) {
        if (options.signal.aborted) throw cancelled();
        throw toSyncError(error);
      } finally {
        // Deleted while the sync reads on (the caller waits for it before it answers, `closed`); one given up on is
        // aborted and deleted in the background (a cancel is at once).
        closing = closeJob(conn, jobUrl, !done, options.jobs);
      }
    },
  };
}

/**
 * The parts of a complete job, in order. The next part is asked for before a part is handed on (its locator is in the
 * headers): Salesforce prepares it while the app reads this one — one request in flight, parts in order, as REST pages.
 */
async function readParts(conn: Requester, jobUrl: string, object: string, options: BulkQueryOptions, part: (csv: Buffer, whole: Buffer, declared: number) => number): Promise<number> {
  let records = 0;
  const locators = new Set<string>();
  const partUrl = (locator: string | null) => `${jobUrl}/results?maxRecords=${options.partRecords ?? DEFAULT_PART_RECORDS}${locator ? `&locator=${encodeURIComponent(locator)}` : ''}`;
  // The part asked for ahead is withdrawn when the query ends without it (the part before it was refused).
  const ahead = new AbortController();
  const partOptions = { ...options, signal: AbortSignal.any([options.signal, ahead.signal]) };
  try {
    const prefix = options.partPrefix ?? Buffer.alloc(0);
    let next: Promise<ResultsPart> | null = getPart(conn, partUrl(null), prefix, partOptions);
    while (next) {
      const { bytes, whole, headers }: ResultsPart = await next;
      if (options.signal.aborted) throw cancelled();
      const said: string | undefined = headers['sforce-locator'];
      if (said === undefined || said === '') throw new AppError('SALESFORCE_ERROR', englishMessage('queryUnexpectedAnswer'));
      const locator: string | null = said === 'null' ? null : said;
      if (locator !== null) {
        if (locators.has(locator)) throw incomplete(object);
        locators.add(locator);
      }
      next = locator === null ? null : getPart(conn, partUrl(locator), prefix, partOptions);
      next?.catch(() => undefined); // awaited above on the next turn; a failure surfaces there
      // The request goes on the wire only once this task yields (query-pager.ts; http.request as fetch): before the part is read.
      if (next) await new Promise<void>((resolve) => setImmediate(resolve));
      if (options.signal.aborted) throw cancelled();
      const declared = Number(headers['sforce-numberofrecords']);
      const held = part(bytes, whole, declared);
      if (held !== declared) throw incomplete(object);
      records += held;
    }
  } finally {
    ahead.abort();
  }
  return records;
}
