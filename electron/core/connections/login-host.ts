import { AppError } from '../../contract';

/** Salesforce's own login domains: login/test.salesforce.com, My Domains (…my.salesforce.com, …sandbox.my.salesforce.com), *.force.com. */
const SALESFORCE_SUFFIXES = ['.salesforce.com', '.force.com'];

/**
 * Validates a login host typed by the user and returns its origin (`https://acme.my.salesforce.com`).
 * Accepted: https on a Salesforce domain, or exactly one of `extraOrigins` (e.g. the local org on
 * http://127.0.0.1:PORT). A bare host name gets https://; a path is dropped. Throws INVALID_INPUT.
 */
export function normalizeLoginUrl(input: string, extraOrigins: readonly string[] = []): string {
  const text = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw invalid(`“${clip(text)}” is not a web address.`);
  }
  if (url.username || url.password) throw invalid('The login address must not contain a user name or password.');
  if (extraOrigins.some((origin) => sameOrigin(origin, url.origin))) return url.origin;
  if (url.protocol !== 'https:') throw invalid('The login address must start with https://.');
  if (!isSalesforceHost(url.hostname)) {
    throw invalid(`“${clip(url.hostname)}” is not a Salesforce login address. Use login.salesforce.com, test.salesforce.com or your My Domain (…my.salesforce.com).`);
  }
  if (url.port !== '') throw invalid('Salesforce login addresses do not use a custom port.');
  return url.origin;
}

export function isSalesforceHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return SALESFORCE_SUFFIXES.some((suffix) => host.endsWith(suffix) && host.length > suffix.length && !host.startsWith('.'));
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === b;
  } catch {
    return false;
  }
}

function invalid(message: string): AppError {
  return new AppError('INVALID_INPUT', message);
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
