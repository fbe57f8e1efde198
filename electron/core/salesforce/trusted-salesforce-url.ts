import { englishMessage } from '../../contract/i18n/spoken-messages';
import { AppError } from '../../contract';
import { untrustedAddressMessage } from './reconnect-required';

const SALESFORCE_SUFFIX = '.salesforce.com';

/**
 * Where a bearer token may go: https on a `*.salesforce.com` host (instances: `acme.my.salesforce.com`,
 * legacy `na1.salesforce.com`; identity URLs on login/test or the My Domain), default port, no credentials in
 * the URL — never `*.force.com` or `*.site.com`, where anyone can publish an Experience Cloud site — or exactly
 * one of the extra origins the app allows (the local org on http://127.0.0.1:PORT).
 * Checked for `instance_url` and `id` of every token answer (sign-in and refresh) and for the stored
 * sign-in when it is loaded, so a tampered answer or store can never send the token elsewhere.
 */
export function isTrustedSalesforceUrl(value: unknown, extraOrigins: readonly string[]): boolean {
  if (typeof value !== 'string' || value.length > 2_000) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (extraOrigins.includes(url.origin)) return true;
  const host = url.hostname.toLowerCase();
  return url.protocol === 'https:' && url.port === '' && host.endsWith(SALESFORCE_SUFFIX) && /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host.slice(0, -SALESFORCE_SUFFIX.length));
}

/** The origin of a trusted URL, or AppError(`code`) naming what was refused (host only, clipped). */
export function requireTrustedSalesforceUrl(value: unknown, extraOrigins: readonly string[], code: 'LOGIN_FAILED' | 'RECONNECT_REQUIRED'): string {
  if (isTrustedSalesforceUrl(value, extraOrigins)) return new URL(value as string).origin;
  throw new AppError(code, untrustedAddressMessage(describe(value), code === 'RECONNECT_REQUIRED'));
}

/** Whether two trusted URLs are on the same instance (scheme, host and port). */
export function sameInstance(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

function describe(value: unknown): string {
  try {
    const url = new URL(String(value));
    return `“${`${url.protocol}//${url.host}`.slice(0, 80)}”`;
  } catch {
    return englishMessage('untrustedAddressInvalid');
  }
}
