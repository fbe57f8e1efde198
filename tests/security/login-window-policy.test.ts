import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyLoginNavigation, isAllowedLoginPage } from '../../electron/core/auth/login-window-policy';
import { REDIRECT_URI } from '../../electron/core/auth/redirect';

/**
 * The login window's one decision (electron/core/auth/login-window-policy.ts), which the Electron
 * adapter (electron/main/login-window-agent.ts) applies to will-navigate / will-redirect in the main
 * frame and to every popup (setWindowOpenHandler): 'allow' opens the popup in the same sandboxed
 * partition under the same rules, 'block' ends the attempt (main frame) or denies the popup.
 * The adapter itself needs the Electron binary; its few lines are listed in SECURITY.md.
 */
const localOrg = ['http://127.0.0.1:4555'];
const salesforceHost = fc.constantFrom('login.salesforce.com', 'test.salesforce.com', 'acme.my.salesforce.com', 'acme--uat.sandbox.my.salesforce.com', 'acme.lightning.force.com');

describe('navigation of the login window to a non-Salesforce origin', () => {
  it.each([
    'https://login.salesforce.com.evil.test/',
    'https://login-salesforce.com/',
    'https://salesforce.com.evil.test/',
    'https://evilsalesforce.com/',
    'https://login.salesforce.com@evil.test/',
    'https://evil.test/#https://login.salesforce.com/',
    'https://evil.test/?next=https://login.salesforce.com/',
    'https://xn--slesforce-51a.com/',
    'https://login.salesforce.co/',
    'https://login.salesforce.com./',
    'http://login.salesforce.com/', // downgrade to http
    'http://127.0.0.1:4556/', // the local org's host, another port
    'file:///etc/passwd',
    'data:text/html,<form action=https://evil.test>',
    'javascript:alert(1)',
    'blob:https://login.salesforce.com/1',
    'about:blank',
  ])('%s is blocked', (url) => {
    expect(isAllowedLoginPage(url, localOrg)).toBe(false);
    expect(classifyLoginNavigation(url, REDIRECT_URI, localOrg)).toEqual({ kind: 'block' });
  });

  it('any generated https URL outside Salesforce’s domains is blocked, whatever its path or query says', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['https', 'http'], withQueryParameters: true, withFragments: true }), (url) => {
        const host = new URL(url).hostname;
        fc.pre(!/(^|\.)(salesforce|force)\.com$/.test(host));
        expect(classifyLoginNavigation(url, REDIRECT_URI, localOrg)).toEqual({ kind: 'block' });
      }),
      { numRuns: 2_000 },
    );
  });

  it('Salesforce’s own https pages are allowed with any path', () => {
    fc.assert(
      fc.property(salesforceHost, fc.webPath(), (host, path) => {
        expect(classifyLoginNavigation(`https://${host}${path}`, REDIRECT_URI, localOrg)).toEqual({ kind: 'allow' });
      }),
    );
  });
});

describe('a popup from the login page', () => {
  it.each([
    ['an identity-provider popup on Salesforce', 'https://acme.my.salesforce.com/idp/login', 'allow'],
    ['a popup to an outside site', 'https://evil.test/phish', 'block'],
    ['a blank popup (scripted content)', 'about:blank', 'block'],
    ['a data: popup', 'data:text/html,<h1>Sign in</h1>', 'block'],
    ['a popup to the redirect URI (the sign-in result)', `${REDIRECT_URI}?code=1&state=2`, 'redirect'],
    ['a popup to a lookalike of the redirect URI', 'http://localhost:1717/OauthRedirect2?code=1&state=2', 'block'],
  ])('%s → %s', (_label, url, kind) => {
    expect(classifyLoginNavigation(url, REDIRECT_URI, localOrg).kind).toBe(kind);
  });
});
