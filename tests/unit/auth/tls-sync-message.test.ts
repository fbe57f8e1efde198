import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishMessage } from '../../../electron/contract/i18n/spoken-messages';
import { runQuery, type PagerOptions } from '../../../electron/core/invoices/sync/query-pager';
import { limitedTransport } from '../../../electron/core/salesforce/http-limits';
import { createConnection } from '../../../electron/core/salesforce/jsforce-adapter';
import { CERT, KEY } from '../../support/loopback-certificate';

/**
 * review34's finding on 1d8f445 (a certificate Node's TLS refuses reads as the certificate, "for the sync"): the sync's
 * pages (query-pager.ts), describes (org-metadata.ts) and Bulk requests (bulk-query.ts) go through withRetries; a refused
 * certificate is NETWORK, so transient: retried three times (0.5 + 1.5 + 4 s) and then reported as
 * `syncRetriesExhausted` ("Salesforce did not answer after 4 tries. Check your internet connection …") — the message a
 * syncing user read was still the internet one. Fixed: isTransient (sync-faults.ts) says no to a refused certificate.
 */
describe('a sync against a certificate not trusted (review34)', () => {
  let asked = 0;
  const server = createServer({ key: KEY, cert: CERT }, (_req, res) => {
    asked++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"totalSize":0,"done":true,"records":[]}');
  });
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('tells the user it is the certificate, not the internet connection', async () => {
    const conn = createConnection({ instanceUrl: base, accessToken: '00D000000000001!AQ.fake', version: '62.0' }, limitedTransport({ timeoutMs: 10_000, maxRetries: 0, retryDelayMs: 5 }));
    const options: PagerOptions = { apiVersion: '62.0', pageSize: 200, maxRestarts: 0, signal: new AbortController().signal, retryDelaysMs: [500, 1500, 4000], sleep: async () => undefined };
    const failure = (await runQuery(conn, 'SELECT Id FROM Invoice', 'query', options, { restart: () => undefined, page: () => undefined }).then(
      () => null,
      (error: unknown) => error,
    )) as Error | null;
    expect(asked).toBe(0);
    expect(failure?.message).not.toMatch(/internet connection/i);
    expect(failure?.message).toContain(englishMessage('salesforceCertificateRefused', { code: 'X' }).split('(')[0]);
  });
});
