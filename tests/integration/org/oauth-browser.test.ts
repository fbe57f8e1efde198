/* eslint-disable @typescript-eslint/no-explicit-any -- untyped library objects (oidc-provider, soql-parser AST, jsforce records) */
import jsforce from 'jsforce';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrg, type RunningOrg } from '../../org/index.ts';
import { browserLogin, connection, launchChromium, oauth2, pkce, REDIRECT, VERSION } from './org-test-helpers.ts';

describe('OAuth web-server flow through the real login page (Chromium + jsforce)', () => {
  let org: RunningOrg;
  let browser: Browser;
  beforeAll(async () => {
    [org, browser] = await Promise.all([startOrg({ port: 0, invoices: 200 }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await org?.stop();
  });

  it('logs in (after a wrong password), consents, exchanges the code with PKCE and reads identity', async () => {
    const { verifier, challenge } = pkce();
    const authUrl = oauth2(org).getAuthorizationUrl({
      scope: 'api refresh_token', state: 'state-123', code_challenge: challenge, code_challenge_method: 'S256',
    } as any);
    const back = await browserLogin(browser, authUrl, { wrongPasswordFirst: true });
    expect(back.searchParams.get('state')).toBe('state-123');
    const code = back.searchParams.get('code')!;
    expect(code).toBeTruthy();

    const conn = connection(org);
    const raw = await conn.oauth2.requestToken(code, { code_verifier: verifier } as any);
    expect(raw).toMatchObject({ instance_url: org.url, id: `${org.url}/id/${org.orgId}/${org.userId}`, token_type: 'Bearer', scope: 'api refresh_token' });
    expect(raw).not.toHaveProperty('expires_in');
    expect(raw.access_token.startsWith(`${org.orgId.slice(0, 15)}!`)).toBe(true);
    expect(org.orgId.startsWith('00D')).toBe(true);
    expect(raw.refresh_token!.startsWith('5Aep')).toBe(true);
    expect(raw.issued_at).toMatch(/^\d{13}$/);
    expect(typeof (raw as any).signature).toBe('string');

    const authed = connection(org, raw as any); // no userInfo: identity() discovers the id URL via /services/data/vXX.X
    const id = await authed.identity();
    expect(id).toMatchObject({ user_id: org.userId, organization_id: org.orgId, username: 'demo@budgetly.test', display_name: 'Demo Accountant' });
    expect(id.urls.rest).toContain('/services/data/v{version}/');
    const res = await authed.query<{ Id: string }>('SELECT Id FROM Invoice LIMIT 5');
    expect(res.records).toHaveLength(5);
    expect(authed.version).toBe(VERSION);
    expect(org.control.counters().tokenGrants).toBe(1);

    // codes are single-use
    await expect(conn.oauth2.requestToken(code, { code_verifier: verifier } as any)).rejects.toMatchObject({ name: 'invalid_grant' });
  });

  it('Deny redirects with access_denied and the state', async () => {
    const { challenge } = pkce();
    const url = oauth2(org).getAuthorizationUrl({ scope: 'api', state: 's-deny', code_challenge: challenge, code_challenge_method: 'S256' } as any);
    const back = await browserLogin(browser, url, { decision: 'deny' });
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('error_description')).toBeTruthy();
    expect(back.searchParams.get('state')).toBe('s-deny');
    expect(back.searchParams.get('code')).toBeNull();
  });

  it('accepts a registered loopback redirect URI on any port (RFC 8252)', async () => {
    const other = 'http://localhost:53123/OauthRedirect';
    const { challenge, verifier } = pkce();
    const conn = new jsforce.Connection({ oauth2: { loginUrl: org.url, clientId: 'budgetly-demo', redirectUri: other }, version: VERSION });
    const url = conn.oauth2.getAuthorizationUrl({ scope: 'api', state: 'p', code_challenge: challenge, code_challenge_method: 'S256' } as any);
    const back = await browserLogin(browser, url, { redirectUri: other });
    const info = await conn.authorize(back.searchParams.get('code')!, { code_verifier: verifier } as any);
    expect(info).toMatchObject({ id: org.userId, organizationId: org.orgId });
    expect(conn.accessToken).toBeTruthy();
    expect(conn.refreshToken).toBeUndefined(); // scope without refresh_token → none issued
    expect((await conn.identity()).user_id).toBe(org.userId);
  });

  it('unknown client_id and unregistered redirect_uri get a 400 page, not a redirect', async () => {
    const { challenge } = pkce();
    const base = { response_type: 'code', code_challenge: challenge, code_challenge_method: 'S256', scope: 'api', state: 'x' };
    const bad1 = await fetch(`${org.url}/services/oauth2/authorize?${new URLSearchParams({ ...base, client_id: 'nope', redirect_uri: REDIRECT })}`, { redirect: 'manual' });
    expect(bad1.status).toBe(400);
    expect(bad1.headers.get('location')).toBeNull();
    expect(await bad1.text()).toContain('invalid_client_id');
    const bad2 = await fetch(`${org.url}/services/oauth2/authorize?${new URLSearchParams({ ...base, client_id: 'budgetly-demo', redirect_uri: 'https://evil.example/cb' })}`, { redirect: 'manual' });
    expect(bad2.status).toBe(400);
    expect(await bad2.text()).toContain('redirect_uri_mismatch');
    const page = await browser.newPage();
    const nav = await page.goto(`${org.url}/services/oauth2/authorize?${new URLSearchParams({ ...base, client_id: 'budgetly-demo', redirect_uri: 'http://localhost:1717/Other' })}`);
    expect(nav?.status()).toBe(400);
    expect(await page.textContent('body')).toContain('redirect_uri_mismatch');
    await page.close();
  });
});
