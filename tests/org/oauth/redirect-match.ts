const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function loopbackKey(uri: string): string | undefined {
  try {
    const u = new URL(uri);
    if (u.protocol !== 'http:' || !LOOPBACK.has(u.hostname)) return undefined;
    return `${u.hostname}${u.pathname}${u.search}`;
  } catch {
    return undefined;
  }
}

/** Exact match, except http loopback URIs (127.0.0.1 / localhost / [::1]) which match on any port. */
export function redirectUriMatches(registered: string[], value: string): boolean {
  if (registered.includes(value)) return true;
  const key = loopbackKey(value);
  return key !== undefined && registered.some((r) => loopbackKey(r) === key);
}
