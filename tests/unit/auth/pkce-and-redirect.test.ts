import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { OAuth2 } from 'jsforce';
import { authorizeUrl } from '../../../electron/core/auth/oauth-client';
import { challengeFor, createPkce, createState } from '../../../electron/core/auth/pkce';
import { REDIRECT_URI, matchesRedirectUri, parseRedirect } from '../../../electron/core/auth/redirect';

describe('PKCE', () => {
  it('makes a fresh RFC 7636 verifier (43–128 unreserved chars) with its S256 challenge', () => {
    const a = createPkce();
    const b = createPkce();
    expect(a.verifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
    expect(a.verifier).not.toBe(b.verifier);
    expect(a.challenge).toBe(createHash('sha256').update(a.verifier).digest('base64url'));
    expect(a.method).toBe('S256');
    expect(createState()).not.toBe(createState());
  });

  it('matches the RFC 7636 appendix B example', () => {
    expect(challengeFor('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    expect(() => challengeFor('too-short')).toThrow();
  });
});

describe('authorize URL', () => {
  const oauth2 = new OAuth2({ loginUrl: 'https://login.salesforce.com', clientId: 'cid', redirectUri: REDIRECT_URI });

  it('asks for api + refresh_token with our own S256 challenge and the state', () => {
    const url = new URL(authorizeUrl(oauth2, { state: 's1', codeChallenge: 'c1' }));
    expect(url.origin + url.pathname).toBe('https://login.salesforce.com/services/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'cid',
      redirect_uri: REDIRECT_URI,
      scope: 'api refresh_token',
      state: 's1',
      code_challenge: 'c1',
      code_challenge_method: 'S256',
    });
  });

  it('forces the login page when the user switches account', () => {
    const url = new URL(authorizeUrl(oauth2, { state: 's', codeChallenge: 'c', switchUser: true }));
    expect(url.searchParams.get('prompt')).toBe('login');
  });
});

describe('redirect matching', () => {
  it.each([
    ['the redirect URI itself', 'http://localhost:1717/OauthRedirect?code=x&state=y', true],
    ['another path', 'http://localhost:1717/OauthRedirect2?code=x', false],
    ['a path prefix', 'http://localhost:1717/Oauth?code=x', false],
    ['another port', 'http://localhost:1718/OauthRedirect?code=x', false],
    ['no port', 'http://localhost/OauthRedirect?code=x', false],
    ['https instead of http', 'https://localhost:1717/OauthRedirect?code=x', false],
    ['a lookalike host', 'http://localhost.evil.test:1717/OauthRedirect?code=x', false],
    ['127.0.0.1 for localhost', 'http://127.0.0.1:1717/OauthRedirect?code=x', false],
    ['credentials in the URL', 'http://a:b@localhost:1717/OauthRedirect?code=x', false],
    ['an intermediate page carrying code=', 'https://login.salesforce.com/frontdoor?redirect=http://localhost:1717/OauthRedirect&code=x', false],
    ['garbage', 'not a url', false],
  ])('%s', (_label, url, expected) => {
    expect(matchesRedirectUri(url, REDIRECT_URI)).toBe(expected);
  });
});

describe('parseRedirect', () => {
  const expected = { redirectUri: REDIRECT_URI, state: 'the-state' };

  it('returns the code when origin, path and state match', () => {
    expect(parseRedirect(`${REDIRECT_URI}?code=abc&state=the-state`, expected)).toEqual({ code: 'abc' });
  });

  it('fails closed on a missing or different state', () => {
    expect(() => parseRedirect(`${REDIRECT_URI}?code=abc`, expected)).toThrow(expect.objectContaining({ code: 'LOGIN_FAILED' }));
    expect(() => parseRedirect(`${REDIRECT_URI}?code=abc&state=the-stat`, expected)).toThrow(expect.objectContaining({ code: 'LOGIN_FAILED' }));
    expect(() => parseRedirect(`${REDIRECT_URI}?code=abc&state=the-state-`, expected)).toThrow(expect.objectContaining({ code: 'LOGIN_FAILED' }));
  });

  it('refuses a forged address even with the right state', () => {
    expect(() => parseRedirect('http://localhost:1718/OauthRedirect?code=abc&state=the-state', expected)).toThrow(/unexpected address/);
  });

  it('turns a denied consent into a human message (both spellings)', () => {
    for (const error of ['access_denied', 'access-denied']) {
      expect(() => parseRedirect(`${REDIRECT_URI}?error=${error}&state=the-state`, expected)).toThrow(
        expect.objectContaining({ code: 'ACCESS_DENIED', message: expect.stringContaining('You chose not to allow access') }),
      );
    }
  });

  it('explains other Salesforce errors and a missing code', () => {
    expect(() => parseRedirect(`${REDIRECT_URI}?error=server_error&error_description=Down+for+maintenance&state=the-state`, expected)).toThrow(
      /Down for maintenance/,
    );
    expect(() => parseRedirect(`${REDIRECT_URI}?state=the-state`, expected)).toThrow(/did not send a sign-in code/);
  });
});
