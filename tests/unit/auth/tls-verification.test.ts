import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendWithFetch } from '../../../electron/core/salesforce/fetch-transport';
import { englishMessage } from '../../../electron/contract/i18n/spoken-messages';
import { exchangeText, exchangeWhole } from '../../../electron/core/salesforce/http-exchange';
import { toAppError } from '../../../electron/core/salesforce/salesforce-errors';
import { CERT, KEY } from '../../support/loopback-certificate';
import { createOAuth2, exchangeCode } from '../../../electron/core/auth/oauth-client';
import { defaultHttpLimits } from '../../../electron/core/salesforce/http-limits';

/**
 * TLS verification stays on for both ways Budgetly sends to Salesforce: a Bulk results part read over https (http-exchange.ts,
 * Node's https module since session 22) and every other request (fetch: fetch-transport.ts sendWithFetch). A server whose
 * certificate no trusted authority signed is refused before a request is sent, so the session's bearer token never reaches
 * it. No test spoke https before (the org and the other transport tests are plain http on loopback): a `rejectUnauthorized:
 * false`, or an agent or dispatcher that skips the check, passed them all. The server's certificate: tests/support/loopback-certificate.ts.
 * The user is told it is the certificate (a self-signed server, or a TLS-inspecting proxy whose CA Node does not trust), not
 * to check the internet connection (session 34).
 */

describe('Salesforce over https, a certificate not trusted', () => {
  let asked = 0;
  const server = createServer({ key: KEY, cert: CERT }, (_req, res) => {
    asked++;
    res.writeHead(200, { 'content-type': 'text/csv', 'sforce-locator': 'null', 'sforce-numberofrecords': '1' });
    res.end('"Id"\n"a00000000000000001"\n');
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/services/data/v67.0/jobs/query/750000000000001AAA/results`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const certificateRefused = (failure: unknown) => {
    expect(failure).toBeInstanceOf(Error);
    const said = toAppError(failure);
    expect(said.code).toBe('NETWORK');
    // A certificate refusal, not any failure (a refused port would be NETWORK too).
    const code = String(((failure as Error).cause as { code?: string } | undefined)?.code);
    expect(code).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|CERT/);
    // What the user reads says it is the certificate (and which check failed), not the internet connection.
    expect(said.message).toBe(englishMessage('salesforceCertificateRefused', { code }));
    expect(said.message).not.toMatch(/internet connection/i);
    expect(asked).toBe(0);
  };

  it('a Bulk results part (http-exchange.ts): refused, NETWORK, the token never sent', async () => {
    const failure: unknown = await exchangeWhole(
      { method: 'GET', url, headers: { Authorization: 'Bearer 00Dxx!session' } },
      { signal: AbortSignal.timeout(10_000), maxBytes: 1024 * 1024, tooLarge: () => new Error('too large') },
    ).then(
      () => null,
      (error: unknown) => error,
    );
    certificateRefused(failure);
  });

  it('a query page of the sync (http-exchange.ts exchangeText): refused, NETWORK, the token never sent', async () => {
    const failure: unknown = await exchangeText(
      { method: 'GET', url: url.replace('/jobs/query/750000000000001AAA/results', '/query?q=SELECT+Id+FROM+Invoice__c'), headers: { Authorization: 'Bearer 00Dxx!session' } },
      { signal: AbortSignal.timeout(10_000), maxBytes: 1024 * 1024, tooLarge: () => new Error('too large') },
    ).then(
      () => null,
      (error: unknown) => error,
    );
    certificateRefused(failure);
  });

  it('any other request (fetch, fetch-transport.ts): refused, NETWORK, the token never sent', async () => {
    const failure: unknown = await sendWithFetch({ method: 'GET', url, headers: { Authorization: 'Bearer 00Dxx!session' } }, AbortSignal.timeout(10_000)).then(
      () => null,
      (error: unknown) => error,
    );
    certificateRefused(failure);
  });

  it("the sign-in's code exchange (oauth-client.ts): the certificate message, not 'could not be reached'", async () => {
    const oauth2 = createOAuth2({ loginUrl: new URL(url).origin, clientId: 'budgetly-demo', redirectUri: 'http://127.0.0.1:1/callback' }, defaultHttpLimits);
    const failure: unknown = await exchangeCode(oauth2, 'aPrx.code', 'verifier').then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: 'NETWORK' });
    expect((failure as Error).message).toMatch(/^Salesforce’s security certificate could not be verified \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\)/);
    expect(asked).toBe(0);
  });
});
