import type { Connection as JsforceConnection, HttpRequestOptions } from 'jsforce';

type Transport = JsforceConnection['_transport'];

/**
 * jsforce's defaults: a 30-minute timeout and 5 retries with exponential backoff (15 s+) on
 * network errors and 5xx for GETs (lib/request.js). A desktop app must answer faster than that.
 */
export interface HttpLimits {
  /** Per request, all retries included. */
  timeoutMs: number;
  /** Retries for idempotent requests on network errors and 420/429/5xx. */
  maxRetries: number;
  /** First retry delay; doubles each time. */
  retryDelayMs: number;
}

export const defaultHttpLimits: HttpLimits = { timeoutMs: 60_000, maxRetries: 2, retryDelayMs: 500 };

/** Makes every request through `transport` use `limits` unless the caller asked for something else. */
export function limitTransport<T extends Transport>(transport: T, limits: HttpLimits): T {
  const original = transport.httpRequest.bind(transport);
  transport.httpRequest = (request, options: HttpRequestOptions = {}) =>
    original(request, {
      ...options,
      timeout: options.timeout ?? limits.timeoutMs,
      retry: { maxRetries: limits.maxRetries, minTimeout: limits.retryDelayMs, timeoutFactor: 2, ...options.retry },
    });
  return transport;
}
