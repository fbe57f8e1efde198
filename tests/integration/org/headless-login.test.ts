import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startOrg, walkLogin, type RunningOrg } from '../../org/index.ts';

/** The one headless login walk every test and benchmark signs in with (tests/org/headless-login.ts). */
describe('signing in to the local org without a browser', () => {
  let org: RunningOrg;
  beforeAll(async () => {
    org = await startOrg({ invoices: 5 });
  });
  afterAll(async () => org?.stop());

  it('gives tokens that the org accepts', async () => {
    const tokens = await signIn(org.url);
    expect(tokens.refresh_token).toBeTruthy();
    const identity = await fetch(tokens.id, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect((await identity.json()) as { username: string }).toMatchObject({ username: 'demo@budgetly.test' });
  });

  it('ends on the redirect URI with access_denied and the state when consent is denied', async () => {
    const authorize = new URL('/services/oauth2/authorize', org.url);
    for (const [key, value] of Object.entries({ response_type: 'code', client_id: 'budgetly-demo', redirect_uri: 'http://localhost:1717/OauthRedirect', state: 's-1', code_challenge: 'x'.repeat(43), code_challenge_method: 'S256' })) {
      authorize.searchParams.set(key, value);
    }
    const denied = await walkLogin(authorize.href, { decision: 'deny' });
    expect(denied.origin + denied.pathname).toBe('http://localhost:1717/OauthRedirect');
    expect(denied.searchParams.get('error')).toBe('access_denied');
    expect(denied.searchParams.get('state')).toBe('s-1');
  });

  it('fails with a clear error on a wrong password instead of hanging or returning a page', async () => {
    await expect(signIn(org.url, { password: 'wrong' })).rejects.toThrow(/did not redirect|no redirect/);
  });
});
