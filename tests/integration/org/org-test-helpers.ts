/* eslint-disable @typescript-eslint/no-explicit-any -- untyped library objects (oidc-provider, soql-parser AST, jsforce records) */
import { createHash, randomBytes } from 'node:crypto';
import jsforce from 'jsforce';
import { chromium, type Browser } from 'playwright-core';
import type { RunningOrg } from '../../org/index.ts';

export const CLIENT_ID = 'budgetly-demo';
export const REDIRECT = 'http://localhost:1717/OauthRedirect';
export const VERSION = '62.0';

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url'); // 64 chars
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

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

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

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
      await page.fill('#username', 'demo@budgetly.test');
      await page.fill('#password', 'wrong-password');
      await page.click('#Login');
      await page.getByText('Please check your username and password').waitFor();
    }
    await page.fill('#username', 'demo@budgetly.test');
    await page.fill('#password', opts.password ?? 'budgetly');
    await page.click('#Login');
    await page.click(opts.decision === 'deny' ? '#oadeny' : '#oaapprove');
    return await hit;
  } finally {
    await context.close();
  }
}

/** Same login + consent over plain HTTP (cookies carried by hand): fast, for tests that only need tokens. */
export async function httpLogin(
  org: RunningOrg,
  params: Record<string, string | null> = {},
  pair: { verifier: string; challenge: string } = pkce(),
): Promise<{ code: string; verifier: string; redirect: URL }> {
  const { verifier, challenge } = pair;
  const merged: Record<string, string | null> = {
    response_type: 'code', client_id: CLIENT_ID, redirect_uri: REDIRECT, state: 'st-1',
    code_challenge: challenge, code_challenge_method: 'S256', scope: 'api refresh_token', ...params,
  };
  // A null parameter is left out (e.g. `code_challenge_method`, as jsforce's useVerifier does).
  const q = new URLSearchParams(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== null));
  const jar = new Map<string, string>();
  const go = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(new URL(url, org.url), {
      ...init, redirect: 'manual',
      headers: { ...(init.headers ?? {}), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const kv = c.split(';')[0]!;
      const i = kv.indexOf('=');
      jar.set(kv.slice(0, i), kv.slice(i + 1));
    }
    return res;
  };
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  let res = await go(`/services/oauth2/authorize?${q}`);
  const login = res.headers.get('location')!;
  await go(login);
  await go(login, { method: 'POST', headers: form, body: 'username=demo%40budgetly.test&password=budgetly' });
  res = await go(`${login}/consent`, { method: 'POST', headers: form, body: 'decision=allow' });
  res = await go(res.headers.get('location')!);
  const redirect = new URL(res.headers.get('location')!);
  return { code: redirect.searchParams.get('code')!, verifier, redirect };
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
export async function freshTokens(org: RunningOrg): Promise<any> {
  const { code, verifier } = await httpLogin(org);
  const r = await tokenPost(org, { grant_type: 'authorization_code', code, client_id: CLIENT_ID, redirect_uri: REDIRECT, code_verifier: verifier });
  if (r.status !== 200) throw new Error(`token exchange failed: ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function api(org: RunningOrg, path: string, token?: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${org.url}${path}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
  const text = await res.text();
  let body: any = text;
  try { body = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, headers: res.headers, body };
}
