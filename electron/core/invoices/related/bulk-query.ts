import { AppError } from '../../../contract';
import { englishMessage } from '../../../contract/i18n/spoken-messages';
import { errorFacts } from '../../salesforce/error-facts';
import { bodyText, fetchTransport, jsforceAnswer, MAX_ANSWER_BYTES, sendWithFetch } from '../../salesforce/fetch-transport';
import { requestWith, type HttpRequest } from '../../salesforce/jsforce-adapter';
import type { PagerOptions, Requester } from '../sync/query-pager';
import { cancelled, toSyncError } from '../sync/sync-faults';
import { withRetries } from '../sync/with-retries';

/**
 * A small Bulk API 2.0 query client (API 47.0+) over jsforce's `request` (auth header, 401 → refresh → replay, error
 * parsing), not jsforce's `bulk2.query` (FIELD-NOTES: it breaks on multi-page results). One job per query:
 *   POST jobs/query {operation, query, contentType CSV, COMMA, LF} → poll GET jobs/query/<id> until JobComplete
 *   (Failed / Aborted: a clear error) → GET …/results?maxRecords=N[&locator=L] until Sforce-Locator is "null".
 * Each part is handed over as the CSV text Salesforce sent (header + rows); the records it held must be the part's
 * Sforce-NumberOfRecords, the whole the job's numberRecordsProcessed, and no locator may come twice — else the results are
 * incomplete: a clear error, never a copy with records missing or read twice. Every request is retried like a REST page
 * (5xx, dropped connections); a results part is asked for again with the same locator. A cancel stops at once. The job is
 * deleted once its results are read; one given up on (cancel, error) is aborted and deleted without waiting for it.
 */
export interface BulkQueryOptions extends PagerOptions {
  /** Records asked for per results part. */
  partRecords?: number;
  /** Waits between two looks at a job still running (the last one repeats). */
  pollDelaysMs?: readonly number[];
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

/** One request through the connection with the sync's limits; the CSV of a results part comes back as plain text with its headers. */
async function send(conn: Requester, request: HttpRequest, options: PagerOptions, seen?: (headers: Record<string, string>) => void): Promise<unknown> {
  const transport = fetchTransport(async (req) => {
    const response = await sendWithFetch(req, AbortSignal.any([AbortSignal.timeout(120_000), options.signal]));
    const answer = jsforceAnswer(response, await bodyText(response, MAX_ANSWER_BYTES));
    if (response.ok && seen) {
      seen(answer.headers as Record<string, string>);
      // jsforce would parse text/csv itself (into objects, slowly): the caller parses it into cells.
      answer.headers = { ...answer.headers, 'content-type': 'text/plain' };
    }
    return answer;
  });
  return withRetries(() => requestWith<unknown>(conn, request, transport), options, options.signal);
}

/** Best effort, one try, never the sync's signal (a cancelled sync still closes its job): abort if asked, then delete. */
async function closeJob(conn: Requester, url: string, abort: boolean): Promise<void> {
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
  } catch {
    // Salesforce deletes a job's results after 7 days itself; nothing of the sync depends on it.
  }
}

const incomplete = (object: string) => new AppError('SALESFORCE_ERROR', englishMessage('bulkQueryIncomplete', { object }));

/**
 * Runs `soql` as a Bulk API 2.0 query job and hands each results part to `part` (CSV text; it answers how many records
 * the part held). Resolves with the number of records, or with null when the org has no Bulk API 2.0 for this user
 * (nothing was fetched).
 */
export async function bulkQuery(conn: Requester, soql: string, object: string, options: BulkQueryOptions, part: (csv: string) => number): Promise<number | null> {
  const base = `/services/data/v${options.apiVersion}/jobs/query`;
  const json = { 'Content-Type': 'application/json' };
  let created: string | null = null;
  let done = false;
  try {
    let job: JobInfo;
    try {
      job = (await send(conn, { method: 'POST', url: base, headers: json, body: JSON.stringify({ operation: 'query', query: soql, contentType: 'CSV', columnDelimiter: 'COMMA', lineEnding: 'LF' }) }, options)) as JobInfo;
    } catch (error) {
      if (!options.signal.aborted && errorFacts(error).chainCodes.some((code) => code !== undefined && UNSUPPORTED.has(code.toUpperCase()))) return null;
      throw error;
    }
    if (!job || typeof job.id !== 'string' || !/^[A-Za-z0-9]{15,18}$/.test(job.id)) throw new AppError('SALESFORCE_ERROR', englishMessage('queryUnexpectedAnswer'));
    created = job.id;
    const delays = options.pollDelaysMs ?? DEFAULT_POLL_DELAYS_MS;
    for (let polls = 0; job.state !== 'JobComplete'; polls++) {
      if (job.state === 'Failed') throw new AppError('SALESFORCE_ERROR', englishMessage('bulkQueryFailed', { object, reason: job.errorMessage ?? '' }));
      if (job.state === 'Aborted') throw new AppError('SALESFORCE_ERROR', englishMessage('bulkQueryAborted', { object }));
      if (polls >= MAX_POLLS) throw new AppError('SALESFORCE_ERROR', englishMessage('queryUnexpectedAnswer'));
      if (polls > 0) await options.sleep(delays[Math.min(polls - 1, delays.length - 1)]!, options.signal);
      job = (await send(conn, { method: 'GET', url: `${base}/${job.id}`, headers: {} }, options)) as JobInfo;
    }
    let records = 0;
    let locator: string | null = null;
    const locators = new Set<string>();
    do {
      let headers: Record<string, string> = {};
      const query = `maxRecords=${options.partRecords ?? DEFAULT_PART_RECORDS}${locator ? `&locator=${encodeURIComponent(locator)}` : ''}`;
      const text = await send(conn, { method: 'GET', url: `${base}/${job.id}/results?${query}`, headers: {} }, options, (h) => (headers = h));
      if (typeof text !== 'string') throw new AppError('SALESFORCE_ERROR', englishMessage('queryUnexpectedAnswer'));
      if (options.signal.aborted) throw cancelled();
      const next = headers['sforce-locator'];
      if (next === undefined || next === '') throw new AppError('SALESFORCE_ERROR', englishMessage('queryUnexpectedAnswer'));
      const said = Number(headers['sforce-numberofrecords']);
      const held = part(text);
      if (held !== said) throw incomplete(object);
      records += held;
      locator = next === 'null' ? null : next;
      if (locator !== null) {
        if (locators.has(locator)) throw incomplete(object);
        locators.add(locator);
      }
    } while (locator);
    if (typeof job.numberRecordsProcessed === 'number' && job.numberRecordsProcessed !== records) throw incomplete(object);
    done = true;
    return records;
  } catch (error) {
    if (options.signal.aborted) throw cancelled();
    throw toSyncError(error);
  } finally {
    if (created !== null) {
      const closing = closeJob(conn, `${base}/${created}`, !done);
      // A finished job is deleted before the sync goes on; one given up on is closed in the background (a cancel is at once).
      if (done) await closing;
    }
  }
}
