import { createHash, randomBytes } from 'node:crypto';

/**
 * Signing in to the local org without a browser: the one walk through its real authorize → login →
 * consent pages over plain HTTP (cookies carried by hand, as a browser would), for everything that needs
 * a signed-in org but does not test the login page itself (integration, security, the benchmarks). The
 * org's OAuth server runs as is: PKCE, state, consent, redirect checks.
 */

/** The org's defaults (options.ts): the demo user, its client id and the registered redirect URI. */
export const DEMO_USER = { username: 'demo@budgetly.test', password: 'budgetly' } as const;
export const DEMO_CLIENT_ID = 'budgetly-demo';
export const DEMO_REDIRECT_URI = 'http://localhost:1717/OauthRedirect';

export interface LoginWalkOptions {
  username?: string;
  password?: string;
  /** The button pressed on the consent page ("Allow" unless told). */
  decision?: 'allow' | 'deny';
  /** Where the walk ends (the authorize URL's `redirect_uri` unless told). */
  redirectUri?: string;
  signal?: AbortSignal;
}

/** The org's login attempts end on the redirect URI after at most this many of its own redirects. */
const MAX_HOPS = 5;

/**
 * Opens `authorizeUrl`, signs in with the demo user (or the given one), answers consent and follows the org's
 * redirects until one leaves for the authorize URL's `redirect_uri`: resolves with that URL, code (or error) and
 * state intact, as the login window would catch it.
 */
export async function walkLogin(authorizeUrl: string, { username = DEMO_USER.username, password = DEMO_USER.password, decision = 'allow', signal, ...options }: LoginWalkOptions = {}): Promise<URL> {
  const redirectUri = options.redirectUri ?? new URL(authorizeUrl).searchParams.get('redirect_uri');
  if (!redirectUri) throw new Error(`walkLogin: the authorize URL has no redirect_uri (${authorizeUrl})`);
  const cookies = new Map<string, string>();
  const send = async (url: URL, form?: Record<string, string>): Promise<Response> => {
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '), ...(form && { 'content-type': 'application/x-www-form-urlencoded' }) },
      body: form && new URLSearchParams(form).toString(),
      redirect: 'manual',
      signal,
    });
    for (const cookie of response.headers.getSetCookie()) {
      const pair = cookie.split(';')[0]!;
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    await response.arrayBuffer();
    return response;
  };
  const location = (response: Response, base: URL): URL => {
    const to = response.headers.get('location');
    if (!to) throw new Error(`walkLogin: the org answered ${base.pathname} with ${response.status} and no redirect`);
    return new URL(to, base);
  };

  const loginPage = location(await send(new URL(authorizeUrl)), new URL(authorizeUrl));
  await send(loginPage);
  await send(loginPage, { username, password });
  const consent = new URL(`${loginPage.pathname}/consent`, loginPage);
  let next = location(await send(consent, { decision }), consent);
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    if (next.href.startsWith(redirectUri)) return next;
    next = location(await send(next), next);
  }
  throw new Error(`walkLogin: the org did not redirect to ${redirectUri} after consent (wrong password?)`);
}

/** The part of the app's login agent port (electron/core/ports.ts) this agent needs. */
interface LoginRequestLike {
  authorizeUrl: string;
  redirectUri?: string;
  signal?: AbortSignal;
}

/**
 * A login agent without a browser: `walkLogin` for each attempt, resolving with the redirect URL the org sent.
 * `rewrite` lets a test play an attacker who changes that URL.
 */
export class HttpLoginAgent {
  /** Every redirect URL the org sent, newest last (before any rewrite). */
  readonly redirects: string[] = [];

  constructor(private readonly options: Omit<LoginWalkOptions, 'signal' | 'redirectUri'> & { rewrite?: (redirect: URL, request: LoginRequestLike) => string } = {}) {}

  async login(request: LoginRequestLike): Promise<string> {
    const redirect = await walkLogin(request.authorizeUrl, { ...this.options, redirectUri: request.redirectUri, signal: request.signal });
    this.redirects.push(redirect.href);
    return this.options.rewrite ? this.options.rewrite(redirect, request) : redirect.href;
  }
}

/** A PKCE pair (S256) with a 64-character verifier. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/**
 * Signs in as a client of the org would (authorize with PKCE, walk the pages, exchange the code) and gives the
 * code's details. `params` override the authorize request's parameters; a null one is left out (e.g.
 * `code_challenge_method`, as jsforce's useVerifier does).
 */
export async function authorizationCode(
  orgUrl: string,
  params: Record<string, string | null> = {},
  pair = pkcePair(),
  options: LoginWalkOptions = {},
): Promise<{ code: string; verifier: string; redirect: URL }> {
  const query = {
    response_type: 'code',
    client_id: DEMO_CLIENT_ID,
    redirect_uri: DEMO_REDIRECT_URI,
    state: randomBytes(8).toString('hex'),
    code_challenge: pair.challenge,
    code_challenge_method: 'S256',
    scope: 'api refresh_token',
    ...params,
  };
  const authorize = new URL('/services/oauth2/authorize', orgUrl);
  for (const [key, value] of Object.entries(query)) if (value !== null) authorize.searchParams.set(key, value);
  const redirect = await walkLogin(authorize.href, options);
  const code = redirect.searchParams.get('code');
  if (!code) throw new Error(`The local org did not return an authorization code: ${redirect.href}`);
  return { code, verifier: pair.verifier, redirect };
}

/** The org's token answer (no `expires_in`, as Salesforce). */
export interface OrgTokenResponse {
  access_token: string;
  refresh_token?: string;
  instance_url: string;
  id: string;
  issued_at: string;
  scope: string;
  token_type: string;
  signature: string;
}

/** Signs in and exchanges the code: fresh tokens for `clientId` (the demo client unless told). */
export async function signIn(orgUrl: string, { clientId = DEMO_CLIENT_ID, scope = 'api refresh_token', ...options }: LoginWalkOptions & { clientId?: string; scope?: string } = {}): Promise<OrgTokenResponse> {
  const { code, verifier } = await authorizationCode(orgUrl, { client_id: clientId, scope }, undefined, options);
  const response = await fetch(new URL('/services/oauth2/token', orgUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id: clientId, redirect_uri: DEMO_REDIRECT_URI, code_verifier: verifier }),
  });
  const body = (await response.json()) as OrgTokenResponse & { error?: string };
  if (!response.ok) throw new Error(`The local org refused the code: ${JSON.stringify(body)}`);
  return body;
}
