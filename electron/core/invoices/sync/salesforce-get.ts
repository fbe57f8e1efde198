import type { Connection } from 'jsforce';
import { fetchTransport, jsforceAnswer, sendWithFetch } from '../../salesforce/fetch-transport';

export type Requester = Pick<Connection, 'request'>;

export interface GetOptions {
  /** Aborts the request (the user cancelled the sync). */
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Per request, body included (default 2 minutes). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;

/** The sync's transport: one overall limit per request (body included), cancelled with the sync. */
function pageTransport(options: GetOptions) {
  return fetchTransport(async (request) => {
    const signals = [AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS), ...(options.signal ? [options.signal] : [])];
    const response = await sendWithFetch(request, AbortSignal.any(signals));
    return jsforceAnswer(response, await response.text());
  });
}

/** GET through the connection (authenticated, refreshed on 401) with a body-safe transport and no hidden retries. */
export function salesforceGet<T>(conn: Requester, url: string, options: GetOptions = {}): Promise<T> {
  return conn.request<T>({ method: 'GET', url, headers: { ...options.headers } }, { transport: pageTransport(options) }) as Promise<T>;
}
