import { createServer, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { limitedTransport, type HttpLimits } from '../../../electron/core/salesforce/http-limits';
import { createConnection } from '../../../electron/core/salesforce/jsforce-adapter';
import { toAppError } from '../../../electron/core/salesforce/salesforce-errors';
import { smallAnswerTransport } from '../../../electron/core/salesforce/small-answer-transport';
import { salesforceGet } from '../../../electron/core/invoices/sync/salesforce-get';

/**
 * The transport a session's connection sends its own requests through (query, describe, request), against a
 * loopback server that answers from a script: jsforce's retry rules kept (idempotent requests, 5xx and
 * network failures before the headers), one limit covering the body, and a body cut mid-way failing the
 * request as NETWORK instead of escaping (jsforce 3.10.26's own transport: an uncaught exception).
 */
type Reply = (res: ServerResponse) => void;
const QUERY_OK = JSON.stringify({ totalSize: 2, done: true, records: [] });

const ok: Reply = (res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(QUERY_OK);
};
const unavailable: Reply = (res) => {
  res.writeHead(503, { 'content-type': 'text/plain' });
  res.end('Service Unavailable');
};
/** Headers and half the body, then the connection is destroyed. */
const cut: Reply = (res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(QUERY_OK.length) });
  res.write(QUERY_OK.slice(0, 10));
  setTimeout(() => res.socket?.destroy(), 20);
};
/** A query answer of about 5 KB, declared in its headers (`chunked: false`) or sent in pieces without a length. */
const large =
  (chunked: boolean): Reply =>
  (res) => {
    const body = JSON.stringify({ totalSize: 1, done: true, records: [{ Name: 'x'.repeat(5_000) }] });
    res.writeHead(200, { 'content-type': 'application/json', ...(chunked ? {} : { 'content-length': String(body.length) }) });
    if (!chunked) return void res.end(body);
    res.write(body.slice(0, 2_000));
    setTimeout(() => res.end(body.slice(2_000)), 20);
  };
/** A query answer with non-ASCII names sent one byte at a time: every multi-byte character arrives split. */
const NAMES = ['Müller & Söhne GmbH', 'Société Générale', '株式会社サンプル', 'Zoë 🚀 Ltd'];
const bytewise: Reply = (res) => {
  const body = Buffer.from(JSON.stringify({ totalSize: NAMES.length, done: true, records: NAMES.map((Name) => ({ Name })) }), 'utf8');
  res.writeHead(200, { 'content-type': 'application/json' });
  let at = 0;
  const next = () => (at < body.length ? res.write(body.subarray(at, ++at), () => setImmediate(next)) : res.end());
  next();
};
/** The same names gzipped (as Salesforce answers when asked), with a BOM first, in small pieces of the compressed body. */
const gzipped: Reply = (res) => {
  const body = gzipSync(Buffer.from(`\ufeff${JSON.stringify({ totalSize: NAMES.length, done: true, records: NAMES.map((Name) => ({ Name })) })}`, 'utf8'));
  res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
  let at = 0;
  const next = () => (at < body.length ? res.write(body.subarray(at, (at += 7)), () => setImmediate(next)) : res.end());
  next();
};
/** 5 KB of names in a few hundred gzipped bytes, declared: small on the wire, large once unpacked. */
const gzipLarge: Reply = (res) => {
  const body = gzipSync(Buffer.from(JSON.stringify({ totalSize: 1, done: true, records: [{ Name: 'x'.repeat(5_000) }] }), 'utf8'));
  res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(body.length) });
  res.end(body);
};
/** Headers at once, then nothing. */
const stall: Reply = (res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{');
};

let server: Server;
let base: string;
let script: Reply[] = [];
let seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.method ?? '');
    (script.shift() ?? ok)(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  script = [];
  seen = [];
});

function connection(limits: HttpLimits = { timeoutMs: 5_000, maxRetries: 2, retryDelayMs: 5 }, instanceUrl = base) {
  return createConnection({ instanceUrl, accessToken: '00D000000000001!AQ.fake', version: '62.0' }, limitedTransport(limits));
}

async function mappedFailure(work: PromiseLike<unknown>) {
  try {
    await work;
  } catch (error) {
    return toAppError(error);
  }
  throw new Error('expected a failure');
}

describe("a connection's own transport", () => {
  it('retries a query answered 503 and returns the answer that followed', async () => {
    script = [unavailable, unavailable];
    const result = await connection().query('SELECT Id FROM Invoice');
    expect(result.totalSize).toBe(2);
    expect(seen).toEqual(['GET', 'GET', 'GET']);
  });

  it('stops after maxRetries and reports the outage as NETWORK', async () => {
    script = [unavailable, unavailable, unavailable, unavailable];
    const error = await mappedFailure(connection({ timeoutMs: 5_000, maxRetries: 1, retryDelayMs: 5 }).query('SELECT Id FROM Invoice'));
    expect(error.code).toBe('NETWORK');
    expect(seen).toHaveLength(2);
  });

  it('never repeats a POST, which Salesforce may already have acted on', async () => {
    script = [unavailable];
    const error = await mappedFailure(connection().request({ method: 'POST', url: '/services/data/v62.0/sobjects/Note', body: '{}', headers: {} }));
    expect(error.code).toBe('NETWORK');
    expect(seen).toEqual(['POST']);
  });

  it('fails an answer cut off mid-body as NETWORK, without a retry (the answer had begun)', async () => {
    script = [cut];
    const error = await mappedFailure(connection().query('SELECT Id FROM Invoice'));
    expect(error.code).toBe('NETWORK');
    expect(seen).toHaveLength(1);
    expect((await connection().query('SELECT Id FROM Invoice')).totalSize).toBe(2); // the next request works
  });

  it('ends a body that stalls after its headers at the limit, as NETWORK', async () => {
    script = [stall];
    const error = await mappedFailure(connection({ timeoutMs: 300, maxRetries: 2, retryDelayMs: 5 }).query('SELECT Id FROM Invoice'));
    expect(error).toMatchObject({ code: 'NETWORK' });
    expect(seen).toHaveLength(1);
  });

  it.each([
    ['declared in its headers', false],
    ['as it arrives (no length given)', true],
  ])('fails an answer larger than its limit (%s) with a clear error, without a retry, and the next request works', async (_how, chunked) => {
    script = [large(chunked)];
    const error = await mappedFailure(connection({ timeoutMs: 5_000, maxRetries: 2, retryDelayMs: 5, maxBodyBytes: 4_096 }).query('SELECT Id FROM Invoice'));
    expect(error).toMatchObject({ code: 'SALESFORCE_ERROR', message: expect.stringContaining('Salesforce sent an answer larger than 4 KB') });
    expect(seen).toHaveLength(1);
    script = [large(chunked)];
    expect((await connection({ timeoutMs: 5_000, maxRetries: 2, retryDelayMs: 5, maxBodyBytes: 8_192 }).query('SELECT Id FROM Invoice')).totalSize).toBe(1);
  });

  it('retries a refused connection, then reports NETWORK', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await mappedFailure(connection(undefined, `http://127.0.0.1:${port}`).query('SELECT Id FROM Invoice'));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toMatch(/could not be reached/);
  });
});

describe("the sync's pages", () => {
  it('keeps every character of names whose bytes arrive split between pieces of the answer', async () => {
    script = [bytewise];
    const page = await salesforceGet<{ records: { Name: string }[] }>(connection(), '/services/data/v62.0/query?q=SELECT+Name+FROM+Account');
    expect(page.records.map((record) => record.Name)).toEqual(NAMES);
  });
});

describe("the sync's gzipped pages", () => {
  it('keep every character, the BOM in front of the answer dropped as before', async () => {
    script = [gzipped];
    const page = await salesforceGet<{ records: { Name: string }[] }>(connection(), '/services/data/v62.0/query?q=SELECT+Name+FROM+Account');
    expect(page.records.map((record) => record.Name)).toEqual(NAMES);
  });

  it('are held to the size limit as unpacked, not as sent', async () => {
    script = [gzipLarge];
    const error = await mappedFailure(salesforceGet(connection(), '/services/data/v62.0/query?q=SELECT+Id+FROM+Invoice', { maxBodyBytes: 4_096 }));
    expect(error).toMatchObject({ code: 'SALESFORCE_ERROR', message: expect.stringContaining('larger than 4 KB') });
  });
});

describe('the other transports keep the size limit too', () => {
  it('the sync’s pages (salesforceGet)', async () => {
    script = [large(true)];
    const error = await mappedFailure(salesforceGet(connection(), '/services/data/v62.0/query?q=SELECT+Id+FROM+Invoice', { maxBodyBytes: 4_096 }));
    expect(error).toMatchObject({ code: 'SALESFORCE_ERROR', message: expect.stringContaining('larger than 4 KB') });
  });

  it('sign-in’s small answers (token, refresh, revoke, identity)', async () => {
    script = [large(false)];
    const transport = smallAnswerTransport({ headersTimeoutMs: 5_000, bodyTimeoutMs: 5_000, maxBodyBytes: 4_096 });
    const error = await mappedFailure(transport.httpRequest({ method: 'POST', url: `${base}/services/oauth2/token`, headers: {}, body: 'grant_type=refresh_token' }));
    expect(error).toMatchObject({ code: 'SALESFORCE_ERROR', message: expect.stringContaining('larger than 4 KB') });
  });
});
