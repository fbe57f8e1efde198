import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Connection } from 'jsforce';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renewOnExpiredSession } from '../../../electron/core/salesforce/session-renewal';

/**
 * The transport-level renewal against a loopback server that accepts exactly one bearer token
 * (the way Salesforce answers an expired session: 401 with an INVALID_SESSION_ID array).
 */
let server: Server;
let base: string;
let validToken = 'fresh';
let seen: string[] = [];
let restOnlyRefusal = false;

beforeAll(async () => {
  server = createServer((req, res) => {
    const auth = req.headers.authorization ?? '';
    seen.push(auth);
    if (restOnlyRefusal) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify([{ message: 'This session is not valid for use with the REST API', errorCode: 'INVALID_SESSION_ID' }]));
      return;
    }
    if (auth !== `Bearer ${validToken}`) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ totalSize: 1, done: true, records: [{ attributes: { type: 'Invoice' }, Id: '3tt000000000001' }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  validToken = 'fresh';
  seen = [];
  restOnlyRefusal = false;
});

function connection(renew: (rejected: string | undefined) => Promise<string>) {
  const conn = new Connection({ instanceUrl: base, accessToken: 'stale', version: '62.0' });
  renewOnExpiredSession(conn._transport, async (rejected) => {
    const token = await renew(rejected);
    conn.accessToken = token;
    return token;
  });
  return conn;
}

describe('renewOnExpiredSession', () => {
  it('renews once with the token that was refused and retries with the new one', async () => {
    const asked: (string | undefined)[] = [];
    const conn = connection(async (rejected) => (asked.push(rejected), 'fresh'));
    const result = await conn.query('SELECT Id FROM Invoice');
    expect(result.totalSize).toBe(1);
    expect(asked).toEqual(['stale']);
    expect(seen).toEqual(['Bearer stale', 'Bearer fresh']);
  });

  it('refuses to loop: a second 401 for the same request is RECONNECT_REQUIRED after one renewal', async () => {
    validToken = 'never';
    let renewals = 0;
    const conn = connection(async () => (renewals++, 'fresh'));
    await expect(conn.query('SELECT Id FROM Invoice')).rejects.toMatchObject({ code: 'RECONNECT_REQUIRED' });
    expect(renewals).toBe(1);
    expect(seen).toHaveLength(2);
  });

  it('passes the renewal failure through unchanged (e.g. NETWORK or RECONNECT_REQUIRED from the refresh)', async () => {
    const failure = Object.assign(new Error('offline'), { code: 'NETWORK' });
    const conn = connection(async () => {
      throw failure;
    });
    await expect(conn.query('SELECT Id FROM Invoice')).rejects.toBe(failure);
  });

  it('does not renew on 401s a refresh cannot fix', async () => {
    restOnlyRefusal = true;
    let renewals = 0;
    const conn = connection(async () => (renewals++, 'fresh'));
    await expect(conn.query('SELECT Id FROM Invoice')).rejects.toMatchObject({ errorCode: 'INVALID_SESSION_ID' });
    expect(renewals).toBe(0);
  });

  it('streams the body of the answer that counted, not of the refused attempt', async () => {
    const conn = connection(async () => 'fresh');
    const chunks: Buffer[] = [];
    const stream = conn.request({ method: 'GET', url: '/services/data/v62.0/query?q=SELECT+Id+FROM+Invoice' }).stream();
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
    expect(JSON.parse(Buffer.concat(chunks).toString('utf8'))).toMatchObject({ totalSize: 1 });
  });
});
