import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBulkJob } from '../../../electron/core/invoices/related/bulk-query';
import type { PagerOptions } from '../../../electron/core/invoices/sync/query-pager';
import { limitedTransport } from '../../../electron/core/salesforce/http-limits';
import { createConnection, wrapTransports } from '../../../electron/core/salesforce/jsforce-adapter';
import { renewOnExpiredSession } from '../../../electron/core/salesforce/session-renewal';
import { listenLoopback } from './loopback';

/**
 * A Bulk API 2.0 query's results parts, read through Node's http module (http-exchange.ts), against a loopback server that
 * plays Salesforce's jobs API and breaks a part when told: through the session's connection as the sync sends them (its
 * token, the renewal on 401 and its replay), a part cut mid-body asked for again with the same locator, and the failures
 * that must end the query — an over-size part, a redirect, a cancel while a part's body is on its way.
 */
const JOB = '750000000000001AAA';
const PARTS = 3;
const ROWS = 2_000;
/** Each part's CSV: header and ~70 KB of rows with non-ASCII names. */
const csvOf = (part: number) => Buffer.from(`"Id","Name"\n${Array.from({ length: ROWS }, (_, i) => `"a0${String(part * ROWS + i).padStart(16, '0')}","Zoë 株式会社 ${i}"`).join('\n')}\n`, 'utf8');
const PREFIX = Buffer.from('PART');

type Fault = (res: ServerResponse) => void;
let server: Awaited<ReturnType<typeof listenLoopback>>;
let base: string;
let validToken = 'fresh';
/** Faults for the results requests, in order (each used once). */
let faults: Fault[] = [];
let results: { locator: string | null; auth: string }[] = [];

function answer(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', base);
  if (req.headers.authorization !== `Bearer ${validToken}`) {
    res.writeHead(401, { 'content-type': 'application/json' });
    return void res.end(JSON.stringify([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]));
  }
  if (req.method === 'POST') return json(res, { id: JOB, state: 'UploadComplete' });
  if (req.method !== 'GET') return void (res.writeHead(204), res.end());
  if (!url.pathname.endsWith('/results')) return json(res, { id: JOB, state: 'JobComplete', numberRecordsProcessed: PARTS * ROWS });
  const locator = url.searchParams.get('locator');
  results.push({ locator, auth: req.headers.authorization });
  const fault = faults.shift();
  if (fault) return fault(res);
  const part = locator === null ? 0 : Number(locator);
  const body = csvOf(part);
  res.writeHead(200, { 'content-type': 'text/csv', 'content-length': String(body.length), 'sforce-locator': part + 1 < PARTS ? String(part + 1) : 'null', 'sforce-numberofrecords': String(ROWS) });
  res.end(body);
}
function json(res: ServerResponse, value: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

beforeAll(async () => {
  server = await listenLoopback(answer);
  base = server.base;
});
afterAll(() => server.close());
beforeEach(() => {
  validToken = 'fresh';
  faults = [];
  results = [];
});

/** A connection as the session manager makes one: renewal on 401 around every transport it sends through. */
function connection() {
  const conn = createConnection({ instanceUrl: base, accessToken: 'fresh', version: '62.0' }, limitedTransport({ timeoutMs: 5_000, maxRetries: 0, retryDelayMs: 5 }));
  wrapTransports(conn, (transport) => renewOnExpiredSession(transport, async () => ((conn.accessToken = validToken), validToken)));
  return conn;
}

async function query(signal = new AbortController().signal) {
  const parts: { csv: Buffer; whole: Buffer }[] = [];
  const options: PagerOptions & { partPrefix: Buffer; pollDelaysMs: number[] } = { apiVersion: '62.0', pageSize: 2_000, maxRestarts: 0, signal, retryDelaysMs: [1, 1], sleep: async () => undefined, partPrefix: PREFIX, pollDelaysMs: [1] };
  const job = await startBulkJob(connection(), 'SELECT Id, Name FROM Payment', 'Payment', options);
  const records = await job!.read((csv, whole, declared) => {
    parts.push({ csv: Buffer.from(csv), whole: Buffer.from(whole) });
    return declared;
  });
  return { records, parts };
}

const expectAllParts = (parts: { csv: Buffer; whole: Buffer }[]) => {
  expect(parts.map((p) => p.csv.equals(csvOf(parts.indexOf(p))))).toEqual(Array(PARTS).fill(true));
  expect(parts.every((p) => p.whole.equals(Buffer.concat([PREFIX, p.csv])))).toBe(true);
};

describe('a Bulk query’s results parts through Node’s http module', () => {
  it('hands over every part byte for byte, behind the prefix, in order', async () => {
    const { records, parts } = await query();
    expect(records).toBe(PARTS * ROWS);
    expectAllParts(parts);
    expect(results.map((r) => r.locator)).toEqual([null, '1', '2']);
  });

  it('renews a session that expired at a part (401) and replays the part with the new token', async () => {
    faults = [
      (res) => {
        validToken = 'renewed';
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]));
      },
    ];
    const { parts } = await query();
    expectAllParts(parts);
    expect(results).toEqual([
      { locator: null, auth: 'Bearer fresh' },
      { locator: null, auth: 'Bearer renewed' },
      { locator: '1', auth: 'Bearer renewed' },
      { locator: '2', auth: 'Bearer renewed' },
    ]);
  });

  it('asks again, with the same locator, for a part cut off mid-body: the same bytes', async () => {
    faults = [
      (res) => {
        res.writeHead(200, { 'content-type': 'text/csv', 'content-length': String(csvOf(0).length), 'sforce-locator': '1', 'sforce-numberofrecords': String(ROWS) });
        res.write(csvOf(0).subarray(0, 30_000));
        setTimeout(() => res.socket?.destroy(), 20);
      },
    ];
    const { parts } = await query();
    expectAllParts(parts);
    expect(results.map((r) => r.locator)).toEqual([null, null, '1', '2']);
  });

  it('fails a part larger than 64 MB (declared) with a clear error, and does not ask again', async () => {
    faults = [(res) => (res.writeHead(200, { 'content-type': 'text/csv', 'content-length': String(65 * 1024 * 1024), 'sforce-locator': 'null' }), res.write('"Id"\n'))];
    await expect(query()).rejects.toMatchObject({ code: 'SALESFORCE_ERROR', message: expect.stringContaining('larger than 64 MB') });
    expect(results).toHaveLength(1);
  });

  it('does not follow a redirect of a part: a clear error, the other address never asked', async () => {
    faults = [(res) => (res.writeHead(302, { location: `${base}/services/data/v62.0/jobs/query/${JOB}/results?locator=2` }), res.end())];
    await expect(query()).rejects.toMatchObject({ code: 'SALESFORCE_ERROR' });
    expect(results.map((r) => r.locator)).toEqual([null]);
  });

  it('ends at a cancel while a part’s body is on its way: CANCELLED at once', async () => {
    faults = [(res) => (res.writeHead(200, { 'content-type': 'text/csv', 'sforce-locator': '1', 'sforce-numberofrecords': String(ROWS) }), res.write('"Id","Name"\n'))];
    const user = new AbortController();
    const pending = query(user.signal);
    await expect.poll(() => results.length).toBe(1);
    user.abort();
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
