import { createHash, randomBytes } from 'node:crypto';
import jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrg, type RunningOrg } from '../../org/index.ts';
import { versionList } from '../../org/rest/versions.ts';
import { api, CLIENT_ID, freshTokens, httpLogin, REDIRECT, tokenPost } from './org-test-helpers.ts';

/**
 * The local org as other Salesforce clients see it: PKCE the way Salesforce takes it (jsforce's
 * `useVerifier`), the User and Organization records tools read after sign-in, and `/limits` by
 * Salesforce's names.
 */
let org: RunningOrg;
beforeAll(async () => {
  org = await startOrg({ port: 0, invoices: 20 });
});
afterAll(() => org.stop());

const s256 = (text: string) => createHash('sha256').update(text).digest('base64url');
const codeGrant = (code: string, verifier?: string) =>
  tokenPost(org, { grant_type: 'authorization_code', code, client_id: CLIENT_ID, redirect_uri: REDIRECT, ...(verifier === undefined ? {} : { code_verifier: verifier }) });

describe('PKCE as Salesforce takes it', () => {
  it('signs in a client that sends code_challenge without a method (S256 meant) and a 171-character verifier, as jsforce’s useVerifier does', async () => {
    const client = new jsforce.OAuth2({ loginUrl: org.url, clientId: CLIENT_ID, redirectUri: REDIRECT, useVerifier: true });
    const authorize = new URL(client.getAuthorizationUrl({ scope: 'api refresh_token', state: 'st-1' }));
    expect(authorize.searchParams.has('code_challenge')).toBe(true);
    expect(authorize.searchParams.has('code_challenge_method')).toBe(false);
    const verifier = (client as unknown as { codeVerifier: string }).codeVerifier;
    expect(verifier.length).toBeGreaterThan(128);
    const challenge = authorize.searchParams.get('code_challenge')!;
    const { code } = await httpLogin(org, { code_challenge_method: null }, { verifier, challenge });
    const tokens = await client.requestToken(code);
    expect(tokens).toMatchObject({ access_token: expect.any(String), refresh_token: expect.any(String), instance_url: org.url });
  });

  it('accepts a long verifier with an explicit S256 method too', async () => {
    const verifier = randomBytes(150).toString('base64url'); // 200 characters
    const { code } = await httpLogin(org, {}, { verifier, challenge: s256(verifier) });
    const answer = await codeGrant(code, verifier);
    expect(answer.status).toBe(200);
    expect(answer.body.access_token).toEqual(expect.any(String));
  });

  it.each([
    ['a wrong long verifier', (v: string) => `${v.slice(0, -1)}${v.endsWith('A') ? 'B' : 'A'}`],
    ['a wrong short verifier', () => 'y'.repeat(64)],
    ['no verifier', () => undefined],
  ])('still refuses %s with invalid_grant', async (_name, verifierFor) => {
    const verifier = randomBytes(150).toString('base64url');
    const { code } = await httpLogin(org, { code_challenge_method: null }, { verifier, challenge: s256(verifier) });
    const answer = await codeGrant(code, verifierFor(verifier));
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('invalid_grant');
  });

  it('still refuses the plain method', async () => {
    const verifier = randomBytes(48).toString('base64url');
    const query = new URLSearchParams({ response_type: 'code', client_id: CLIENT_ID, redirect_uri: REDIRECT, state: 'p', code_challenge: verifier, code_challenge_method: 'plain' });
    const res = await fetch(`${org.url}/services/oauth2/authorize?${query}`, { redirect: 'manual' });
    const back = new URL(res.headers.get('location')!);
    expect(back.origin + back.pathname).toBe(REDIRECT);
    expect(back.searchParams.get('error')).toBe('invalid_request');
  });
});

describe('User and Organization, as clients read them after sign-in', () => {
  let token: string;
  beforeAll(async () => {
    token = (await freshTokens(org)).access_token;
  });

  it.each(versionList().map((v) => v.version))('at v%s: describe, GET by id and SOQL', async (version) => {
    const base = `/services/data/v${version}`;
    for (const [object, id] of [['User', org.userId], ['Organization', org.orgId]] as const) {
      const describe = await api(org, `${base}/sobjects/${object}/describe`, token);
      expect(describe.status, `${object} describe`).toBe(200);
      expect(describe.body.name).toBe(object);
      const record = await api(org, `${base}/sobjects/${object}/${id}`, token);
      expect(record.status, `${object} by id`).toBe(200);
      expect(record.body).toMatchObject({ attributes: { type: object }, Id: id });
    }
    const users = await api(org, `${base}/query?q=${encodeURIComponent(`SELECT Username, Name FROM User WHERE Id = '${org.userId}'`)}`, token);
    expect(users.status).toBe(200);
    expect(users.body).toMatchObject({ totalSize: 1, done: true, records: [{ Username: 'demo@budgetly.test', Name: 'Demo Accountant' }] });
    const orgs = await api(org, `${base}/query?q=${encodeURIComponent('SELECT Id, Name, IsSandbox FROM Organization')}`, token);
    expect(orgs.body).toMatchObject({ totalSize: 1, records: [{ Id: org.orgId, IsSandbox: false }] });
  });

  it('reads the signed-in user the way jsforce does after the code exchange (identity → User)', async () => {
    const conn = new jsforce.Connection({ instanceUrl: org.url, accessToken: token, version: '62.0' });
    const identity = await conn.identity();
    const user = await conn.sobject('User').retrieve(identity.user_id);
    expect(user).toMatchObject({ Username: identity.username });
  });

  it('answers NOT_FOUND for another user id', async () => {
    const other = await api(org, `/services/data/v62.0/sobjects/User/005000000000000AAA`, token);
    expect(other.status).toBe(404);
    expect(other.body).toEqual([{ errorCode: 'NOT_FOUND', message: expect.any(String) }]);
  });
});

describe('/limits', () => {
  it('names the daily API allowance as Salesforce does, and counts down with each call', async () => {
    const { access_token: token } = await freshTokens(org);
    const first = await api(org, '/services/data/v62.0/limits', token);
    expect(first.body.DailyApiRequests).toEqual({ Max: 15000, Remaining: expect.any(Number) });
    const second = await api(org, '/services/data/v62.0/limits', token);
    expect(second.body.DailyApiRequests.Remaining).toBe(first.body.DailyApiRequests.Remaining - 1);
    const [used, allowed] = /api-usage=(\d+)\/(\d+)/.exec(second.headers.get('sforce-limit-info')!)!.slice(1).map(Number);
    expect(allowed! - used!).toBe(second.body.DailyApiRequests.Remaining);
  });
});
