import { PassThrough } from 'node:stream';
import type { HttpRequest, HttpResponse } from 'jsforce';

/** Limits of one request whose answer is small (a token response, a revoke, the identity): a few KB. */
export interface SmallAnswerLimits {
  /** Until the answer's status and headers arrive. */
  headersTimeoutMs: number;
  /** From the headers to the last byte of the body. A few-KB answer needs well under a second on any working line. */
  bodyTimeoutMs: number;
}

/** What jsforce needs of a transport (OAuth2 `_transport`, or `conn.request(req, { transport })`). */
export interface SmallAnswerTransport {
  httpRequest(request: HttpRequest): Promise<HttpResponse> & { stream(): PassThrough };
}

/**
 * A jsforce transport on Node's fetch that reads the whole body before answering, for the OAuth endpoints
 * and the identity URL.
 *
 * jsforce 3.10.16's own transport pipes the body into the stream it waits on and never forwards an error on
 * the body: an answer cut off mid-body (or stalling after its headers) hangs until the caller's overall limit.
 * Here a dropped body rejects at once (undici "terminated", UND_ERR_SOCKET), a stalled one after
 * `bodyTimeoutMs`, missing headers after `headersTimeoutMs`, and `signal` aborts the request. No retries: a
 * token request is a POST that Salesforce may already have acted on.
 * (The sync's GETs use the same idea in invoices/salesforce-get.ts with one overall limit per page.)
 */
export function smallAnswerTransport(limits: SmallAnswerLimits, signal?: AbortSignal): SmallAnswerTransport {
  return {
    httpRequest(request: HttpRequest) {
      const promise = send(request, limits, signal);
      // jsforce asks every transport answer for a stream; nothing reads it here.
      return Object.assign(promise, { stream: () => new PassThrough() });
    },
  };
}

async function send(request: HttpRequest, limits: SmallAnswerLimits, signal: AbortSignal | undefined): Promise<HttpResponse> {
  signal?.throwIfAborted();
  const timer = new AbortController();
  const signals = signal ? [timer.signal, signal] : [timer.signal];
  let stop = startTimer(timer, limits.headersTimeoutMs, 'no answer');
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: typeof request.body === 'string' ? request.body : undefined,
      redirect: 'manual',
      signal: AbortSignal.any(signals),
    });
    stop();
    stop = startTimer(timer, limits.bodyTimeoutMs, 'an incomplete answer');
    const body = await response.text();
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key.toLowerCase()] = value;
    });
    return { statusCode: response.status, headers, body };
  } finally {
    stop();
  }
}

function startTimer(controller: AbortController, ms: number, what: string): () => void {
  const timer = setTimeout(() => controller.abort(timeoutError(ms, what)), ms);
  return () => clearTimeout(timer);
}

/** Named like the platform's own timeout, so `toAppError` reports it as NETWORK. */
function timeoutError(ms: number, what: string): Error {
  const error = new Error(`Salesforce sent ${what} within ${ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`} (request timed out).`);
  error.name = 'TimeoutError';
  return error;
}
