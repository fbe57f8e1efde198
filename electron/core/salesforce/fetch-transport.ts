import { PassThrough } from 'node:stream';
import type { HttpRequest, HttpResponse } from './jsforce-adapter';

/** What jsforce needs of a transport (OAuth2 `_transport`, or `conn.request(req, { transport })`). */
export interface FetchTransport {
  httpRequest(request: HttpRequest): Promise<HttpResponse> & { stream(): PassThrough };
}

/**
 * A jsforce transport whose answers come whole from `exchange` (Node's fetch, body read to the end).
 *
 * Why not jsforce's own: jsforce (3.10.16 with node-fetch; still 3.10.26 with undici, lib/request.js
 * `Readable.fromWeb(res.body).pipe(output)`) pipes the response body into the stream it waits on, and
 * `pipe` never forwards an error on the body (the connection dropping mid-answer): the request hangs
 * until the caller's overall limit. Covered by the "dropped mid-body" rows of the sync and sign-in
 * fault tests (sync-faults-table, token-answer-faults, session-refresh). With fetch a dropped body rejects
 * (undici "terminated", UND_ERR_SOCKET) and an AbortSignal ends a slow one. jsforce still does the
 * rest: auth header, 401 → the session's refresh → replay, error parsing.
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
