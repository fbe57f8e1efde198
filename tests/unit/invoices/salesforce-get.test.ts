import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { salesforceGet } from '../../../electron/core/invoices/sync/salesforce-get';
import { limitedTransport } from '../../../electron/core/salesforce/http-limits';
import { createConnection } from '../../../electron/core/salesforce/jsforce-adapter';

/**
 * salesforceGet parses a successful JSON answer itself, after jsforce (a 100k sync's pages cost less CPU that way:
 * BENCHMARKS.md, session 12). What callers get must stay what jsforce gave them: the value of JSON, the text of
 * anything else (and of a JSON answer that does not parse), and Salesforce's typed error of an error answer.
 */
let server: Server;
let base: string;
let reply: (res: ServerResponse) => void = () => undefined;

beforeAll(async () => {
  server = createServer((_req, res) => reply(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const answer = (status: number, type: string, body: string) => (res: ServerResponse) => {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
};
const get = (url = '/services/data/v62.0/query?q=SELECT+Id+FROM+Invoice') =>
  salesforceGet<unknown>(createConnection({ instanceUrl: base, accessToken: '00D000000000001!AQ.fake', version: '62.0' }, limitedTransport({ timeoutMs: 5_000, maxRetries: 0, retryDelayMs: 5 })), url);

describe('a GET through the connection', () => {
  it('gives a JSON answer as its value (any JSON content type, UTF-8 text intact)', async () => {
    const page = { totalSize: 1, done: true, records: [{ Id: '3tt000000000001AAA', Name: 'Zürich ✓ 東京' }] };
    reply = answer(200, 'application/json;charset=UTF-8', JSON.stringify(page));
    expect(await get()).toEqual(page);
    reply = answer(200, 'application/json', '[1,2]');
    expect(await get()).toEqual([1, 2]);
  });

  it('gives the text of an answer that is not JSON, or says JSON but does not parse, as jsforce did', async () => {
    reply = answer(200, 'text/plain', '{"looks":"like JSON"}');
    expect(await get()).toBe('{"looks":"like JSON"}');
    reply = answer(200, 'application/json', '{"records": [');
    expect(await get()).toBe('{"records": [');
  });

  it('fails an error answer with Salesforce’s own error code and message (read by jsforce from the JSON body)', async () => {
    reply = answer(400, 'application/json', JSON.stringify([{ errorCode: 'INVALID_QUERY_LOCATOR', message: 'invalid query locator' }]));
    await expect(get()).rejects.toMatchObject({ errorCode: 'INVALID_QUERY_LOCATOR', message: expect.stringMatching(/invalid query locator/) });
    reply = answer(403, 'application/json', JSON.stringify([{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }]));
    await expect(get()).rejects.toMatchObject({ errorCode: 'REQUEST_LIMIT_EXCEEDED' });
  });
});
