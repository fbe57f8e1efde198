import type { IncomingMessage, ServerResponse } from 'node:http';
import { makeId } from '../data/ids.ts';
import { sfDateTime } from '../data/random.ts';
import type { OrgData } from '../org-data.ts';
import type { Faults } from '../control/faults.ts';
import { CsvBytes, csvHeader, csvLines } from '../soql/csv-rows.ts';
import { runQuery, type QueryResult } from '../soql/query.ts';
import { SfError } from '../soql/sf-error.ts';
import { keepPartBuffer, takePartBuffer } from './part-buffers.ts';
import { sendJson } from './respond.ts';

/**
 * Bulk API 2.0 query jobs (API 47.0+), as Salesforce serves them:
 *   POST   /services/data/vXX.X/jobs/query                 {operation: query|queryAll, query, contentType?, columnDelimiter?, lineEnding?} → job info (UploadComplete)
 *   GET    /services/data/vXX.X/jobs/query/<id>            → job info: InProgress at the first look, then JobComplete (or Failed, with errorMessage)
 *   GET    /services/data/vXX.X/jobs/query/<id>/results?maxRecords=N&locator=L → text/csv, headers Sforce-Locator ("null" on the last
 *          part) and Sforce-NumberOfRecords
 *   PATCH  /services/data/vXX.X/jobs/query/<id>            {state: "Aborted"} → job info; DELETE → 204
 * The query runs when the job is created (one snapshot of matching rows, like a REST cursor); results parts are slices of it.
 * Only CSV, COMMA and LF (what the app asks for); anything else is refused as Salesforce refuses an unknown value.
 */
export interface BulkJob {
  id: string;
  operation: 'query' | 'queryAll';
  object: string;
  apiVersion: number;
  createdDate: string;
  state: 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
  result: QueryResult | null;
  errorMessage?: string;
}

const MAX_JOBS = 100;
/** Salesforce's own cap on maxRecords is large; without maxRecords it picks a part size itself. */
const DEFAULT_PART = 100_000;

export class BulkJobs {
  private jobs = new Map<string, BulkJob>();
  private seq = 0;

  add(job: Omit<BulkJob, 'id'>): BulkJob {
    const full: BulkJob = { ...job, id: makeId('750', this.seq++) };
    this.jobs.set(full.id, full);
    while (this.jobs.size > MAX_JOBS) this.jobs.delete(this.jobs.keys().next().value!);
    return full;
  }

  get(id: string): BulkJob | undefined {
    return this.jobs.get(id);
  }

  list(): BulkJob[] {
    return [...this.jobs.values()];
  }

  delete(id: string): boolean {
    return this.jobs.delete(id);
  }

  clear(): void {
    this.jobs.clear();
  }
}

export interface BulkDeps {
  data: OrgData;
  faults: Faults;
  jobs: BulkJobs;
  userId: string;
}

const invalidJob = (message: string) => new SfError(400, 'INVALIDJOB', message);
const notFound = () => new SfError(404, 'NOT_FOUND', 'The requested resource does not exist');

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    const body = JSON.parse(text) as unknown;
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new SfError(400, 'JSON_PARSER_ERROR', 'The request body is not valid JSON');
}

/** Handles `parts` = ['jobs', 'query', id?, 'results'?] of an authenticated request; throws SfError for Salesforce's error answers. */
export async function handleBulkQuery(deps: BulkDeps, req: IncomingMessage, res: ServerResponse, url: URL, version: number, parts: string[], headers: Record<string, string>): Promise<void> {
  if (version < 47) throw notFound();
  const [, , id, sub] = parts;
  if (!id) {
    if (req.method !== 'POST') throw new SfError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${req.method}' not allowed. Allowed are POST`);
    const body = await jsonBody(req);
    const job = create(deps, version, url.pathname, body);
    // The job exists from here, whether or not its creator is still there for the answer.
    if (deps.faults.take(url.pathname, ['bulkCreateHeld'], String(body.query))) await deps.faults.cleared();
    return sendJson(res, 200, info(job, deps.userId), headers);
  }
  const job = deps.jobs.get(id);
  if (!job || parts.length > 4 || (sub !== undefined && sub !== 'results')) throw notFound();
  if (sub === 'results') {
    if (req.method !== 'GET') throw new SfError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${req.method}' not allowed. Allowed are GET`);
    return await sendResults(job, res, url, headers, deps.faults);
  }
  if (req.method === 'GET') {
    // A job is never complete at once in Salesforce: the first look finds it in progress (so clients poll).
    if (job.state === 'InProgress') job.state = job.errorMessage ? 'Failed' : 'JobComplete';
    if (job.state === 'UploadComplete') job.state = 'InProgress';
    return sendJson(res, 200, info(job, deps.userId), headers);
  }
  if (req.method === 'PATCH') {
    const body = await jsonBody(req);
    if (body.state !== 'Aborted') throw invalidJob(`Invalid state: ${String(body.state)}`);
    if (job.state === 'JobComplete' || job.state === 'Failed' || job.state === 'Aborted') throw invalidJob(`Cannot abort a job in state ${job.state}`);
    job.state = 'Aborted';
    job.result = null;
    return sendJson(res, 200, info(job, deps.userId), headers);
  }
  if (req.method === 'DELETE') {
    deps.jobs.delete(job.id);
    res.writeHead(204, headers);
    res.end();
    return;
  }
  throw new SfError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${req.method}' not allowed. Allowed are GET,PATCH,DELETE`);
}

function create(deps: BulkDeps, version: number, path: string, body: Record<string, unknown>): BulkJob {
  const { operation, query } = body;
  if (operation !== 'query' && operation !== 'queryAll') throw invalidJob(`Invalid operation: ${String(operation)}`);
  if (typeof query !== 'string' || !query.trim()) throw invalidJob('A query is required');
  for (const [key, allowed] of [['contentType', 'CSV'], ['columnDelimiter', 'COMMA'], ['lineEnding', 'LF']] as const) {
    if (body[key] !== undefined && body[key] !== allowed) throw invalidJob(`Invalid ${key}: ${String(body[key])} (the local org serves ${allowed})`);
  }
  // A query SOQL refuses is refused when the job is created, with the same error the REST query gives.
  const result = runQuery(deps.data, version, query, operation === 'queryAll');
  if (result.count) throw invalidJob('Aggregate Relationships and COUNT() are not supported by Bulk API 2.0 query');
  const base = { operation, object: result.table.name, apiVersion: version, createdDate: sfDateTime(deps.data.now()) } as const;
  // A job that fails in Salesforce (e.g. a timeout of the query on its servers) is created fine and found Failed when polled.
  if (deps.faults.take(path, ['bulkJobFailed'], query)) {
    return deps.jobs.add({ ...base, state: 'UploadComplete', result: null, errorMessage: 'InternalServerError : Failed to process query: the query timed out' });
  }
  return deps.jobs.add({ ...base, state: 'UploadComplete', result });
}

/**
 * Rows of a results part built per turn of the event loop. The org is one Node event loop and a part of 50,000 records is
 * 0.3–0.9 s of work: built in one go, every request that came meanwhile (the invoices' REST pages of the same sync) waited
 * for all of it (BENCHMARKS, session 16: six invoice pages in 4 s). Salesforce serves requests in parallel; here the
 * requests that came in are served between two slices. The answer is the same bytes, sent at once when complete.
 */
const SLICE_ROWS = 2_000;

async function sendResults(job: BulkJob, res: ServerResponse, url: URL, headers: Record<string, string>, faults: Faults): Promise<void> {
  if (job.state !== 'JobComplete' || !job.result) throw invalidJob(`Query job ${job.id} is in state ${job.state}: results are available only for a job in state JobComplete`);
  const result = job.result;
  const max = url.searchParams.get('maxRecords');
  const size = max === null ? DEFAULT_PART : Number(max);
  if (!Number.isInteger(size) || size <= 0) throw invalidJob(`Invalid maxRecords: ${max}`);
  const locator = url.searchParams.get('locator');
  const from = locator === null ? 0 : offsetOf(locator, result.rows.length);
  const to = Math.min(result.rows.length, from + size);
  // Faults of a broken server: a part that lost its last line, or a locator that leads back to the part just sent.
  const short = to > from && faults.take(url.pathname, ['bulkPartShort']);
  const loop = locator !== null && faults.take(url.pathname, ['bulkLocatorLoop']);
  // A server whose part header miscounts (the body and the job's total right): Sforce-NumberOfRecords one more than it holds.
  const countOff = faults.take(url.pathname, ['bulkPartCountOff']);
  const lines = csvLines(result);
  const end = short ? to - 1 : to;
  let gone = false;
  const onClose = () => (gone = true);
  res.once('close', onClose);
  // Room for ~200 bytes a record at once (what the app's objects take); more is made as it is needed.
  const out = new CsvBytes(takePartBuffer(4096 + 200 * Math.max(0, end - from)));
  out.text(csvHeader(result));
  try {
    for (let at = from; at < end; at += SLICE_ROWS) {
      if (at > from) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        // A client that went away (a cancelled sync) is not answered: the rest of the part is not built.
        if (gone) return;
      }
      lines(at, Math.min(end, at + SLICE_ROWS), out);
    }
  } finally {
    res.off('close', onClose);
  }
  const body = out.bytes();
  res.writeHead(200, {
    'Content-Type': 'text/csv',
    'Content-Length': String(body.length),
    'Sforce-Locator': loop ? locator : to >= result.rows.length ? 'null' : Buffer.from(String(to)).toString('base64url'),
    'Sforce-NumberOfRecords': String(to - from + (countOff ? 1 : 0)),
    ...headers,
  });
  // The buffer is kept for a later part only once the socket has taken every byte ('finish'); an answer cut short
  // ('close' without 'finish') may still have writes in flight, so its buffer is left to the collector.
  res.once('finish', () => keepPartBuffer(out.buffer));
  res.end(body);
}

function offsetOf(locator: string, rows: number): number {
  const offset = Number(Buffer.from(locator, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset <= 0 || offset > rows || Buffer.from(String(offset)).toString('base64url') !== locator) {
    throw new SfError(400, 'INVALID_LOCATOR', `Invalid locator: ${locator}`);
  }
  return offset;
}

function info(job: BulkJob, userId: string): Record<string, unknown> {
  return {
    id: job.id, operation: job.operation, object: job.object, createdById: userId, createdDate: job.createdDate,
    systemModstamp: job.createdDate, state: job.state, concurrencyMode: 'Parallel', contentType: 'CSV', apiVersion: job.apiVersion,
    jobType: 'V2Query', lineEnding: 'LF', columnDelimiter: 'COMMA',
    numberRecordsProcessed: job.state === 'JobComplete' ? job.result?.rows.length ?? 0 : 0, retries: 0, totalProcessingTime: 0,
    isPkChunkingSupported: true, ...(job.state === 'Failed' ? { errorMessage: job.errorMessage } : {}),
  };
}
