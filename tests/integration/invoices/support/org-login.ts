import { DEMO_CLIENT_ID, signIn, type RunningOrg } from '../../../org';

export interface OrgTokens {
  accessToken: string;
  refreshToken: string;
  instanceUrl: string;
}

export const CLIENT_ID = DEMO_CLIENT_ID;

/**
 * Signs in to the local org through its real login and consent pages with plain HTTP (no browser):
 * authorization code + PKCE, as the app does. Lets the sync engine be tested against the org with a
 * plain jsforce Connection, independent of the connections module.
 */
export async function loginToOrg(org: RunningOrg, username?: string, password?: string): Promise<OrgTokens> {
  const body = await signIn(org.url, { username, password });
  return { accessToken: body.access_token, refreshToken: body.refresh_token!, instanceUrl: body.instance_url };
}
