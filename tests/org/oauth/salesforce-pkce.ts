/* eslint-disable @typescript-eslint/no-explicit-any -- oidc-provider ships no types */
import { createHash } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { OAUTH } from './provider.ts';

const s256 = (text: string) => createHash('sha256').update(text).digest('base64url');
const VERIFIER_CHARS = /^[\w.\-~]+$/;
/** oidc-provider's own cap (RFC 7636); Salesforce takes longer verifiers (jsforce's `useVerifier` sends 171 characters). */
const RFC_MAX = 128;

/**
 * PKCE as Salesforce takes it, in front of oidc-provider (which follows RFC 7636 to the letter):
 * - authorize: a `code_challenge` without `code_challenge_method` means S256;
 * - token: a verifier longer than 128 characters is accepted when it matches the challenge. The
 *   code's challenge is then swapped for that of a 43-character stand-in verifier derived from the
 *   real one, which goes on to oidc-provider. A long verifier that does not match is swapped for a
 *   stand-in that cannot match either, so the answer stays Salesforce's `invalid code verifier`.
 * Returns the request to hand on (a replay of the body when it was read).
 */
export async function salesforcePkce(provider: any, req: IncomingMessage, url: URL): Promise<IncomingMessage> {
  if (url.pathname === `${OAUTH}/authorize` && req.method === 'GET') {
    if (url.searchParams.has('code_challenge') && !url.searchParams.has('code_challenge_method')) {
      url.searchParams.set('code_challenge_method', 'S256');
      req.url = `${url.pathname}?${url.searchParams}`;
    }
    return req;
  }
  if (url.pathname !== `${OAUTH}/token` || req.method !== 'POST' || !/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '')) return req;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  const verifier = form.get('code_verifier');
  const code = form.get('code');
  if (form.get('grant_type') === 'authorization_code' && verifier && code && verifier.length > RFC_MAX && VERIFIER_CHARS.test(verifier)) {
    const standIn = s256(verifier);
    const stored = await provider.AuthorizationCode.find(code);
    if (stored && stored.codeChallengeMethod === 'S256' && stored.codeChallenge === s256(verifier)) {
      stored.codeChallenge = s256(standIn);
      await stored.save();
    }
    form.set('code_verifier', standIn);
  }
  return replay(req, Buffer.from(form.toString(), 'utf8'));
}

/** A fresh request with the same head and `body` (the original's stream has been read). */
function replay(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.httpVersion = req.httpVersion;
  copy.headers = { ...req.headers, 'content-length': String(body.length) };
  copy.rawHeaders = [];
  copy.complete = true; // else destroying the finished copy would abort the socket
  copy.push(body);
  copy.push(null);
  return copy;
}
