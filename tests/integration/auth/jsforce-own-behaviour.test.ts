import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Connection, OAuth2 } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrg, type RunningOrg } from '../../org';
import { CLIENT_ID, loginToOrg } from '../invoices/support/org-login';

/**
 * What the pinned jsforce (package.json) does on its own, where Budgetly does the work itself instead.
 * Each test states the jsforce behaviour a workaround covers; when one of them starts failing after a
 * jsforce upgrade, that workaround may be ready to go:
 * - own PKCE (electron/core/auth/pkce.ts) ← `useVerifier`
 * - own refresh and rotation persistence (electron/core/salesforce/session-manager.ts) ← the Connection's
 *   built-in refresh (lib/connection.js oauthRefreshFn, lib/session-refresh-delegate.js)
 * The fetch transport (http-limits.ts, fetch-transport.ts) is covered by the "cut off mid-body" tests of
 * session-refresh.test.ts and connection-transport.test.ts: through jsforce's own transport the cut body's
 * error is uncaught, which fails a test file's run (so it cannot be shown here without failing this one).
 */
const COUNT = 'SELECT COUNT() FROM Invoice';
const REDIRECT = 'http://localhost:1717/OauthRedirect';

describe("jsforce's useVerifier PKCE", () => {
  let server: Server;
  let base: string;
  const tokenPosts: URLSearchParams[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        tokenPosts.push(new URLSearchParams(body));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ access_token: 'a', instance_url: base, id: `${base}/id/00D/005`, token_type: 'Bearer' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('makes a verifier longer than RFC 7636 allows, names no challenge method, and sends the verifier on refresh', async () => {
    const oauth2 = new OAuth2({ loginUrl: base, clientId: CLIENT_ID, redirectUri: REDIRECT, useVerifier: true });
    expect(oauth2.codeVerifier!.length).toBeGreaterThan(128); // RFC 7636: 43–128 characters
    const authorize = new URL(oauth2.getAuthorizationUrl({ state: 's' }));
    expect(authorize.searchParams.get('code_challenge')).toBeTruthy();
    expect(authorize.searchParams.has('code_challenge_method')).toBe(false); // the server then assumes "plain"
    await oauth2.refreshToken('r');
    expect(tokenPosts.at(-1)?.get('grant_type')).toBe('refresh_token');
    expect(tokenPosts.at(-1)?.get('code_verifier')).toBe(oauth2.codeVerifier); // the sign-in's secret, on every refresh
  });
});

describe("jsforce's built-in session refresh, with refresh-token rotation", () => {
  let org: RunningOrg;
  beforeAll(async () => {
    org = await startOrg({ port: 0, invoices: 5, rotateRefresh: true });
  });
  afterAll(() => org?.stop());

  it('keeps the rotated-out refresh token, so the second renewal fails, and the refusal loses its invalid_grant name', async () => {
    const tokens = await loginToOrg(org);
    const rotated: string[] = [];
    const conn = new Connection({
      oauth2: { loginUrl: org.url, clientId: CLIENT_ID, redirectUri: REDIRECT },
      instanceUrl: tokens.instanceUrl,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      version: '62.0',
    });
    conn.on('refresh', (_accessToken: string, answer: { refresh_token?: string }) => {
      if (answer.refresh_token) rotated.push(answer.refresh_token);
    });

    org.control.expireSessions();
    expect((await conn.query(COUNT)).totalSize).toBe(5); // the first renewal works…
    expect(rotated).toHaveLength(1); // …and Salesforce rotated the refresh token (only the event shows the new one)
    expect(conn.refreshToken).toBe(tokens.refreshToken); // jsforce kept the old, now dead, one

    org.control.expireSessions();
    const error = await conn.query(COUNT).then(
      () => undefined,
      (reason: unknown) => reason as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).toMatch(/^Unable to refresh session due to: /);
    expect(error!.name).toBe('Error'); // not invalid_grant: the app could not tell "sign in again" from an outage
  });
});
