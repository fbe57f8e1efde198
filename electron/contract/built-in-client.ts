import { SANDBOX_LOGIN_URL } from './login-host';

/**
 * Client ids a build carries (the firm's or vendor's External Client App), so "Connect to
 * Salesforce" needs no client id typed. Set at build time, never a secret: a client id is public
 * (PKCE, no client secret). Zod-free: the build config, the core and the renderer read it.
 */
export interface BuiltInClientIds {
  /** For every login host without a more specific id. */
  default: string | null;
  /** For test.salesforce.com and My Domain sandboxes (…sandbox.my.salesforce.com). */
  sandbox: string | null;
  /** For one exact login origin (`https://acme.my.salesforce.com`). */
  byLoginHost: Record<string, string>;
}

export const NO_BUILT_IN_CLIENT: BuiltInClientIds = { default: null, sandbox: null, byLoginHost: {} };

/** The build's client id for a login URL (an origin), or null when the user must enter one. */
export function builtInClientIdFor(loginUrl: string, ids: BuiltInClientIds): string | null {
  const exact = Object.hasOwn(ids.byLoginHost, loginUrl) ? ids.byLoginHost[loginUrl] : undefined;
  if (exact) return exact;
  if (ids.sandbox && isSandboxLogin(loginUrl)) return ids.sandbox;
  return ids.default;
}

export function hasBuiltInClientId(ids: BuiltInClientIds): boolean {
  return ids.default !== null || ids.sandbox !== null || Object.keys(ids.byLoginHost).length > 0;
}

function isSandboxLogin(loginUrl: string): boolean {
  if (loginUrl === SANDBOX_LOGIN_URL) return true;
  try {
    return new URL(loginUrl).hostname.endsWith('.sandbox.my.salesforce.com');
  } catch {
    return false;
  }
}

/** What a Consumer Key looks like: printable, no spaces, not a URL; Salesforce's are 85 characters. */
const CLIENT_ID = /^[A-Za-z0-9._~-]{1,256}$/;

/**
 * Reads the build's ids from the environment of `electron-vite build` / `npm run dist`:
 * `BUDGETLY_CLIENT_ID` (every host), `BUDGETLY_CLIENT_ID_SANDBOX` (sandboxes),
 * `BUDGETLY_CLIENT_IDS` (`https://acme.my.salesforce.com=ID,https://…=ID`). A malformed value stops
 * the build with a message naming the variable (a build must not ship a broken id silently).
 * `BUDGETLY_CLIENT_SECRET` is refused: nothing secret goes into a build.
 * @internal Called by electron.vite.config.ts at build time (not by the app at run time).
 */
export function builtInClientIdsFromEnv(env: Record<string, string | undefined>): BuiltInClientIds {
  if (env.BUDGETLY_CLIENT_SECRET) throw new Error('BUDGETLY_CLIENT_SECRET is set: a build never carries a client secret. Use PKCE (no secret) in the External Client App.');
  const id = (name: string): string | null => {
    const value = env[name]?.trim();
    if (!value) return null;
    if (!CLIENT_ID.test(value)) throw new Error(`${name} is not a client id (the Consumer Key: letters, digits and . _ ~ - only).`);
    return value;
  };
  const byLoginHost: Record<string, string> = {};
  for (const pair of (env.BUDGETLY_CLIENT_IDS ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = pair.lastIndexOf('=');
    const origin = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    if (at < 0 || !/^https:\/\/[a-z0-9.-]+$/i.test(origin) || !CLIENT_ID.test(value)) {
      throw new Error(`BUDGETLY_CLIENT_IDS: “${pair}” is not https://login-host=CLIENT_ID.`);
    }
    byLoginHost[origin.toLowerCase()] = value;
  }
  return { default: id('BUDGETLY_CLIENT_ID'), sandbox: id('BUDGETLY_CLIENT_ID_SANDBOX'), byLoginHost };
}
