import { englishMessage } from '../../../contract/i18n/spoken-messages';
import { AppError } from '../../../contract';
import type { SalesforceRecord } from '../mapping/row-mapper';
import { salesforceGet, type Requester } from './salesforce-get';
import { cancelled, isInvalidLocator, toSyncError } from './sync-faults';
import { withRetries, type RetryPolicy } from './with-retries';

export type { Requester };

export interface PagerOptions extends RetryPolicy {
  apiVersion: string;
  /** Records per page asked of Salesforce (200–2000; a hint it may lower). */
  pageSize: number;
  /** How often a query whose cursor expired (INVALID_QUERY_LOCATOR) is started over. */
  maxRestarts: number;
  signal: AbortSignal;
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

async function getPage(conn: Requester, url: string, options: PagerOptions): Promise<QueryPage> {
  return withRetries(
    async () => {
      const page = await salesforceGet<QueryPage>(conn, url, {
        signal: options.signal,
        headers: { 'Sforce-Query-Options': `batchSize=${options.pageSize}` },
      });
      if (!page || !Array.isArray(page.records)) throw new AppError('SALESFORCE_ERROR', englishMessage('queryUnexpectedAnswer'));
      return page;
    },
    options,
    options.signal,
  );
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
  // The page asked for ahead is withdrawn when the query ends without it (its page before could not be
  // handed on): no retry, refresh or API call on behalf of a sync that is already over. Only a query that fails can
  // leave one: a query that ends has handed on its last page, which had none after it. Not aborted then: an abort
  // goes on to every request's signal made from this one (an event each), ~0.1 ms a query, 21 queries in an
  // incremental sync with payments (BENCHMARKS.md, session 35).
  const ahead = new AbortController();
  try {
    return await pageThrough(conn, firstUrl, { ...options, signal: AbortSignal.any([options.signal, ahead.signal]) }, sink);
  } catch (error) {
    ahead.abort();
    throw error;
  }
}

/** What the pager holds while it waits for the next page (tests/unit/invoices/query-pager-let-go.test.ts). */
const LET_GO: QueryPage = { totalSize: 0, done: true, records: [] };

async function pageThrough(conn: Requester, firstUrl: string, options: PagerOptions, sink: PageSink): Promise<{ totalSize: number; fetched: number }> {
  for (let restarts = 0; ; restarts++) {
    let fetched = 0;
    try {
      let page = await getPage(conn, firstUrl, options);
      for (;;) {
        fetched += page.records.length;
        const last = page.done || !page.nextRecordsUrl;
        // Only ever follow the org's own query path: the bearer token must not go anywhere else.
        if (!last && !page.nextRecordsUrl!.startsWith('/services/data/')) throw new AppError('SALESFORCE_ERROR', englishMessage('queryUnexpectedNextPage'));
        // The next page is asked for before this one is handed on: Salesforce prepares it while the
        // rows are mapped (still one request in flight at a time, pages in order).
        const next = last ? null : getPage(conn, page.nextRecordsUrl!, options);
        next?.catch(() => undefined); // awaited below; a failure surfaces there
        // fetch() only puts the request on the wire once this task yields: without this turn of the event
        // loop the mapping below ran first and Salesforce started on the next page only after it (measured:
        // a request started before 50 ms of synchronous work reached a loopback server after it, at +63 ms;
        // after a setImmediate, at +1 ms).
        if (next) await new Promise<void>((resolve) => setImmediate(resolve));
        // A cancel that came in that turn: no page is mapped, shown or written after it.
        if (options.signal.aborted) throw cancelled();
        const { totalSize } = page;
        sink.page(page.records, fetched, Math.max(totalSize, fetched));
        if (!next) return { totalSize, fetched };
        // This page is let go before the next one arrives: kept through that wait (its fetch and parse), its records
        // survived the young generation's collections and were promoted, and V8 grew the young generation (full sync
        // of 1M invoices: peak RSS 472–483 → 444–458 MiB, 4 of 4 pairs; BENCHMARKS.md, session 27).
        page = LET_GO;
        page = await next;
      }
    } catch (error) {
      if (isInvalidLocator(error) && restarts < options.maxRestarts) {
        sink.restart();
        continue;
      }
      if (isInvalidLocator(error)) {
        throw new AppError('SALESFORCE_ERROR', englishMessage('queryLostPlace'), {
          cause: error,
        });
      }
      throw toSyncError(error);
    }
  }
}
