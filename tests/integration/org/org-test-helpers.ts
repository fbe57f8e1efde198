/* eslint-disable @typescript-eslint/no-explicit-any -- untyped library objects (oidc-provider, soql-parser AST, jsforce records) */
import jsforce from 'jsforce';
import type { Browser } from 'playwright-core';
import { authorizationCode, DEMO_CLIENT_ID, DEMO_REDIRECT_URI, DEMO_USER, pkcePair, signIn, type RunningOrg } from '../../org/index.ts';
import { approve, deny, fillOrgLogin } from '../../support/playwright-login-agent';
import { launchChromium } from '../../support/chromium';

export const CLIENT_ID = DEMO_CLIENT_ID;
export const REDIRECT = DEMO_REDIRECT_URI;
export const VERSION = '62.0';

export const pkce = pkcePair;

export function oauth2(org: RunningOrg, redirectUri = REDIRECT, clientId = CLIENT_ID) {
  return new jsforce.OAuth2({ loginUrl: org.url, clientId, redirectUri });
}

export function connection(org: RunningOrg, tokens?: { access_token: string; refresh_token?: string }) {
  return new jsforce.Connection({
    oauth2: { loginUrl: org.url, clientId: CLIENT_ID, redirectUri: REDIRECT },
    instanceUrl: org.url,
    version: VERSION,
    ...(tokens ? { accessToken: tokens.access_token, refreshToken: tokens.refresh_token } : {}),
  });
}

/** The tests' one Chromium launcher (tests/support/chromium.ts). */
export { launchChromium };

/** Drives the org's real login + consent pages in Chromium; resolves with the redirect URL the org sent. */
export async function browserLogin(
  browser: Browser,
  authorizeUrl: string,
  opts: { redirectUri?: string; password?: string; decision?: 'allow' | 'deny'; wrongPasswordFirst?: boolean } = {},
): Promise<URL> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const redirect = new URL(opts.redirectUri ?? REDIRECT);
    let resolveHit: (u: URL) => void;
    const hit = new Promise<URL>((r) => (resolveHit = r));
    await page.route((u) => u.origin === redirect.origin && u.pathname === redirect.pathname, async (route) => {
      resolveHit(new URL(route.request().url()));
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<p>done</p>' });
    });
    await page.goto(authorizeUrl);
    if (opts.wrongPasswordFirst) {
      await fillOrgLogin(page, { ...DEMO_USER, password: 'wrong-password' });
      await page.getByText('Please check your username and password').waitFor();
    }
    await fillOrgLogin(page, { ...DEMO_USER, password: opts.password ?? DEMO_USER.password });
    await (opts.decision === 'deny' ? deny(page) : approve(page));
    return await hit;
  } finally {
    await context.close();
  }
}

/** Same login + consent over plain HTTP (the org's headless login walk): fast, for tests that only need tokens. */
export function httpLogin(
  org: RunningOrg,
  params: Record<string, string | null> = {},
  pair: { verifier: string; challenge: string } = pkce(),
): Promise<{ code: string; verifier: string; redirect: URL }> {
  return authorizationCode(org.url, params, pair);
}

export async function tokenPost(org: RunningOrg, params: Record<string, string>): Promise<{ status: number; body: any }> {
  const res = await fetch(`${org.url}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Logs in over HTTP and exchanges the code: fresh access + refresh tokens. */
export function freshTokens(org: RunningOrg): Promise<any> {
  return signIn(org.url);
}

export async function api(org: RunningOrg, path: string, token?: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${org.url}${path}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
  const text = await res.text();
  let body: any = text;
  try { body = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, headers: res.headers, body };
}
