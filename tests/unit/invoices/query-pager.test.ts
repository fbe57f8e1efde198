import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limitedTransport } from '../../../electron/core/salesforce/http-limits';
import { createConnection } from '../../../electron/core/salesforce/jsforce-adapter';
import { runQuery, type PagerOptions, type Requester } from '../../../electron/core/invoices/sync/query-pager';
import { salesforceGet } from '../../../electron/core/invoices/sync/salesforce-get';

/**
 * The pager asks for the next page before it hands the current one on. When handing it on fails, the sync is
 * over: the page asked for ahead must be withdrawn, not left to run on its own (retrying a 5xx, refreshing an
 * expired session, counting against the org's API limit) after the user was told the sync failed.
 *
 * The server runs on its own thread, so the page's hand-on can wait (synchronously, as the mapping runs) until
 * the request for the next page has reached it: that request is on the wire before the hand-on fails. (It goes
 * out during the pager's one turn of the event loop only over a connection already open and free, as in a
 * sync's steady state: the test opens two first.)
 */
const SERVER = `
const { createServer } = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const flag = new Int32Array(workerData);
const first = JSON.stringify({ totalSize: 4, done: false, nextRecordsUrl: '/services/data/v62.0/query/01g-2', records: [{ Id: 'a1' }, { Id: 'a2' }] });
const warm = [];
const server = createServer((req, res) => {
  if (req.url.includes('/warm')) {
    // Two at once: two open connections, one free for the page asked for ahead while the other brings the first.
    warm.push(res);
    if (warm.length === 2) for (const held of warm.splice(0)) held.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    return;
  }
  if (!req.url.includes('/query/01g-2')) {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(first);
  }
  // The page asked for ahead: held, unanswered, until the client withdraws it.
  res.once('close', () => parentPort.postMessage({ withdrawn: !res.writableFinished }));
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', () => { server.closeAllConnections(); server.close(); parentPort.close(); });
`;

const flag = new Int32Array(new SharedArrayBuffer(4));
let worker: Worker;
let base: string;
const messages: { port?: number; withdrawn?: boolean }[] = [];
let onMessage: () => void = () => undefined;

beforeAll(async () => {
  worker = new Worker(SERVER, { eval: true, workerData: flag.buffer });
  worker.on('message', (message: { port?: number; withdrawn?: boolean }) => {
    messages.push(message);
    onMessage();
  });
  const port = await new Promise<number>((resolve) => (onMessage = () => messages[0]?.port && resolve(messages[0].port)));
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  worker.postMessage('stop');
  await worker.terminate();
});

describe('the page asked for ahead', () => {
  it('is withdrawn when the page before it cannot be handed on: nothing keeps running for a sync that has failed', async () => {
    const conn = createConnection({ instanceUrl: base, accessToken: '00D000000000001!AQ.fake', version: '62.0' }, limitedTransport({ timeoutMs: 10_000, maxRetries: 0, retryDelayMs: 5 }));
    const retries: number[] = [];
    const options: PagerOptions = {
      apiVersion: '62.0',
      pageSize: 200,
      maxRestarts: 2,
      signal: new AbortController().signal,
      retryDelaysMs: [1, 1, 1],
      sleep: async (ms) => void retries.push(ms),
    };
    const withdrawn = new Promise<boolean>((resolve) => {
      onMessage = () => {
        const answer = messages.find((message) => message.withdrawn !== undefined);
        if (answer) resolve(answer.withdrawn!);
      };
    });
    await Promise.all([1, 2].map(() => salesforceGet(conn, '/services/data/v62.0/warm')));
    const sync = runQuery(conn, 'SELECT Id FROM Invoice', 'query', options, {
      restart: () => undefined,
      page: () => {
        // Mapping the page takes a while; by its end the next page's request is at the server.
        expect(Atomics.wait(flag, 0, 0, 10_000)).not.toBe('timed-out');
        throw new Error('the rows could not be handed on');
      },
    });
    await expect(sync).rejects.toThrow();
    // Left running, the request would still be open and this would wait for ever (the test fails on its time limit).
    expect(await withdrawn).toBe(true);
    expect(retries).toEqual([]);
  });

  it('is not followed by another page handed on once the user has cancelled', async () => {
    const real = createConnection({ instanceUrl: base, accessToken: '00D000000000001!AQ.fake', version: '62.0' }, limitedTransport({ timeoutMs: 10_000, maxRetries: 0, retryDelayMs: 5 }));
    const user = new AbortController();
    // The user cancels as the next page is asked for (the click lands in that turn of the event loop).
    const conn: Requester = {
      request: ((request: { url: string }, options?: unknown) => {
        if (request.url.includes('/query/01g-2')) user.abort();
        return real.request(request as never, options as never);
      }) as Requester['request'],
    };
    const handedOn: number[] = [];
    const options: PagerOptions = { apiVersion: '62.0', pageSize: 200, maxRestarts: 2, signal: user.signal, retryDelaysMs: [1], sleep: async () => undefined };
    const sync = runQuery(conn, 'SELECT Id FROM Invoice', 'query', options, { restart: () => undefined, page: (_records, fetched) => void handedOn.push(fetched) });
    await expect(sync).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(handedOn).toEqual([]);
  });
});
