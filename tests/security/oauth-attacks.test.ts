import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LoginFlow, type LoginTarget } from '../../electron/core/auth/login-flow';
import { authorizeUrl, createOAuth2, exchangeCode } from '../../electron/core/auth/oauth-client';
import { createPkce, createState } from '../../electron/core/auth/pkce';
import { REDIRECT_URI, parseRedirect } from '../../electron/core/auth/redirect';
import { systemClock } from '../../electron/core/ports';
import { defaultHttpLimits } from '../../electron/core/salesforce/http-limits';
import { HttpLoginAgent, startOrg, type RunningOrg } from '../org/index';
import { MemoryLogger } from '../support/test-ports';

/**
 * OAuth attacks against the real LoginFlow and the local org's real token endpoint (no browser:
 * the org's login and consent pages are walked over HTTP). Already proven elsewhere and not repeated:
 * state mismatch / missing state, another path, port or lookalike host, wrong verifier
 * (tests/integration/auth/login-flow.test.ts, tests/unit/auth/pkce-and-redirect.test.ts); missing
 * verifier at the token endpoint (tests/integration/org/oauth-tokens.test.ts).
 */

let org: RunningOrg;
let target: LoginTarget;
const flow = () => new LoginFlow({ clock: systemClock, logger: new MemoryLogger() });
const grants = () => org.control.counters().tokenGrants;

beforeAll(async () => {
  org = await startOrg({ port: 0, invoices: 5 });
  target = { connectionId: 'c1', loginUrl: org.url, clientId: 'budgetly-demo' };
});
afterAll(async () => org?.stop());
beforeEach(() => org.control.resetCounters());

/** A code (and its verifier) issued for an authorize request of our own, not yet exchanged. */
async function freshCode() {
  const oauth2 = createOAuth2({ loginUrl: org.url, clientId: 'budgetly-demo', redirectUri: REDIRECT_URI }, defaultHttpLimits);
  const pkce = createPkce();
  const state = createState();
  const redirected = await new HttpLoginAgent().login({
    authorizeUrl: authorizeUrl(oauth2, { state, codeChallenge: pkce.challenge }),
    redirectUri: REDIRECT_URI,
    signal: new AbortController().signal,
  });
  return { oauth2, pkce, code: parseRedirect(redirected, { redirectUri: REDIRECT_URI, state }).code };
}

describe('authorization codes', () => {
  it('a code is good once: replayed at the token endpoint, even with the right verifier, it is refused', async () => {
    const { oauth2, pkce, code } = await freshCode();
    await expect(exchangeCode(oauth2, code, pkce.verifier)).resolves.toMatchObject({ refreshToken: expect.stringMatching(/^5Aep/) });
    await expect(exchangeCode(oauth2, code, pkce.verifier)).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
    expect(grants()).toBe(1);
  });

  it('a redirect captured from an earlier sign-in, replayed into a new attempt, is ignored before any exchange', async () => {
    const first = new HttpLoginAgent();
    await expect(flow().login(target, first)).resolves.toMatchObject({ identity: { username: 'demo@budgetly.test' } });
    const captured = first.redirects[0]!;
    const replaying = new HttpLoginAgent({ rewrite: () => captured });
    const before = grants();
    await expect(flow().login(target, replaying)).rejects.toMatchObject({ code: 'LOGIN_FAILED', message: expect.stringContaining('did not belong to this attempt') });
    expect(grants()).toBe(before);
  });

  it('an empty verifier (PKCE stripped) gets no tokens', async () => {
    const { oauth2, code } = await freshCode();
    await expect(exchangeCode(oauth2, code, '')).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
    expect(grants()).toBe(0);
  });

  it('another attempt’s verifier gets no tokens, and the code is then dead for its own verifier too', async () => {
    const { oauth2, pkce, code } = await freshCode();
    await expect(exchangeCode(oauth2, code, createPkce().verifier)).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
    const retried = await exchangeCode(oauth2, code, pkce.verifier).then(
      () => 'granted',
      () => 'refused',
    );
    // RFC 6749 §4.1.2: a code is single-use; a failed exchange may consume it. Either way no second grant.
    expect(grants()).toBe(retried === 'granted' ? 1 : 0);
  });
});

describe('forged redirects in a real attempt', () => {
  it.each([
    ['the code swapped for an attacker’s own code (right state)', (url: URL) => (url.searchParams.set('code', 'aPrxATTACKERcode'), url.href)],
    ['the redirect URI on https', (url: URL) => url.href.replace('http://', 'https://')],
    ['a lookalike path with a trailing slash', (url: URL) => url.href.replace('/OauthRedirect', '/OauthRedirect/')],
    ['a lookalike path with a different case', (url: URL) => url.href.replace('/OauthRedirect', '/oauthredirect')],
    ['an encoded path', (url: URL) => url.href.replace('/OauthRedirect', '/Oauth%52edirect')],
    ['credentials in the URL', (url: URL) => url.href.replace('http://', 'http://attacker:x@')],
    ['a subdomain of localhost', (url: URL) => url.href.replace('localhost', 'evil.localhost')],
    ['the IPv6 loopback for localhost', (url: URL) => url.href.replace('localhost', '[::1]')],
    ['two state parameters, the first one forged', (url: URL) => url.href.replace('state=', 'state=forged&state=')],
  ])('%s → LOGIN_FAILED, the org grants nothing', async (_label, rewrite) => {
    const agent = new HttpLoginAgent({ rewrite });
    await expect(flow().login(target, agent)).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
    expect(grants()).toBe(0);
  });

  it('an error redirect with HTML in its description becomes a short plain-text LOGIN_FAILED message', async () => {
    const html = '<img src=x onerror=alert(1)>\n<script>steal()</script>'.repeat(20);
    const agent = new HttpLoginAgent({
      rewrite: (url) => `${REDIRECT_URI}?error=server_error&error_description=${encodeURIComponent(html)}&state=${url.searchParams.get('state')}`,
    });
    const error = (await flow().login(target, agent).catch((reason: unknown) => reason)) as { code: string; message: string };
    expect(error.code).toBe('LOGIN_FAILED');
    expect(error.message).toContain('<img src=x onerror=alert(1)>');
    expect(error.message).not.toContain('\n');
    expect(error.message.length).toBeLessThanOrEqual(320);
    expect(grants()).toBe(0);
  });
});
