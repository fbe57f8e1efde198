import { signIn } from './headless-login.ts';
import type { RunningOrg } from './types.ts';

export const CLIENT_ID_FOR_BENCH = 'budgetly-bench';

/** Logs in through the org's login + consent pages over plain HTTP; returns an access token. */
export async function loginForBench(org: RunningOrg): Promise<string> {
  return (await signIn(org.url, { clientId: CLIENT_ID_FOR_BENCH, scope: 'api' })).access_token;
}
