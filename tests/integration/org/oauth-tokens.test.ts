import { afterEach, describe, expect, it } from 'vitest';
import { startOrg, type OrgOptions, type RunningOrg } from '../../org/index.ts';
import { api, CLIENT_ID, connection, freshTokens, httpLogin, oauth2, REDIRECT, tokenPost } from './org-test-helpers.ts';

let org: RunningOrg | undefined;
async function start(options: OrgOptions = {}) {
  org = await startOrg({ port: 0, invoices: 50, ...options });
  return org;
}
afterEach(async () => {
  await org?.stop();
  org = undefined;
});

const codeGrant = (o: RunningOrg, code: string, verifier?: string) =>
  tokenPost(o, { grant_type: 'authorization_code', code, client_id: CLIENT_ID, redirect_uri: REDIRECT, ...(verifier ? { code_verifier: verifier } : {}) });

describe('token endpoint', () => {
  it('rejects a missing or wrong PKCE verifier with invalid_grant (400, Salesforce error shape)', async () => {
    const o = await start();
    const a = await httpLogin(o);
    const missing = await codeGrant(o, a.code);
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ error: 'invalid_grant', error_description: expect.any(String) });
    const b = await httpLogin(o);
    const wrong = await codeGrant(o, b.code, 'x'.repeat(64));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe('invalid_grant');
    expect(o.control.counters().tokenGrants).toBe(0);
  });

  it('requires PKCE on the authorize request too', async () => {
    const o = await start();
    const res = await fetch(`${o.url}/services/oauth2/authorize?${new URLSearchParams({ response_type: 'code', client_id: CLIENT_ID, redirect_uri: REDIRECT, state: 's', scope: 'api' })}`, { redirect: 'manual' });
    const loc = new URL(res.headers.get('location')!);
    expect(loc.origin + loc.pathname).toBe(REDIRECT);
    expect(loc.searchParams.get('error')).toBe('invalid_request');
    expect(loc.searchParams.get('state')).toBe('s');
  });

  it('issues Salesforce-shaped tokens without expires_in; refresh without rotation keeps the refresh token', async () => {
    const o = await start();
    const t = await freshTokens(o);
    expect(Object.keys(t).sort()).toEqual(['access_token', 'id', 'instance_url', 'issued_at', 'refresh_token', 'scope', 'signature', 'token_type']);
    const o2 = oauth2(o);
    const r1 = await o2.refreshToken(t.refresh_token);
    expect(r1.access_token).not.toBe(t.access_token);
    expect(r1).not.toHaveProperty('refresh_token');
    expect(r1).not.toHaveProperty('expires_in');
    expect(r1).toMatchObject({ instance_url: o.url, token_type: 'Bearer' });
    const r2 = await o2.refreshToken(t.refresh_token); // still valid
    expect((await api(o, '/services/data/v62.0/limits', r2.access_token)).status).toBe(200);
    expect((await api(o, '/services/data/v62.0/limits', t.access_token)).status).toBe(200);
    expect(o.control.counters()).toMatchObject({ tokenGrants: 1, refreshes: 2 });
  });

  it('rotates refresh tokens when rotation is on; reusing the old one is invalid_grant', async () => {
    const o = await start({ rotateRefresh: true });
    const t = await freshTokens(o);
    const o2 = oauth2(o);
    const r1 = await o2.refreshToken(t.refresh_token);
    expect(r1.refresh_token).toMatch(/^5Aep/);
    expect(r1.refresh_token).not.toBe(t.refresh_token);
    await expect(o2.refreshToken(t.refresh_token)).rejects.toMatchObject({ name: 'invalid_grant', message: 'expired access/refresh token' });
    const raw = await tokenPost(o, { grant_type: 'refresh_token', refresh_token: t.refresh_token, client_id: CLIENT_ID });
    expect(raw).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'expired access/refresh token' } });
  });

  it('setRotation switches rotation at runtime', async () => {
    const o = await start();
    const t = await freshTokens(o);
    o.control.setRotation(true);
    const r = await oauth2(o).refreshToken(t.refresh_token);
    expect(r.refresh_token).toBeTruthy();
    o.control.setRotation(false);
    const r2 = await oauth2(o).refreshToken(r.refresh_token!);
    expect(r2.refresh_token).toBeUndefined();
  });

  it('expires refresh tokens after refreshTtl', async () => {
    const o = await start({ refreshTtl: 1 });
    const t = await freshTokens(o);
    await new Promise((r) => setTimeout(r, 2100));
    const r = await tokenPost(o, { grant_type: 'refresh_token', refresh_token: t.refresh_token, client_id: CLIENT_ID });
    expect(r).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'expired access/refresh token' } });
  });

  it('expires sessions after sessionTtl and via expireSessions(); jsforce refreshes on 401', async () => {
    const o = await start({ sessionTtl: 1 });
    const t = await freshTokens(o);
    await new Promise((r) => setTimeout(r, 2100));
    const res = await api(o, '/services/data/v62.0/query?q=SELECT+Id+FROM+Invoice', t.access_token);
    expect(res.status).toBe(401);
    expect(res.body).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    const conn = connection(o, t);
    const q = await conn.query('SELECT Id FROM Invoice LIMIT 1'); // jsforce refreshes with the refresh token
    expect(q.records).toHaveLength(1);
    expect(o.control.counters().refreshes).toBe(1);
  });

  it('revoke: 200 empty body; revoking the refresh token kills its access tokens', async () => {
    const o = await start();
    const t = await freshTokens(o);
    const res = await fetch(`${o.url}/services/oauth2/revoke`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${encodeURIComponent(t.refresh_token)}` });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const q = api(o, '/services/data/v62.0/limits', t.access_token);
    expect((await q).status).toBe(401);
    await expect(oauth2(o).refreshToken(t.refresh_token)).rejects.toMatchObject({ name: 'invalid_grant' });
    // jsforce's revokeToken on an access token works too
    const t2 = await freshTokens(o);
    await oauth2(o).revokeToken(t2.access_token);
    expect((await api(o, '/services/data/v62.0/limits', t2.access_token)).status).toBe(401);
    expect(o.control.counters().revokes).toBe(2);
  });

  it('revokeAllTokens and expireSessions', async () => {
    const o = await start();
    const t = await freshTokens(o);
    o.control.expireSessions();
    expect((await api(o, '/services/data/v62.0/limits', t.access_token)).status).toBe(401);
    const r = await oauth2(o).refreshToken(t.refresh_token);
    expect((await api(o, '/services/data/v62.0/limits', r.access_token)).status).toBe(200);
    o.control.revokeAllTokens();
    expect((await api(o, '/services/data/v62.0/limits', r.access_token)).status).toBe(401);
    await expect(oauth2(o).refreshToken(t.refresh_token)).rejects.toMatchObject({ name: 'invalid_grant' });
  });

  it('unknown client at the token endpoint is invalid_client_id', async () => {
    const o = await start();
    const r = await tokenPost(o, { grant_type: 'refresh_token', refresh_token: 'x', client_id: 'nope' });
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('invalid_client_id');
  });

  it('identity and userinfo need a live token', async () => {
    const o = await start();
    const t = await freshTokens(o);
    const id = await api(o, `/id/${o.orgId}/${o.userId}`, t.access_token);
    expect(id.status).toBe(200);
    expect(id.body).toMatchObject({ user_id: o.userId, organization_id: o.orgId, username: 'demo@budgetly.test', email: 'demo@budgetly.test' });
    expect(Object.keys(id.body.urls)).toEqual(expect.arrayContaining(['rest', 'sobjects', 'query', 'profile']));
    const ui = await api(o, '/services/oauth2/userinfo', t.access_token);
    expect(ui.body).toMatchObject({ user_id: o.userId, organization_id: o.orgId, preferred_username: 'demo@budgetly.test' });
    expect((await api(o, `/id/${o.orgId}/${o.userId}`, 'bogus')).status).toBe(403);
  });
});
