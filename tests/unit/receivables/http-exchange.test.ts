import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exchangeText, exchangeWhole, type ExchangeOptions } from '../../../electron/core/salesforce/http-exchange';
import { toAppError } from '../../../electron/core/salesforce/salesforce-errors';
import { listenLoopback } from './loopback';

/**
 * The transport that reads a Bulk API 2.0 results part (http-exchange.ts: Node's http module instead of fetch), against a
 * real loopback server answering from a script: the body whole behind the caller's prefix, and everything fetch did for
 * the sync kept — redirects not followed, the size limit (declared, and as it arrives, unpacked), a body cut mid-way or
 * stalled failing the request (never hanging, never an uncaught exception), the signal's cancel and timeout, compressed
 * answers unpacked, the BOM left out.
 */
type Reply = (res: ServerResponse, req: IncomingMessage) => void;

/** ~200 KB of CSV with non-ASCII names: several socket chunks, multi-byte characters split between them. */
const CSV = Buffer.from(`"Id","Name","Amount"\n${Array.from({ length: 3_000 }, (_, i) => `"a0${String(i).padStart(16, '0')}","Zoë Müller 株式会社 ${i}","${i}.25"`).join('\n')}\n`, 'utf8');
const PREFIX = Buffer.from('HEAD');

const whole =
  (body: Buffer, headers: Record<string, string> = {}, declared = true): Reply =>
  (res) => {
    res.writeHead(200, { 'content-type': 'text/csv', ...(declared ? { 'content-length': String(body.length) } : {}), ...headers });
    if (declared) return void res.end(body);
    // No length: sent in pieces (chunked), the first cut inside a multi-byte character.
    const cut = body.indexOf('ë') + 1;
    res.write(body.subarray(0, cut));
    setTimeout(() => res.end(body.subarray(cut)), 10);
  };
/** Headers and part of the body, then the connection is destroyed. */
const cut =
  (declared: boolean): Reply =>
  (res) => {
    res.writeHead(200, { 'content-type': 'text/csv', ...(declared ? { 'content-length': String(CSV.length) } : {}) });
    res.write(CSV.subarray(0, 70_000));
    setTimeout(() => res.socket?.destroy(), 20);
  };
/** Headers and a first piece, then nothing. */
const stall: Reply = (res) => {
  res.writeHead(200, { 'content-type': 'text/csv' });
  res.write(CSV.subarray(0, 1_000));
};

let server: Awaited<ReturnType<typeof listenLoopback>>;
let base: string;
let script: Reply[] = [];
let seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];
let closed = 0;

beforeAll(async () => {
  server = await listenLoopback((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.on('close', () => closed++);
      (script.shift() ?? whole(CSV))(res, req);
    });
  });
  base = server.base;
});
afterAll(() => server.close());
beforeEach(() => {
  script = [];
  seen = [];
  closed = 0;
});

const tooLarge = () => Object.assign(new Error('too large'), { name: 'TooLarge' });
const get = (options: Partial<ExchangeOptions> = {}, path = '/services/data/v62.0/jobs/query/750/results') =>
  exchangeWhole({ method: 'GET', url: `${base}${path}`, headers: { Authorization: 'Bearer 00D!x' } }, { signal: AbortSignal.timeout(10_000), maxBytes: 1 << 20, tooLarge, prefix: PREFIX, ...options });

async function failure(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('a results part read through Node’s http module', () => {
  it.each([
    ['declared (Content-Length)', true],
    ['sent in pieces without a length', false],
  ])('comes whole behind the prefix, byte for byte (%s), with its headers and the request’s', async (_how, declared) => {
    script = [whole(CSV, { 'sforce-locator': 'MTAwMDA', 'sforce-numberofrecords': '3000' }, declared)];
    const answer = await get();
    expect(answer.statusCode).toBe(200);
    expect(answer.body.equals(CSV)).toBe(true);
    expect(answer.whole.equals(Buffer.concat([PREFIX, CSV]))).toBe(true);
    expect(answer.headers).toMatchObject({ 'sforce-locator': 'MTAwMDA', 'sforce-numberofrecords': '3000', 'content-type': 'text/csv' });
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/services/data/v62.0/jobs/query/750/results', headers: { authorization: 'Bearer 00D!x' } });
  });

  it.each([
    ['declared', true],
    ['in pieces', false],
  ])('leaves out a byte-order mark in front of the body (%s), as fetch’s text did', async (_how, declared) => {
    script = [whole(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), CSV]), {}, declared)];
    const answer = await get();
    expect(answer.body.equals(CSV)).toBe(true);
    expect(answer.whole.equals(Buffer.concat([PREFIX, CSV]))).toBe(true);
  });

  it('asks for a compressed answer, as fetch did, and unpacks gzip and brotli; the limit counts the unpacked bytes', async () => {
    script = [whole(gzipSync(CSV), { 'content-encoding': 'gzip' }), whole(brotliCompressSync(CSV), { 'content-encoding': 'br' }, false)];
    expect((await get()).body.equals(CSV)).toBe(true);
    expect((await get()).body.equals(CSV)).toBe(true);
    expect(seen[0]!.headers['accept-encoding']).toMatch(/gzip/);
    script = [whole(gzipSync(CSV), { 'content-encoding': 'gzip' })];
    expect(await failure(get({ maxBytes: 100_000 }))).toMatchObject({ name: 'TooLarge' });
  });

  it('does not follow a redirect: the 3xx is the answer, nothing is asked of the other address', async () => {
    script = [(res) => (res.writeHead(302, { location: `${base}/elsewhere` }), res.end())];
    const answer = await get();
    expect(answer.statusCode).toBe(302);
    expect(answer.headers.location).toBe(`${base}/elsewhere`);
    expect(seen.map((s) => s.url)).toEqual(['/services/data/v62.0/jobs/query/750/results']);
  });

  it('refuses a body larger than the limit, declared (before reading it) or as it arrives; the next request works', async () => {
    script = [whole(CSV)];
    expect(await failure(get({ maxBytes: 100_000 }))).toMatchObject({ name: 'TooLarge' });
    script = [whole(CSV, {}, false)];
    expect(await failure(get({ maxBytes: 100_000 }))).toMatchObject({ name: 'TooLarge' });
    expect((await get()).body.equals(CSV)).toBe(true);
  });

  it.each([
    ['declared', true],
    ['in pieces', false],
  ])('fails a body cut off mid-way (%s) as NETWORK, without hanging; the next request works', async (_how, declared) => {
    script = [cut(declared)];
    const error = await failure(get());
    expect(error).toMatchObject({ name: 'NetworkError' });
    expect(toAppError(error).code).toBe('NETWORK');
    expect((await get()).body.equals(CSV)).toBe(true);
  });

  it('ends a body that stalls at the signal’s timeout, as NETWORK, and closes the connection', async () => {
    script = [stall];
    const error = await failure(get({ signal: AbortSignal.timeout(300) }));
    expect(toAppError(error).code).toBe('NETWORK');
    await expect.poll(() => closed).toBe(1);
  });

  it('ends a body at a cancel (the sync cancelled mid-part) as CANCELLED, and closes the connection', async () => {
    script = [stall];
    const user = new AbortController();
    const pending = get({ signal: user.signal });
    await expect.poll(() => seen.length).toBe(1);
    user.abort();
    expect(toAppError(await failure(pending)).code).toBe('CANCELLED');
    await expect.poll(() => closed).toBe(1);
    expect(toAppError(await failure(get({ signal: user.signal }))).code).toBe('CANCELLED');
    expect(seen).toHaveLength(1);
  });

  it('fails a refused connection and an answer in an unknown encoding as NETWORK', async () => {
    const gone = createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const port = (gone.address() as AddressInfo).port;
    await new Promise<void>((resolve) => gone.close(() => resolve()));
    const refused = await failure(exchangeWhole({ method: 'GET', url: `http://127.0.0.1:${port}/x`, headers: {} }, { signal: AbortSignal.timeout(5_000), maxBytes: 1_000, tooLarge }));
    expect(toAppError(refused).code).toBe('NETWORK');
    script = [whole(CSV, { 'content-encoding': 'compress' })];
    expect(toAppError(await failure(get())).code).toBe('NETWORK');
  });

  it('names itself as fetch does (User-Agent) and asks for CSV (a part) or JSON (a page); a caller’s own headers win', async () => {
    await (await fetch(`${base}/fetch`)).arrayBuffer();
    await get();
    await exchangeText({ method: 'GET', url: `${base}/services/data/v62.0/query?q=x`, headers: {} }, { signal: AbortSignal.timeout(5_000), maxBytes: 1 << 20, tooLarge });
    const [byFetch, part, page] = seen;
    expect(byFetch!.headers['user-agent']).toBeTruthy();
    expect(part!.headers).toMatchObject({ 'user-agent': byFetch!.headers['user-agent'], accept: 'text/csv' });
    expect(page!.headers).toMatchObject({ 'user-agent': byFetch!.headers['user-agent'], accept: 'application/json' });
    seen = [];
    await exchangeWhole({ method: 'GET', url: `${base}/x`, headers: { Accept: 'application/json', 'User-Agent': 'Budgetly' } }, { signal: AbortSignal.timeout(5_000), maxBytes: 1 << 20, tooLarge });
    expect(seen[0]!.headers).toMatchObject({ accept: 'application/json', 'user-agent': 'Budgetly' });
  });

  it('sends a request body with its length (a job’s creation is a POST)', async () => {
    script = [(res) => (res.writeHead(200, { 'content-type': 'application/json' }), res.end('{"id":"750"}'))];
    const answer = await exchangeWhole({ method: 'POST', url: `${base}/jobs`, headers: { 'Content-Type': 'application/json' }, body: '{"query":"SELECT Id FROM Payment — ü"}' }, { signal: AbortSignal.timeout(5_000), maxBytes: 1_000, tooLarge });
    expect(answer.body.toString()).toBe('{"id":"750"}');
    expect(answer.whole).toEqual(answer.body);
    expect(seen[0]).toMatchObject({ method: 'POST', body: '{"query":"SELECT Id FROM Payment — ü"}' });
  });
});
