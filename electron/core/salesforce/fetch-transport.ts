import { PassThrough } from 'node:stream';
import type { HttpRequest, HttpResponse } from './jsforce-adapter';

/** What jsforce needs of a transport (OAuth2 `_transport`, or `conn.request(req, { transport })`). */
export interface FetchTransport {
  httpRequest(request: HttpRequest): Promise<HttpResponse> & { stream(): PassThrough };
}

/**
 * A jsforce transport whose answers come whole from `exchange` (Node's fetch, body read to the end).
 * Every request Budgetly sends goes through one: the connection's own (http-limits.ts), the sync's pages
 * (salesforce-get.ts) and the sign-in's small answers (small-answer-transport.ts).
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

/** Sends a jsforce request with fetch; redirects are not followed (Salesforce answers them as errors to act on). */
export function sendWithFetch(request: HttpRequest, signal: AbortSignal): Promise<Response> {
  return fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: typeof request.body === 'string' ? request.body : undefined,
    redirect: 'manual',
    signal,
  });
}

/** A fetch answer and its whole body in jsforce's shape (header names lower-cased). */
export function jsforceAnswer(response: Response, body: string): HttpResponse {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key.toLowerCase()] = value;
  });
  return { statusCode: response.status, headers, body };
}
