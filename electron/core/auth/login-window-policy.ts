import { englishMessage } from '../../contract/i18n/spoken-messages';
import { isSalesforceLoginHost } from '../../contract/login-host';
import { matchesRedirectUri } from './redirect';

/**
 * What the login window may show (the Electron adapter, electron/main/login-window-agent.ts, applies it; kept
 * here so it is tested). Only Salesforce's own sign-in hosts, over https on the default port:
 * - the connection's own login origin and the app's extra origins (the local org), exactly;
 * - `login.salesforce.com` and `test.salesforce.com` (which hand over to the org's My Domain);
 * - `*.my.salesforce.com`, which covers every hop of a My Domain sign-in: the login page, identity
 *   verification, the SAML/auth-provider SSO endpoints (`/saml/…`, `/services/auth/sso/…`, where the
 *   identity provider's answer comes back), frontdoor and the OAuth consent page; sandboxes, scratch and
 *   developer orgs (`…sandbox.my…`, `…scratch.my…`, `…develop.my…`) are under it too.
 * Not `*.force.com`: Experience Cloud sites there (and on `*.my.site.com`) are pages anyone can publish.
 * A third-party identity provider (Okta, Entra ID, Google …) is "elsewhere": the window has no address bar of
 * its own and cannot vouch for it, so such an org signs in with the browser method (one click away).
 */

export function isAllowedLoginPage(url: string, allowedOrigins: readonly string[]): boolean {
  const parsed = parse(url);
  if (!parsed || parsed.username || parsed.password) return false;
  if (allowedOrigins.includes(parsed.origin)) return true;
  if (parsed.protocol !== 'https:' || parsed.port !== '') return false;
  return isSalesforceLoginHost(parsed.hostname);
}

/**
 * - `redirect`: the sign-in's answer (caught, never loaded);
 * - `allow`: a Salesforce sign-in page, shown in the window (popups open as children under the same rules);
 * - `external`: another https page (an identity provider, help, privacy links): never shown in the window; a
 *   popup goes to the OS browser, a main-frame navigation ends the attempt with advice to use the browser method;
 * - `block`: anything else (http, file:, data:, javascript:, credentials in the URL): refused.
 */
export type LoginNavigation = { kind: 'redirect'; url: string } | { kind: 'allow' } | { kind: 'external' } | { kind: 'block' };

/** The one decision every navigation event and popup of the login window goes through. */
export function classifyLoginNavigation(url: string, redirectUri: string, allowedOrigins: readonly string[]): LoginNavigation {
  if (matchesRedirectUri(url, redirectUri)) return { kind: 'redirect', url };
  if (isAllowedLoginPage(url, allowedOrigins)) return { kind: 'allow' };
  const parsed = parse(url);
  return parsed && parsed.protocol === 'https:' && !parsed.username && !parsed.password ? { kind: 'external' } : { kind: 'block' };
}

/**
 * The login window's read-only origin bar: the host of the page shown (never its path or title, which the
 * page controls) and whether the connection is secure (https, shown with a lock); `notSecure` in the user's language.
 */
export function loginOriginBar(url: string, notSecure = englishMessage('loginNotSecure')): { host: string; secure: boolean; text: string } {
  const parsed = parse(url);
  if (!parsed) return { host: '', secure: false, text: notSecure };
  const secure = parsed.protocol === 'https:';
  const host = parsed.host.slice(0, 120);
  return { host, secure, text: secure ? `🔒 ${host}` : `${notSecure} · ${host}` };
}

/** The login window's session partition: persistent per connection (remembers "this browser" for MFA) or in memory. */
export function loginPartition(connectionId: string, persistent: boolean): string {
  const safe = connectionId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80);
  return persistent ? `persist:login-${safe}` : `login-${safe}`;
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
