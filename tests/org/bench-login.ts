import { createHash, randomBytes } from 'node:crypto';
import type { RunningOrg } from './types.ts';

export const CLIENT_ID_FOR_BENCH = 'budgetly-bench';
const REDIRECT = 'http://localhost:1717/OauthRedirect';

/** Logs in through the org's login + consent pages over plain HTTP; returns an access token. */
export async function loginForBench(org: RunningOrg): Promise<string> {
  const verifier = randomBytes(48).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const jar: string[] = [];
  const go = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(new URL(url, org.url), { ...init, redirect: 'manual', headers: { ...(init.headers ?? {}), cookie: jar.join('; ') } });
    for (const c of res.headers.getSetCookie()) jar.push(c.split(';')[0]!);
    return res;
  };
  const q = new URLSearchParams({ response_type: 'code', client_id: CLIENT_ID_FOR_BENCH, redirect_uri: REDIRECT, code_challenge: challenge, code_challenge_method: 'S256', scope: 'api' });
  const login = (await go(`/services/oauth2/authorize?${q}`)).headers.get('location')!;
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  await go(login, { method: 'POST', headers: form, body: 'username=demo%40budgetly.test&password=budgetly' });
  const resume = (await go(`${login}/consent`, { method: 'POST', headers: form, body: 'decision=allow' })).headers.get('location')!;
  const code = new URL((await go(resume)).headers.get('location')!).searchParams.get('code')!;
  const tok = await fetch(`${org.url}/services/oauth2/token`, { method: 'POST', headers: form, body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id: CLIENT_ID_FOR_BENCH, redirect_uri: REDIRECT, code_verifier: verifier }) });
  return (await tok.json()).access_token;
}
