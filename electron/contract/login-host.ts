import { englishMessage } from './i18n/spoken-messages';

/**
 * The login-host rules, in one place: which addresses a connection may sign in at, and the OAuth
 * settings an admin copies into Salesforce. Pure and zod-free, so the renderer imports it at run
 * time (the form's hints) and the core enforces the very same rules (every connection source:
 * the form, a build's built-in client id, a link or `.budgetly` file, the machine-wide policy file).
 */

export type OrgKind = 'production' | 'sandbox' | 'mydomain';

export const PRODUCTION_LOGIN_URL = 'https://login.salesforce.com';
export const SANDBOX_LOGIN_URL = 'https://test.salesforce.com';

/** The callback registered for Budgetly's app in Salesforce. The login window intercepts it; the system-browser login listens on it. */
export const REDIRECT_URI = 'http://localhost:1717/OauthRedirect';
/** The OAuth scopes Budgetly asks for (and an admin selects): API access and a refresh token. */
export const OAUTH_SCOPES = 'api refresh_token';

/** A refusal's message is English (catalogue coreMessages:loginHost…): the core and the form say it in the user's language (createMessageSpeaker). */
export type LoginHostResult = { ok: true; url: string } | { ok: false; message: string };

export interface LoginHostOptions {
  /** Exact non-Salesforce origins also allowed (the local org on http://127.0.0.1:PORT). */
  extraOrigins?: readonly string[];
  /**
   * Let any http loopback origin through. Only for the renderer's hint: it cannot know which
   * local origins the core allows; the core checks `extraOrigins` exactly.
   */
  anyLoopback?: boolean;
}

const SALESFORCE_LOGIN_HOSTS = new Set(['login.salesforce.com', 'test.salesforce.com']);
const MY_DOMAIN_SUFFIX = '.my.salesforce.com';
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Salesforce's sign-in hosts — the one rule for a connection's login address and for what the login window
 * shows: `login.salesforce.com`, `test.salesforce.com` and My Domains (`*.my.salesforce.com`, which holds
 * sandboxes, scratch and developer orgs and every hop of a My Domain sign-in). Not `*.force.com`:
 * Experience Cloud sites there are pages anyone can publish, and a login window has no address bar of its own.
 */
export function isSalesforceLoginHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (SALESFORCE_LOGIN_HOSTS.has(host)) return true;
  return host.endsWith(MY_DOMAIN_SUFFIX) && /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host.slice(0, -MY_DOMAIN_SUFFIX.length));
}

/**
 * Turns a login address as people type or paste it into its origin: "acme" (a My Domain name),
 * "acme.my.salesforce.com", "https://acme--uat.sandbox.my.salesforce.com/". Accepted: https on a
 * Salesforce domain other than the Lightning one, no port, no credentials, no path, query or
 * fragment (a link or file carrying one is refused, not trimmed); or exactly one of `extraOrigins`.
 */
export function loginHostOf(input: string, options: LoginHostOptions = {}): LoginHostResult {
  const text = input.trim();
  if (!text) return refuse(englishMessage('loginHostEmpty'));
  let candidate = text;
  if (/^[a-z0-9-]+$/i.test(text)) candidate = `https://${text}.my.salesforce.com`;
  else if (!/^[a-z][a-z0-9+.-]*:/i.test(text) || /^[a-z0-9.-]+:\d+(\/|$)/i.test(text)) candidate = `https://${text}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return refuse(englishMessage('loginHostNotAddress', { text: clip(text) }));
  }
  if (url.username || url.password) return refuse(englishMessage('loginHostCredentials'));
  const extra =
    (options.extraOrigins ?? []).some((origin) => sameOrigin(origin, url.origin)) ||
    (options.anyLoopback === true && url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!extra && url.protocol !== 'https:') return refuse(englishMessage('loginHostHttps'));
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    return refuse(englishMessage('loginHostPath'));
  }
  if (extra) return { ok: true, url: url.origin };
  if (url.hostname.endsWith('.lightning.force.com')) {
    const name = url.hostname.slice(0, -'.lightning.force.com'.length);
    return refuse(englishMessage('loginHostLightning', { name }));
  }
  if (!isSalesforceLoginHost(url.hostname)) {
    return refuse(englishMessage('loginHostNotSalesforce', { host: clip(url.hostname) }));
  }
  if (url.port !== '') return refuse(englishMessage('loginHostPort'));
  return { ok: true, url: url.origin };
}

/**
 * Whether a saved login address (an origin, as `loginHostOf` makes it) still passes the rule: checked before a
 * sign-in, a refresh or a revoke sends anything there — the connection list is plain JSON in the store, and a
 * rewritten address must not receive an auth code, a refresh token or a client secret.
 */
export function isAllowedLoginUrl(url: string, extraOrigins: readonly string[] = []): boolean {
  const host = loginHostOf(url, { extraOrigins });
  return host.ok && host.url === url;
}

/** The login address for a choice of the connection form. */
export function loginUrlFor(kind: OrgKind, myDomain: string, options: LoginHostOptions = {}): LoginHostResult {
  if (kind === 'production') return { ok: true, url: PRODUCTION_LOGIN_URL };
  if (kind === 'sandbox') return { ok: true, url: SANDBOX_LOGIN_URL };
  return loginHostOf(myDomain, options);
}

/** The other way round: which choice of the form a saved login URL is (for editing a connection). */
export function orgKindOf(url: string): { kind: OrgKind; myDomain: string } {
  if (url === PRODUCTION_LOGIN_URL) return { kind: 'production', myDomain: '' };
  if (url === SANDBOX_LOGIN_URL) return { kind: 'sandbox', myDomain: '' };
  return { kind: 'mydomain', myDomain: url };
}

/** A short name for a login URL, for default connection labels and confirmations. */
export function describeLoginUrl(url: string): string {
  if (url === PRODUCTION_LOGIN_URL) return 'Production';
  if (url === SANDBOX_LOGIN_URL) return 'Sandbox';
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === b;
  } catch {
    return false;
  }
}

function refuse(message: string): LoginHostResult {
  return { ok: false, message };
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
