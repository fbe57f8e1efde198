import type { HttpRequestOptions, Transport } from './jsforce-adapter';

/**
 * jsforce's defaults (still in 3.10.26, lib/request.js): a 30-minute timeout and 5 retries with exponential
 * backoff (15 s+) on network errors and 5xx for GETs. A desktop app must answer faster than that
 * (request-timeout.test.ts).
 */
export interface HttpLimits {
  /** Per request, all retries included. */
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
}

export const defaultHttpLimits: HttpLimits = { timeoutMs: 60_000, maxRetries: 2, retryDelayMs: 500 };

const DEFAULT_SMALL_BODY_TIMEOUT_MS = 10_000;

/** The limits of a request with a small answer: headers within `timeoutMs`, then the body within `bodyTimeoutMs`. */
export function smallAnswerLimits(limits: HttpLimits): { headersTimeoutMs: number; bodyTimeoutMs: number } {
  return { headersTimeoutMs: limits.timeoutMs, bodyTimeoutMs: limits.bodyTimeoutMs ?? Math.min(DEFAULT_SMALL_BODY_TIMEOUT_MS, limits.timeoutMs) };
}

/**
 * Makes every request through `transport` use `limits` unless the caller asked for something else.
 * jsforce's own timeout stops at the response headers: a connection dropped in the middle of the body
 * would hang forever (node-fetch's body error is lost in a pipe), so the whole exchange is guarded too.
 */
export function limitTransport<T extends Transport>(transport: T, limits: HttpLimits): T {
  const original = transport.httpRequest.bind(transport);
  transport.httpRequest = (request, options: HttpRequestOptions = {}) => {
    const timeoutMs = options.timeout ?? limits.timeoutMs;
    const pending = original(request, {
      ...options,
      timeout: timeoutMs,
      retry: { maxRetries: limits.maxRetries, minTimeout: limits.retryDelayMs, timeoutFactor: 2, ...options.retry },
    });
    const guarded = new Promise<Awaited<typeof pending>>((resolve, reject) => {
      const timer = setTimeout(() => reject(timeoutError(timeoutMs)), timeoutMs + 250);
      pending.then(
        (response) => {
          clearTimeout(timer);
          resolve(response);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
    return Object.assign(guarded, { stream: () => pending.stream() }) as typeof pending;
  };
  return transport;
}

function timeoutError(ms: number): Error {
  const error = new Error(`Salesforce did not answer within ${Math.round(ms / 1000)} s (request timed out).`);
  error.name = 'TimeoutError';
  return error;
}
