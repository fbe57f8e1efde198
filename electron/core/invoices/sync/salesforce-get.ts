import { bodyText, fetchTransport, jsforceAnswer, MAX_ANSWER_BYTES, sendWithFetch } from '../../salesforce/fetch-transport';
import { requestWith, type SalesforceConnection } from '../../salesforce/jsforce-adapter';

export type Requester = Pick<SalesforceConnection, 'request'>;

export interface GetOptions {
  /** Aborts the request (the user cancelled the sync). */
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Per request, body included (default 2 minutes). */
  timeoutMs?: number;
  /** The largest body read (default `MAX_ANSWER_BYTES`). */
  maxBodyBytes?: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;

/** The sync's transport: one overall limit per request (body included), cancelled with the sync. */
function pageTransport(options: GetOptions) {
  return fetchTransport(async (request) => {
    const signals = [AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS), ...(options.signal ? [options.signal] : [])];
    const response = await sendWithFetch(request, AbortSignal.any(signals));
    return jsforceAnswer(response, await bodyText(response, options.maxBodyBytes ?? MAX_ANSWER_BYTES));
  });
}

/** GET through the connection (authenticated, refreshed on 401) with a body-safe transport and no hidden retries. */
export function salesforceGet<T>(conn: Requester, url: string, options: GetOptions = {}): Promise<T> {
  return requestWith<T>(conn, { method: 'GET', url, headers: { ...options.headers } }, pageTransport(options));
}
