import * as http from 'node:http';
import * as https from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import type { HttpRequest } from './jsforce-adapter';
import { ACCEPTED_ENCODINGS, answerDecoders, ExpandsTooFar } from './answer-decoding';
import { hasByteOrderMark, LentBody } from './body-buffers';
import { keptMemory } from './kept-memory';
import { withOsTrustOnRefusal } from './os-certificate-store';
import { isPartReadMemory, partAgents } from './part-agents';

/**
 * One request through Node's own `http`/`https` modules, its answer read whole into one buffer — for the answers the sync
 * reads: its GETs (query pages, describes: salesforce-get.ts; the 1M full sync took 30–40 % less CPU and ~25 % less wall
 * than through fetch — BENCHMARKS.md, "Lead's runs, session 33") and the largest, a Bulk API 2.0 results part (~8 MB at
 * 50,000 records), where Node's fetch cost the most.
 *
 * Why not fetch: undici's fetch copies every body chunk once more (`new Uint8Array(bytes)` as it feeds its web stream) on
 * top of the socket's own chunks, and runs a web stream per answer: off-heap memory that brought V8's full collections on
 * (BENCHMARKS.md, session 21: 9–11 mark-compacts in a sync with payments vs 1 invoices only; the copy 528 ms self in a
 * load-15 profile). Here the socket's chunks are copied once, straight into a buffer sized from Content-Length (or, with no
 * length, kept and copied once at the end into one buffer of the exact size).
 *
 * What fetch did that this keeps (tests/unit/receivables/http-exchange.test.ts):
 * - redirects are not followed (fetch's `redirect: 'manual'`): a 3xx comes back as the answer;
 * - the size limit, declared (refused before a byte of the body is read) and as the body arrives;
 * - a body that breaks off (the connection dropped mid-answer) rejects, never hangs, never escapes as an uncaught error;
 * - `signal` (the sync's cancel, the caller's overall timeout) ends the request at any point, with the signal's reason, as
 *   fetch rejects;
 * - compressed answers: fetch asked for them (`accept-encoding`) and unpacked them; Salesforce compresses on request, which
 *   matters on a real line (a CSV part shrinks ~5–10×). Content-Encoding read as fetch reads it (answer-decoding.ts: lists
 *   of codings, raw deflate). The limit counts the unpacked bytes, as fetch's reader did;
 * - a byte-order mark in front of the body is left out (as TextDecoder and `response.text()` do);
 * - TLS and proxies: as Node's fetch in Electron's main process had them — Node's own TLS with its CA store, no system
 *   proxy (neither fetch nor `https.request` uses Chromium's network stack), Node's env proxy when it is on, as fetch takes
 *   it (part-agents.ts). Connections are kept alive, as fetch's pool
 *   did, by the part agents (part-agents.ts: Node's agents, each connection reading its socket into one reused buffer).
 * Network failures (refused, reset, TLS, a malformed answer) reject as a `NetworkError` (salesforce-errors.ts: NETWORK,
 * so the sync retries them as it retried fetch's "fetch failed").
 */

/** An answer read whole. */
export interface WholeAnswer {
  statusCode: number;
  /** Header names lower-cased (as jsforce takes them); a repeated header's values joined with ", ". */
  headers: Record<string, string>;
  /** `prefix`, then the body, in one buffer. */
  whole: Buffer;
  /** The body alone (a view into `whole`). */
  body: Buffer;
}

export interface ExchangeOptions {
  /** Ends the request, headers or body, with its reason. */
  signal: AbortSignal;
  /** The most body bytes read (unpacked); past it the request fails with `tooLarge()`. */
  maxBytes: number;
  tooLarge: () => Error;
  /** Bytes put in front of the body in the buffer it is read into. */
  prefix?: Buffer;
}

const EMPTY = Buffer.alloc(0);
/** The User-Agent Node's fetch sends (undici's default in Node: lib/web/fetch/index.js `defaultUserAgent`). */
const USER_AGENT = 'node';
/** What the REST API's answers read as text are (query pages, describes), and what a Bulk API 2.0 results part is (jsforce's own Accept for it, bulk2.js). */
const JSON_ANSWER = 'application/json';
const CSV = 'text/csv';

/** An answer read whole and decoded. */
export interface TextAnswer {
  statusCode: number;
  /** As `WholeAnswer`'s. */
  headers: Record<string, string>;
  /** The body as UTF-8 text (a byte-order mark in front left out). */
  text: string;
}

/**
 * Sends `request` and reads its whole answer (any status), within `options`' limits, into memory of its own the caller may
 * keep — a Bulk API 2.0 results part: sent with `Accept: text/csv` unless the request has an Accept of its own.
 */
export function exchangeWhole(request: HttpRequest, options: ExchangeOptions): Promise<WholeAnswer> {
  return withOsTrustOnRefusal(() => exchange(request, options, CSV, (declared) => new BodyCollector(options.prefix ?? EMPTY, declared)), options.signal);
}

/**
 * Sends `request` and reads its whole answer as text, within `options`' limits — for an answer decoded at once and dropped
 * (a query page, a describe; sent with `Accept: application/json` unless the request has its own): its bytes go into a
 * buffer lent for the answer and given back once decoded (body-buffers.ts), not into new memory (a Bulk part's, which the
 * copy keeps).
 */
export async function exchangeText(request: HttpRequest, options: Omit<ExchangeOptions, 'prefix'>): Promise<TextAnswer> {
  let lent: LentBody | null = null;
  const answer = await withOsTrustOnRefusal(() => exchange(request, options, JSON_ANSWER, (declared) => (lent = new LentBody(declared))), options.signal);
  const text = answer.body.toString('utf8');
  // Given back only after a whole answer: a failed one's buffer is wiped and dropped by `exchange` (`discard`), and takes
  // no chunk after (a late chunk must never land in another answer's).
  (lent as LentBody | null)?.giveBack();
  return { statusCode: answer.statusCode, headers: answer.headers, text };
}

/** Where a body's chunks are copied to. */
interface BodySink {
  length: number;
  /** Takes `chunk`'s bytes; true when they were copied (the chunk is not kept: the caller may let it go). */
  add(chunk: Buffer): boolean;
  finish(): { whole: Buffer; body: Buffer };
  /** The answer failed: the bytes taken so far wiped and let go; no chunk taken after. */
  discard(): void;
}

/** `accept`: the Accept header sent unless the request has its own. */
function exchange(request: HttpRequest, options: ExchangeOptions, accept: string, sink: (declared: number) => BodySink): Promise<WholeAnswer> {
  return new Promise<WholeAnswer>((resolve, reject) => {
    const { signal } = options;
    if (signal.aborted) return reject(signal.reason);
    const url = new URL(request.url);
    const send = url.protocol === 'https:' ? https.request : url.protocol === 'http:' ? http.request : null;
    const agent = url.protocol === 'https:' ? partAgents.https : partAgents.http;
    if (!send) return reject(new TypeError(`Only http and https URLs can be sent (${url.protocol}).`));
    let settled = false;
    const streams: { destroy(): void }[] = [];
    let collected: BodySink | null = null;
    const settle = (error: unknown, answer?: WholeAnswer) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      if (answer) return resolve(answer);
      for (const stream of streams) stream.destroy();
      // A failed answer's bytes (invoice data, maybe tokens) wiped, not left to the GC as they were.
      collected?.discard();
      reject(error);
    };
    const onAbort = () => settle(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    const body = typeof request.body === 'string' ? request.body : undefined;
    const req = send(url, { method: request.method ?? 'GET', headers: requestHeaders(request, body, accept), agent }, (res) => {
      streams.push(res);
      readWhole(res, options, streams, (declared) => (collected = sink(declared))).then(
        (read) => settle(null, { statusCode: res.statusCode ?? 0, headers: answerHeaders(res), ...read }),
        (error: unknown) => settle(error),
      );
    });
    streams.push(req);
    // Kept after the answer settles: a socket error that comes later has a listener (never an uncaught exception).
    req.on('error', (error) => settle(networkError(error)));
    req.end(body);
  });
}

/**
 * The request's headers, with what fetch added (and Salesforce expects of an API client) where the request has none:
 * fetch's own User-Agent (undici in Node sends `node`: the sign-in's and the connection's requests, still through fetch,
 * send it, so every request of the app names one client), an Accept for the answer read (fetch sent any type's), the encodings
 * unpacked. Not fetch's `accept-language: *` and `sec-fetch-mode: cors` (a browser's, nothing Salesforce's API reads).
 */
function requestHeaders(request: HttpRequest, body: string | undefined, accept: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) if (typeof value === 'string') headers[name] = value;
  const names = Object.keys(headers).map((name) => name.toLowerCase());
  if (!names.includes('user-agent')) headers['user-agent'] = USER_AGENT;
  if (!names.includes('accept')) headers.accept = accept;
  if (!names.includes('accept-encoding')) headers['accept-encoding'] = ACCEPTED_ENCODINGS;
  if (body !== undefined && !names.includes('content-length')) headers['content-length'] = String(Buffer.byteLength(body));
  return headers;
}

function answerHeaders(res: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

/** The body of `res`, unpacked if it came compressed, behind `options.prefix`; rejects on a break, the limit, an unknown encoding. */
function readWhole(res: IncomingMessage, options: ExchangeOptions, streams: { destroy(): void }[], sink: (declared: number) => BodySink): Promise<{ whole: Buffer; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const declared = Number(res.headers['content-length'] ?? Number.NaN);
    if (declared > options.maxBytes) return reject(options.tooLarge());
    const decoders = answerDecoders(res.headers['content-encoding'], options.maxBytes);
    if (decoders instanceof Error) return reject(networkError(decoders));
    let source: Readable = res;
    res.on('error', (error) => reject(networkError(error)));
    for (const unpack of decoders) {
      streams.push(unpack);
      unpack.on('error', (error) => reject(error instanceof ExpandsTooFar ? options.tooLarge() : networkError(error)));
      source = source.pipe(unpack);
    }
    const decoded = decoders.length > 0;
    // Only an uncompressed body's length is known before it arrives.
    const collected = sink(decoded ? Number.NaN : declared);
    source.on('data', (chunk: Buffer) => {
      if (collected.length + chunk.length > options.maxBytes) {
        for (const stream of streams) stream.destroy();
        return reject(options.tooLarge());
      }
      if (collected.add(chunk) && !decoded) letGo(chunk);
    });
    source.on('end', () => resolve(collected.finish()));
  });
}

/**
 * A piece of an uncompressed body, once copied into the answer's buffer, given back at once: its memory is freed now, not
 * at V8's next full collection. Node's HTTP parser copies every piece of body into an ArrayBuffer of its own
 * (node_http_parser.cc `on_body`: Buffer::Copy; part-agents.ts) that nothing else holds once `data` is emitted — ~52 MB of
 * them a sync with payments, off-heap bytes V8 (Node 24.22) weighs against the old generation's limit until a full
 * collection, so they started full collections that had nothing else to free (BENCHMARKS.md, session 25: sync25). Detaching
 * an ArrayBuffer frees its memory and takes its bytes off V8's count at once (ArrayBufferSweeper::Detach).
 * Only a piece that is a whole ArrayBuffer of its own is let go: never a view into a larger one (zlib's output, a kept
 * chunk's neighbours), a SharedArrayBuffer, or a connection's read buffer (a future Node could hand a read on as the body).
 */
function letGo(chunk: Buffer): void {
  const memory = chunk.buffer;
  if (!(memory instanceof ArrayBuffer) || chunk.byteOffset !== 0 || memory.byteLength !== chunk.length || isPartReadMemory(memory)) return;
  const transfer = (memory as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer }).transfer;
  if (typeof transfer !== 'function') return;
  try {
    transfer.call(memory, 0);
  } catch {
    // Not detachable (an embedder's buffer): left to the GC, as before.
  }
}

/** A buffer for an answer the caller keeps (a Bulk part: the related copy is read from it for as long as the copy lives). */
const keptBuffer = (size: number): Buffer => Buffer.from(keptMemory(size));

/** A body's chunks copied into one buffer: at once into one sized from the declared length, else kept and copied once at the end. */
class BodyCollector implements BodySink {
  length = 0;
  private sized: Buffer | null;
  private readonly chunks: Buffer[] = [];

  private discarded = false;

  constructor(
    private readonly prefix: Buffer,
    declared: number,
  ) {
    this.sized = Number.isSafeInteger(declared) && declared >= 0 ? keptBuffer(prefix.length + declared) : null;
    this.sized?.set(prefix, 0);
  }

  /** Takes `chunk`'s bytes; true when they were copied (the chunk is not kept: the caller may let it go). */
  add(chunk: Buffer): boolean {
    if (this.discarded) return false;
    const at = this.prefix.length + this.length;
    this.length += chunk.length;
    if (this.sized && at + chunk.length <= this.sized.length) {
      this.sized.set(chunk, at);
      return true;
    }
    if (this.sized) {
      // More than declared (Node's parser does not let that happen; kept safe all the same): collect from here on.
      this.chunks.push(this.sized.subarray(this.prefix.length, at));
      this.sized = null;
      this.chunks.push(chunk);
    } else this.chunks.push(chunk);
    return false;
  }

  discard(): void {
    this.discarded = true;
    this.sized?.fill(0, 0, Math.min(this.prefix.length + this.length, this.sized.length));
    for (const chunk of this.chunks) chunk.fill(0);
    this.sized = null;
    this.chunks.length = 0;
  }

  finish(): { whole: Buffer; body: Buffer } {
    let whole = this.sized;
    if (whole === null) {
      whole = keptBuffer(this.prefix.length + this.length);
      this.prefix.copy(whole, 0);
      let at = this.prefix.length;
      for (const chunk of this.chunks) at += chunk.copy(whole, at);
    }
    let end = this.prefix.length + this.length;
    const start = this.prefix.length;
    if (hasByteOrderMark(whole, start, end)) {
      whole.copyWithin(start, start + 3, end);
      end -= 3;
    }
    whole = whole.subarray(0, end);
    return { whole, body: whole.subarray(start) };
  }
}

/** A failure of the connection or of the answer's bytes, named so salesforce-errors.ts reports it as NETWORK. */
function networkError(cause: Error): Error {
  const error = new Error(`The connection to Salesforce failed (${(cause as { code?: string }).code ?? cause.message}).`, { cause });
  error.name = 'NetworkError';
  return error;
}
