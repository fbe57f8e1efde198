import type { HttpRequest, HttpResponse } from './jsforce-adapter';
import { bodyText, fetchTransport, jsforceAnswer, sendWithFetch, type FetchTransport } from './fetch-transport';

/** Limits of one request whose answer is small (a token response, a revoke, the identity): a few KB. */
export interface SmallAnswerLimits {
  /** Until the answer's status and headers arrive. */
  headersTimeoutMs: number;
  /** From the headers to the last byte of the body. A few-KB answer needs well under a second on any working line. */
  bodyTimeoutMs: number;
  /** The largest body read; a longer one fails the request (SALESFORCE_ERROR). */
  maxBodyBytes: number;
}

export type SmallAnswerTransport = FetchTransport;

/** The `code` of the error a body that stopped arriving fails with (the answer had begun, then broke off). */
export const BODY_STALLED = 'BUDGETLY_BODY_STALLED';

/**
 * The fetch transport (fetch-transport.ts) for the OAuth endpoints and the identity URL: a dropped body
 * rejects at once, a stalled one after `bodyTimeoutMs`, missing headers after `headersTimeoutMs`, and
 * `signal` aborts the request. No retries: a token request is a POST that Salesforce may already have
 * acted on. (The sync's GETs use one overall limit per page instead: invoices/sync/salesforce-get.ts.)
 */
export function smallAnswerTransport(limits: SmallAnswerLimits, signal?: AbortSignal): SmallAnswerTransport {
  return fetchTransport((request) => send(request, limits, signal));
}

async function send(request: HttpRequest, limits: SmallAnswerLimits, signal: AbortSignal | undefined): Promise<HttpResponse> {
  signal?.throwIfAborted();
  const timer = new AbortController();
  const signals = signal ? [timer.signal, signal] : [timer.signal];
  let stop = startTimer(timer, limits.headersTimeoutMs, 'no answer', undefined);
  try {
    const response = await sendWithFetch(request, AbortSignal.any(signals));
    stop();
    stop = startTimer(timer, limits.bodyTimeoutMs, 'an incomplete answer', BODY_STALLED);
    return jsforceAnswer(response, await bodyText(response, limits.maxBodyBytes));
  } finally {
    stop();
  }
}

function startTimer(controller: AbortController, ms: number, what: string, code: string | undefined): () => void {
  const timer = setTimeout(() => controller.abort(Object.assign(timeoutError(ms, what), code ? { code } : {})), ms);
  return () => clearTimeout(timer);
}

/** Named like the platform's own timeout, so `toAppError` reports it as NETWORK. */
function timeoutError(ms: number, what: string): Error {
  const error = new Error(`Salesforce sent ${what} within ${ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`} (request timed out).`);
  error.name = 'TimeoutError';
  return error;
}
