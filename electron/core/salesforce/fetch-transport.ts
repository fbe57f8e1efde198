import { PassThrough } from 'node:stream';
import { AppError } from '../../contract';
import type { HttpRequest, HttpResponse } from './jsforce-adapter';
import { englishMessage } from '../../contract/i18n/spoken-messages';
import { LentBody } from './body-buffers';
import { withOsTrustOnRefusal } from './os-certificate-store';

/**
 * The most an answer's body may hold before the request fails (the whole body is held in memory). The largest
 * answers Budgetly asks for — a 2,000-record page, the describe of an object with hundreds of fields — are a
 * few MB; sign-in answers are a few KB (small-answer-transport.ts uses 1 MiB).
 */
export const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

/** What jsforce needs of a transport (OAuth2 `_transport`, or `conn.request(req, { transport })`). */
export interface FetchTransport {
  httpRequest(request: HttpRequest): Promise<HttpResponse> & { stream(): PassThrough };
}

/**
 * A jsforce transport whose answers come whole from `exchange` (Node's fetch, body read to the end; the sync's GETs and
 * a Bulk results part through Node's http module instead, http-exchange.ts). Every request Budgetly sends goes through
 * one: the connection's own (http-limits.ts), the sync's GETs (salesforce-get.ts), the Bulk jobs and parts
 * (bulk-query.ts) and the sign-in's small answers (small-answer-transport.ts).
 *
 * Why not jsforce's own: jsforce pipes the response body into the stream it waits on (3.10.16 with
 * node-fetch: `res.body.pipe(output)`; 3.10.17+ with its bundled undici: `Readable.fromWeb(res.body).pipe(output)`,
 * still in 3.10.26), and `pipe` never forwards an error on the body (the connection dropping mid-answer).
 * With node-fetch the request hung until the caller's overall limit; with undici the body stream's error
 * has no listener and becomes an uncaught exception. Covered by the "dropped mid-body" rows of the sync
 * and sign-in fault tests (sync-faults-table, token-answer-faults, session-refresh). With fetch a dropped
 * body rejects (undici "terminated", UND_ERR_SOCKET) and an AbortSignal ends a slow one. jsforce still does
 * the rest: auth header, 401 → the session's refresh → replay, error parsing.
 */
export function fetchTransport(exchange: (request: HttpRequest) => Promise<HttpResponse>): FetchTransport {
  return {
    httpRequest(request: HttpRequest) {
      // jsforce asks every transport answer for a stream; nothing reads it here.
      return Object.assign(exchange(request), { stream: () => new PassThrough() });
    },
  };
}

/**
 * Sends a jsforce request with fetch; redirects are not followed (Salesforce answers them as errors to act on). A certificate
 * Node's list refused: the OS store read and the request sent once more (os-certificate-store.ts).
 */
export function sendWithFetch(request: HttpRequest, signal: AbortSignal): Promise<Response> {
  return withOsTrustOnRefusal(
    () =>
      fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: typeof request.body === 'string' ? request.body : undefined,
        redirect: 'manual',
        signal,
      }),
    signal,
  );
}

/**
 * The whole body as text (UTF-8), at most `maxBytes`: a longer one (declared, or as it arrives) is cancelled and the
 * request fails as SALESFORCE_ERROR instead of filling the main process's memory. A body that breaks off rejects
 * (undici "terminated"), as with `response.text()`.
 */
export async function bodyText(response: Response, maxBytes: number): Promise<string> {
  // The chunks are copied into a body buffer lent for this answer (body-buffers.ts) and decoded once, as the whole body:
  // no string per chunk joined again (one copy less of every 2,000-record page, ~1 MB), and no new off-heap buffer per
  // answer (`Buffer.concat`).
  const lent = new LentBody();
  try {
    await readBoundedBody(response, maxBytes, () => answerTooLarge(maxBytes), (chunk) => lent.add(chunk));
    return lent.text();
  } finally {
    lent.giveBack();
  }
}

/**
 * Hands each chunk of the body to `onChunk` and returns the bytes read, refusing a body over `maxBytes` — declared
 * (cancelled before a byte is read) or as it arrives (cancelled at the chunk that passes it) — with `tooLarge()`.
 * No body reads as 0 bytes.
 */
export async function readBoundedBody(response: Response, maxBytes: number, tooLarge: () => Error, onChunk: (chunk: Uint8Array) => void): Promise<number> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return 0;
  let length = 0;
  const reader = response.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    length += read.value.byteLength;
    if (length > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    onChunk(read.value);
  }
  return length;
}

export function answerTooLarge(maxBytes: number): AppError {
  const size = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / (1024 * 1024))} MB` : `${Math.round(maxBytes / 1024)} KB`;
  return new AppError('SALESFORCE_ERROR', englishMessage('answerTooLarge', { size }));
}

/** A fetch answer and its whole body in jsforce's shape (header names lower-cased). */
export function jsforceAnswer(response: Response, body: string): HttpResponse {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key.toLowerCase()] = value;
  });
  return { statusCode: response.status, headers, body };
}
