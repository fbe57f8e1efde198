import { AppError } from '../../contract';
import type { SalesforceRecord } from './row-mapper';
import { salesforceGet, type Requester } from './salesforce-get';
import { cancelled, isInvalidLocator, isTransient, retriesExhausted, toSyncError } from './sync-faults';

export type { Requester };

export interface PagerOptions {
  apiVersion: string;
  /** Records per page asked of Salesforce (200–2000; a hint it may lower). */
  pageSize: number;
  /** Wait before each retry of a page after a 5xx or dropped connection; its length bounds the retries. */
  retryDelaysMs: readonly number[];
  /** How often a query whose cursor expired (INVALID_QUERY_LOCATOR) is started over. */
  maxRestarts: number;
  signal: AbortSignal;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface PageSink {
  /** The query starts over: forget what it delivered so far. */
  restart(): void;
  page(records: SalesforceRecord[], fetched: number, total: number): void;
}

interface QueryPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: SalesforceRecord[];
}

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(cancelled());
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

async function getPage(conn: Requester, url: string, options: PagerOptions): Promise<QueryPage> {
  for (let attempt = 0; ; attempt++) {
    if (options.signal.aborted) throw cancelled();
    try {
      // No hidden retries underneath: the backoff here is bounded and cancellable.
      const page = await salesforceGet<QueryPage>(conn, url, {
        signal: options.signal,
        headers: { 'Sforce-Query-Options': `batchSize=${options.pageSize}` },
      });
      if (!page || !Array.isArray(page.records)) throw new AppError('SALESFORCE_ERROR', 'Salesforce sent an unexpected answer to a query.');
      return page;
    } catch (error) {
      if (options.signal.aborted) throw cancelled();
      if (!isTransient(error)) throw error;
      const delay = options.retryDelaysMs[attempt];
      if (delay === undefined) throw retriesExhausted(attempt + 1, error);
      await options.sleep(delay, options.signal);
    }
  }
}

/**
 * Runs one SOQL query (`query` or `queryAll`) to its very last page, following `nextRecordsUrl`
 * with no cap of its own. Delivers every page to `sink`; on an expired cursor restarts from the
 * first page (telling the sink) up to `maxRestarts` times.
 */
export async function runQuery(
  conn: Requester,
  soql: string,
  resource: 'query' | 'queryAll',
  options: PagerOptions,
  sink: PageSink,
): Promise<{ totalSize: number; fetched: number }> {
  const firstUrl = `/services/data/v${options.apiVersion}/${resource}?q=${encodeURIComponent(soql)}`;
  for (let restarts = 0; ; restarts++) {
    let fetched = 0;
    try {
      let page = await getPage(conn, firstUrl, options);
      for (;;) {
        fetched += page.records.length;
        sink.page(page.records, fetched, Math.max(page.totalSize, fetched));
        if (page.done || !page.nextRecordsUrl) return { totalSize: page.totalSize, fetched };
        // Only ever follow the org's own query path: the bearer token must not go anywhere else.
        if (!page.nextRecordsUrl.startsWith('/services/data/')) throw new AppError('SALESFORCE_ERROR', 'Salesforce sent an unexpected next-page link.');
        page = await getPage(conn, page.nextRecordsUrl, options);
      }
    } catch (error) {
      if (isInvalidLocator(error) && restarts < options.maxRestarts) {
        sink.restart();
        continue;
      }
      if (isInvalidLocator(error)) {
        throw new AppError('SALESFORCE_ERROR', 'Salesforce kept losing its place in the invoice list (INVALID_QUERY_LOCATOR). Please sync again.', {
          cause: error,
        });
      }
      throw toSyncError(error);
    }
  }
}
