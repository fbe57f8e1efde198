import { createHash, randomBytes } from 'node:crypto';
import type { RunningOrg } from '../../../org';

export interface OrgTokens {
  accessToken: string;
  refreshToken: string;
  instanceUrl: string;
}

const REDIRECT = 'http://localhost:1717/OauthRedirect';
export const CLIENT_ID = 'budgetly-demo';

/**
 * Signs in to the local org through its real login and consent pages with plain HTTP (no browser):
 * authorization code + PKCE, as the app does. Lets the sync engine be tested against the org with a
 * plain jsforce Connection, independent of the connections module.
 */
export async function loginToOrg(org: RunningOrg, username = 'demo@budgetly.test', password = 'budgetly'): Promise<OrgTokens> {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const authorize = new URL('/services/oauth2/authorize', org.url);
  for (const [key, value] of Object.entries({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT,
    state: randomBytes(8).toString('hex'),
    code_challenge: challenge,
    code_challenge_method: 'S256',
    scope: 'api refresh_token',
  })) {
    authorize.searchParams.set(key, value);
  }
  const jar: string[] = [];
  const keep = (response: Response) => jar.push(...response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!));
  const get = async (url: string) => {
    const response = await fetch(new URL(url, org.url), { headers: { cookie: jar.join('; ') }, redirect: 'manual' });
    keep(response);
    return response;
  };
  const post = async (url: string, body: string) => {
    const response = await fetch(new URL(url, org.url), {
      method: 'POST',
      headers: { cookie: jar.join('; '), 'content-type': 'application/x-www-form-urlencoded' },
      body,
      redirect: 'manual',
    });
    keep(response);
    return response;
  };
  const start = await get(authorize.toString());
  const loginUrl = new URL(start.headers.get('location')!, org.url).toString();
  await (await get(loginUrl)).text();
  await (await post(loginUrl, new URLSearchParams({ username, password }).toString())).text();
  const consent = await post(`${loginUrl}/consent`, 'decision=allow');
  const resumed = await get(consent.headers.get('location')!);
  const code = new URL(resumed.headers.get('location')!).searchParams.get('code');
  if (!code) throw new Error('The local org did not return an authorization code');
  const token = await fetch(`${org.url}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id: CLIENT_ID, redirect_uri: REDIRECT, code_verifier: verifier }),
  });
  const body = (await token.json()) as { access_token: string; refresh_token: string; instance_url: string };
  return { accessToken: body.access_token, refreshToken: body.refresh_token, instanceUrl: body.instance_url };
}
