import type { LoginAgent, LoginRequest } from '../../../electron/core/ports';

/**
 * A headless login agent for the local org: does over plain HTTP what the user does in the login
 * window (login form, then "Allow" on consent) and resolves with the redirect URL the org sent,
 * code and state intact. The app's own OAuth client (PKCE, state check, token exchange) runs as is.
 * No browser in the measured process.
 */
export class HttpLoginAgent implements LoginAgent {
  constructor(private readonly credentials = { username: 'demo@budgetly.test', password: 'budgetly' }) {}

  async login({ authorizeUrl, redirectUri, signal }: LoginRequest): Promise<string> {
    const jar: string[] = [];
    const go = async (url: string, init: RequestInit = {}) => {
      const response = await fetch(new URL(url, authorizeUrl), { ...init, signal, redirect: 'manual', headers: { ...init.headers, cookie: jar.join('; ') } });
      jar.push(...response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!));
      await response.arrayBuffer();
      return response;
    };
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const loginUrl = new URL((await go(authorizeUrl)).headers.get('location')!, authorizeUrl).toString();
    await go(loginUrl);
    await go(loginUrl, { method: 'POST', headers: form, body: new URLSearchParams(this.credentials).toString() });
    const consent = await go(`${loginUrl}/consent`, { method: 'POST', headers: form, body: 'decision=allow' });
    // Follow the org's own redirects until one leaves for the app's redirect URI.
    let next = consent.headers.get('location');
    for (let hop = 0; next && hop < 5; hop++) {
      const url = new URL(next, authorizeUrl).toString();
      if (url.startsWith(redirectUri)) return url;
      next = (await go(url)).headers.get('location');
    }
    throw new Error('The local org did not redirect back to the app after consent.');
  }
}
