/** Where a connection signs in: Salesforce production, a sandbox, or the org's My Domain. */

export type OrgKind = 'production' | 'sandbox' | 'mydomain';

export const PRODUCTION_URL = 'https://login.salesforce.com';
export const SANDBOX_URL = 'https://test.salesforce.com';
export const CALLBACK_URL = 'http://localhost:1717/OauthRedirect';

export type LoginHostResult = { ok: true; url: string } | { ok: false; message: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Turns what the user typed for My Domain into a login URL: "acme", "acme.my.salesforce.com"
 * or "https://acme--uat.sandbox.my.salesforce.com/" all work. Only https (http for a local
 * test org on this computer), no path, no credentials.
 */
export function myDomainUrl(input: string): LoginHostResult {
  const text = input.trim();
  if (!text) return { ok: false, message: 'Enter your My Domain, e.g. acme.my.salesforce.com' };
  let candidate = text;
  if (/^[a-z0-9-]+$/i.test(text)) candidate = `https://${text}.my.salesforce.com`;
  else if (!/^[a-z]+:\/\//i.test(text)) candidate = `https://${text}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, message: 'That does not look like a web address.' };
  }
  const loopback = LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return { ok: false, message: 'My Domain addresses start with https://' };
  }
  if (url.username || url.password) return { ok: false, message: 'Leave out any user name or password.' };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    return { ok: false, message: 'Enter just the domain, without a path (e.g. acme.my.salesforce.com).' };
  }
  if (!loopback && !url.hostname.includes('.')) return { ok: false, message: 'Enter the full domain, e.g. acme.my.salesforce.com' };
  if (url.hostname.endsWith('.lightning.force.com')) {
    return { ok: false, message: 'Use the My Domain login address (…my.salesforce.com), not the Lightning address.' };
  }
  return { ok: true, url: url.origin };
}

export function loginUrlFor(kind: OrgKind, myDomain: string): LoginHostResult {
  if (kind === 'production') return { ok: true, url: PRODUCTION_URL };
  if (kind === 'sandbox') return { ok: true, url: SANDBOX_URL };
  return myDomainUrl(myDomain);
}

/** A short name for a login URL, for default connection labels. */
export function describeLoginUrl(url: string): string {
  if (url === PRODUCTION_URL) return 'Production';
  if (url === SANDBOX_URL) return 'Sandbox';
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The other way round: which choice of the form a saved login URL is (for editing a connection). */
export function orgKindOf(url: string): { kind: OrgKind; myDomain: string } {
  if (url === PRODUCTION_URL) return { kind: 'production', myDomain: '' };
  if (url === SANDBOX_URL) return { kind: 'sandbox', myDomain: '' };
  return { kind: 'mydomain', myDomain: url };
}
