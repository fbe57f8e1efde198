import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { runQuery, type PagerOptions, type Requester } from '../../../electron/core/invoices/sync/query-pager';

/**
 * A full sync of a million invoices hands on 500 pages of 2,000 records: a page kept while the next one is fetched and
 * parsed survives the young generation's collections, which makes V8 grow it (BENCHMARKS.md, session 27: the 1M
 * sync's peak RSS). Once handed on, a page must be free to go while the next one is on its way.
 */
setFlagsFromString('--expose-gc');
const fullGc = runInNewContext('gc') as () => void;

describe('a page handed on', () => {
  it('is not kept by the pager while the next page is on its way', async () => {
    let firstRecords: WeakRef<object> | null = null;
    let nextAsked!: () => void;
    const asked = new Promise<void>((resolve) => (nextAsked = resolve));
    let answerNext!: () => void;
    const held = new Promise<void>((resolve) => (answerNext = resolve));
    const conn: Requester = {
      request: (async (request: { url: string }) => {
        if (!request.url.includes('/query/01g-2')) {
          const records = [{ Id: 'a1' }, { Id: 'a2' }];
          firstRecords = new WeakRef(records);
          return { totalSize: 4, done: false, nextRecordsUrl: '/services/data/v62.0/query/01g-2', records };
        }
        nextAsked();
        await held;
        return { totalSize: 4, done: true, records: [{ Id: 'a3' }, { Id: 'a4' }] };
      }) as unknown as Requester['request'],
    };
    const options: PagerOptions = { apiVersion: '62.0', pageSize: 200, maxRestarts: 0, signal: new AbortController().signal, retryDelaysMs: [], sleep: async () => undefined };
    const ids: string[] = [];
    let handedOn!: () => void;
    const firstHandedOn = new Promise<void>((resolve) => (handedOn = resolve));
    const sync = runQuery(conn, 'SELECT Id FROM Invoice', 'query', options, {
      restart: () => undefined,
      page: (records) => {
        for (const record of records) ids.push(record.Id as string);
        handedOn();
      },
    });
    await Promise.all([asked, firstHandedOn]);
    // A WeakRef's target is kept until the task that made it ends: collect in a later one.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    fullGc();
    expect(firstRecords!.deref()).toBeUndefined();
    answerNext();
    await expect(sync).resolves.toEqual({ totalSize: 4, fetched: 4 });
    expect(ids).toEqual(['a1', 'a2', 'a3', 'a4']);
  });
});
