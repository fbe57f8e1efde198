import { PassThrough } from 'node:stream';
import type { Connection, HttpRequest } from 'jsforce';

export type Requester = Pick<Connection, 'request'>;

export interface GetOptions {
  /** Aborts the request (the user cancelled the sync). */
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Per request, body included (default 2 minutes). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;

/**
 * A jsforce transport on Node's fetch that reads the whole body before answering.
 *
 * Why not jsforce's own: in jsforce 3.10.16 (lib/request.js) the response body is `pipe`d into
 * the stream jsforce waits on, and an error on the body (the connection dropping mid-answer) is
 * never forwarded: the request hangs forever. Here a dropped body rejects (undici "terminated",
 * UND_ERR_SOCKET), a slow one times out, and the sync's cancel aborts it at once. jsforce still
 * does everything else: auth header, 401 → the session's refresh → replay, error parsing.
 */
function fetchTransport(options: GetOptions) {
  return {
    httpRequest(request: HttpRequest) {
      const signals = [AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS), ...(options.signal ? [options.signal] : [])];
      const promise = (async () => {
        const response = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: typeof request.body === 'string' ? request.body : undefined,
          redirect: 'manual',
          signal: AbortSignal.any(signals),
        });
        const body = await response.text();
        const headers: Record<string, string> = {};
        response.headers.forEach((value, key) => {
          headers[key.toLowerCase()] = value;
        });
        return { statusCode: response.status, headers, body };
      })();
      // jsforce asks every transport answer for a stream; nothing reads it here.
      return Object.assign(promise, { stream: () => new PassThrough() });
    },
  };
}

/** GET through the connection (authenticated, refreshed on 401) with a body-safe transport and no hidden retries. */
export function salesforceGet<T>(conn: Requester, url: string, options: GetOptions = {}): Promise<T> {
  return conn.request<T>({ method: 'GET', url, headers: { ...options.headers } }, { transport: fetchTransport(options) }) as Promise<T>;
}
