import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyLoginNavigation, isAllowedLoginPage, loginOriginBar } from '../../electron/core/auth/login-window-policy';
import { REDIRECT_URI } from '../../electron/core/auth/redirect';
import { originBarPage } from '../../electron/main/login-origin-bar';

/**
 * The login window's one decision (electron/core/auth/login-window-policy.ts), which the Electron
 * adapter (electron/main/login-window-agent.ts) applies to will-navigate / will-redirect in the main
 * frame and to every popup (setWindowOpenHandler): 'allow' opens the popup in the same sandboxed
 * partition under the same rules; 'external' (another https page) goes to the OS browser for a popup
 * and ends the attempt with advice for the main frame; 'block' ends the attempt or denies the popup.
 * The adapter itself needs the Electron binary; its few lines are listed in SECURITY.md.
 */
const localOrg = ['http://127.0.0.1:4555'];
const salesforceHost = fc.constantFrom('login.salesforce.com', 'test.salesforce.com', 'acme.my.salesforce.com', 'acme--uat.sandbox.my.salesforce.com', 'acme--dev.develop.my.salesforce.com');

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
  ])('%s is never shown in the login window', (url) => {
    expect(isAllowedLoginPage(url, localOrg)).toBe(false);
    expect(['block', 'external']).toContain(classifyLoginNavigation(url, REDIRECT_URI, localOrg).kind);
    if (!url.startsWith('https:')) expect(classifyLoginNavigation(url, REDIRECT_URI, localOrg)).toEqual({ kind: 'block' });
  });

  it.each([
    'https://acme.my.site.com/login', // Experience Cloud site: anyone can publish one
    'https://evil.force.com/secur/login', // *.force.com (Experience Cloud, Sites)
    'https://acme.lightning.force.com/',
    'https://evil.my.salesforce-sites.com/',
    'https://acme.my.salesforce.com:8443/', // another port
    'https://login.microsoftonline.com/common/saml2', // a third-party identity provider
    'https://acme.okta.com/app/salesforce/sso/saml',
  ])('%s (not a Salesforce sign-in host) goes to the OS browser, never the login window', (url) => {
    expect(classifyLoginNavigation(url, REDIRECT_URI, localOrg)).toEqual({ kind: 'external' });
  });

  it('any generated URL outside Salesforce’s sign-in hosts is never shown, whatever its path or query says', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['https', 'http'], withQueryParameters: true, withFragments: true }), (url) => {
        const host = new URL(url).hostname;
        fc.pre(!/(^|\.)my\.salesforce\.com$|^(login|test)\.salesforce\.com$/.test(host));
        const kind = classifyLoginNavigation(url, REDIRECT_URI, localOrg).kind;
        expect(kind).toBe(url.startsWith('https:') && !new URL(url).username && !new URL(url).password ? 'external' : 'block');
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
    ['a popup to an outside site (OS browser)', 'https://evil.test/phish', 'external'],
    ['a popup to an Experience Cloud page (OS browser)', 'https://evil.force.com/login', 'external'],
    ['an http popup', 'http://evil.test/phish', 'block'],
    ['a blank popup (scripted content)', 'about:blank', 'block'],
    ['a data: popup', 'data:text/html,<h1>Sign in</h1>', 'block'],
    ['a popup to the redirect URI (the sign-in result)', `${REDIRECT_URI}?code=1&state=2`, 'redirect'],
    ['a popup to a lookalike of the redirect URI', 'http://localhost:1717/OauthRedirect2?code=1&state=2', 'block'],
  ])('%s → %s', (_label, url, kind) => {
    expect(classifyLoginNavigation(url, REDIRECT_URI, localOrg).kind).toBe(kind);
  });
});

describe('the origin bar of the login window', () => {
  it('shows the host of the page with a lock for https, never the path or title the page controls', () => {
    expect(loginOriginBar('https://acme.my.salesforce.com/secur/login?next=/phish')).toEqual({ host: 'acme.my.salesforce.com', secure: true, text: '🔒 acme.my.salesforce.com' });
    expect(loginOriginBar('http://127.0.0.1:4555/services/oauth2/authorize')).toMatchObject({ secure: false, text: 'Not secure · 127.0.0.1:4555' });
  });

  it('renders the host as text, with no script and nothing to type in', () => {
    const page = decodeURIComponent(originBarPage({ host: '<img src=x onerror=alert(1)>.my.salesforce.com', secure: true }).replace(/^data:text\/html;charset=utf-8,/, ''));
    expect(page).toContain("default-src 'none'");
    expect(page).not.toMatch(/<img|<script|<input|<form/i);
    expect(page).toContain('&#60;img');
    expect(page).toContain('🔒');
  });
});
