import { createHash, randomBytes } from 'node:crypto';

/**
 * RFC 7636 PKCE with S256. Our own verifier: jsforce's `useVerifier` (unchanged up to 3.10.26, lib/oauth2.js)
 * makes a 171-char verifier from 128 random bytes (RFC 7636 allows at most 128 chars), sends no
 * `code_challenge_method`, and adds `code_verifier` to every token POST, refreshes included (shown on the
 * pinned jsforce by tests/integration/auth/jsforce-own-behaviour.test.ts).
 */
export interface Pkce {
  verifier: string;
  challenge: string;
  method: 'S256';
}

/** 64 random bytes → an 86-char base64url verifier (RFC 7636 allows 43–128). */
export function createPkce(): Pkce {
  const verifier = randomBytes(64).toString('base64url');
  return { verifier, challenge: challengeFor(verifier), method: 'S256' };
}

export function challengeFor(verifier: string): string {
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) throw new Error('A PKCE verifier is 43–128 unreserved characters');
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** An unguessable `state` for one login attempt (compared exactly when the redirect comes back). */
export function createState(): string {
  return randomBytes(32).toString('base64url');
}
