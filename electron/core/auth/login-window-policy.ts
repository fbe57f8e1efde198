import { isSalesforceHost } from '../../contract/login-host';
import { matchesRedirectUri } from './redirect';

/**
 * What the login window may show (the Electron adapter applies it; kept here so it is tested):
 * https pages on Salesforce's domains, plus the origins the connection itself uses (its login host,
 * e.g. the local org). Everything else, http or file: or another site, is blocked. Identity
 * providers on other domains need the system-browser sign-in.
 */
export function isAllowedLoginPage(url: string, allowedOrigins: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  if (allowedOrigins.includes(parsed.origin)) return true;
  return parsed.protocol === 'https:' && isSalesforceHost(parsed.hostname);
}

export type LoginNavigation = { kind: 'redirect'; url: string } | { kind: 'allow' } | { kind: 'block' };

/** The one decision every navigation event of the login window goes through. */
export function classifyLoginNavigation(url: string, redirectUri: string, allowedOrigins: readonly string[]): LoginNavigation {
  if (matchesRedirectUri(url, redirectUri)) return { kind: 'redirect', url };
  return isAllowedLoginPage(url, allowedOrigins) ? { kind: 'allow' } : { kind: 'block' };
}

/** The login window's session partition: persistent per connection (remembers "this browser" for MFA) or in memory. */
export function loginPartition(connectionId: string, persistent: boolean): string {
  const safe = connectionId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80);
  return persistent ? `persist:login-${safe}` : `login-${safe}`;
}
