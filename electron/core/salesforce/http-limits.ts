import { errorFacts } from './error-facts';
import { bodyText, fetchTransport, jsforceAnswer, MAX_ANSWER_BYTES, sendWithFetch, type FetchTransport } from './fetch-transport';
import type { HttpRequest, HttpResponse } from './jsforce-adapter';

/**
 * The limits of a connection's own requests (query, describe, request). jsforce's defaults (still in 3.10.26,
 * lib/request.js) are a 30-minute timeout that stops at the response headers and 5 retries with exponential
 * backoff (15 s+): a desktop app must answer faster than that (request-timeout.test.ts).
 */
export interface HttpLimits {
  /** Per request, all retries and the whole body included. */
  timeoutMs: number;
  /** Retries for idempotent requests on network errors and 420/429/5xx. */
  maxRetries: number;
  /** First retry delay; doubles each time. */
  retryDelayMs: number;
  /**
   * For the small answers of sign-in (token, refresh, revoke, identity; a few KB): once the headers are in,
   * the longest wait for the rest of the body before the request fails as NETWORK. Default 10 s.
   */
  bodyTimeoutMs?: number;
  /** The largest body read (default `MAX_ANSWER_BYTES`; sign-in's small answers: 1 MiB). */
  maxBodyBytes?: number;
}

export const defaultHttpLimits: HttpLimits = { timeoutMs: 60_000, maxRetries: 2, retryDelayMs: 500 };

const DEFAULT_SMALL_BODY_TIMEOUT_MS = 10_000;
const DEFAULT_SMALL_BODY_BYTES = 1024 * 1024;

/** The limits of a request with a small answer: headers within `timeoutMs`, then the body within `bodyTimeoutMs`, at most 1 MiB. */
export function smallAnswerLimits(limits: HttpLimits): { headersTimeoutMs: number; bodyTimeoutMs: number; maxBodyBytes: number } {
  return {
    headersTimeoutMs: limits.timeoutMs,
    bodyTimeoutMs: limits.bodyTimeoutMs ?? Math.min(DEFAULT_SMALL_BODY_TIMEOUT_MS, limits.timeoutMs),
    maxBodyBytes: Math.min(limits.maxBodyBytes ?? DEFAULT_SMALL_BODY_BYTES, DEFAULT_SMALL_BODY_BYTES),
  };
}

/** jsforce's retry rules (lib/request.js), kept: which methods, answers and network failures are worth another try. */
const RETRY_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const RETRY_STATUSES = new Set([420, 429, 500, 502, 503, 504]);
const RETRY_ERROR_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ENOTFOUND', 'ENETDOWN', 'ENETUNREACH', 'EHOSTDOWN', 'UND_ERR_SOCKET', 'ETIMEDOUT', 'EPIPE']);

/**
 * The transport a connection sends its own requests through (the fetch transport, fetch-transport.ts),
 * instead of jsforce's: one limit per request covering every retry and the whole body, and jsforce's
 * retries (idempotent methods; 420/429/5xx answers and network failures before the headers).
 *
 * Why not jsforce's transport with shorter options: its timeout stops at the headers, and since 3.10.17
 * it pipes the body with `Readable.fromWeb(res.body).pipe(output)` (lib/request.js): a connection dropped
 * mid-body errors a stream nobody listens to, an uncaught exception that would end the main process
 * (session-refresh.test.ts, "a response cut off mid-body"). Here a dropped body rejects the request
 * (undici "terminated", UND_ERR_SOCKET → NETWORK) and is not retried: the answer had begun.
 */
export function limitedTransport(limits: HttpLimits): FetchTransport {
  return fetchTransport((request) => send(request, limits));
}

async function send(request: HttpRequest, limits: HttpLimits): Promise<HttpResponse> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(timeoutError(limits.timeoutMs)), limits.timeoutMs);
  const retriable = RETRY_METHODS.has((request.method ?? 'GET').toUpperCase());
  try {
    for (let attempt = 0; ; attempt++) {
      const canRetry = retriable && attempt < limits.maxRetries;
      let response: Response;
      try {
        response = await sendWithFetch(request, deadline.signal);
      } catch (error) {
        if (!canRetry || deadline.signal.aborted || !isPassingNetworkFailure(error)) throw error;
        await pause(limits.retryDelayMs * 2 ** attempt, deadline.signal);
        continue;
      }
      if (canRetry && RETRY_STATUSES.has(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        await pause(limits.retryDelayMs * 2 ** attempt, deadline.signal);
        continue;
      }
      return jsforceAnswer(response, await bodyText(response, limits.maxBodyBytes ?? MAX_ANSWER_BYTES));
    }
  } finally {
    clearTimeout(timer);
  }
}

/** fetch's own failure ("fetch failed", a TypeError) caused by one of the network errors jsforce retries. */
function isPassingNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError && errorFacts(error).systemCodes.some((code) => RETRY_ERROR_CODES.has(code));
}

/** Waits `ms`, or until the request's limit runs out (then throws its timeout error). */
async function pause(ms: number, signal: AbortSignal): Promise<void> {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
  signal.throwIfAborted();
}

/** Named like the platform's own timeout, so `toAppError` reports it as NETWORK. */
function timeoutError(ms: number): Error {
  const error = new Error(`Salesforce did not answer within ${ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`} (request timed out).`);
  error.name = 'TimeoutError';
  return error;
}
