/* eslint-disable @typescript-eslint/no-explicit-any -- untyped library objects (oidc-provider, soql-parser AST, jsforce records) */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Counters } from '../control/counters.ts';
import { sfDateTime } from '../data/random.ts';
import type { OrgData } from '../org-data.ts';
import { sendJson } from '../rest/respond.ts';
import { readForm } from './interactions.ts';

/** Looks up a live access token (oidc-provider model; honours expiry and revocation). */
export async function findAccessToken(provider: any, token: string | undefined): Promise<any> {
  if (!token) return undefined;
  try {
    return await provider.AccessToken.find(token);
  } catch {
    return undefined;
  }
}

function bearer(req: IncomingMessage, url: URL): string | undefined {
  const m = /^(Bearer|OAuth)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return m?.[2] ?? url.searchParams.get('oauth_token') ?? undefined;
}

function identityBody(base: string, data: OrgData) {
  const { orgId, userId, options: o } = data;
  const v = `${base}/services/data/v{version}`;
  const urls = {
    enterprise: `${base}/services/Soap/c/{version}/${orgId}`, metadata: `${base}/services/Soap/m/{version}/${orgId}`,
    partner: `${base}/services/Soap/u/{version}/${orgId}`, rest: `${v}/`, sobjects: `${v}/sobjects/`,
    search: `${v}/search/`, query: `${v}/query/`, recent: `${v}/recent/`,
    tooling_soap: `${base}/services/Soap/T/{version}/${orgId}`, tooling_rest: `${v}/tooling/`,
    profile: `${base}/${userId}`, feeds: `${v}/chatter/feeds`, groups: `${v}/chatter/groups`,
    users: `${v}/chatter/users`, feed_items: `${v}/chatter/feed-items`, feed_elements: `${v}/chatter/feed-elements`,
    custom_domain: base,
  };
  return {
    id: `${base}/id/${orgId}/${userId}`, asserted_user: true, user_id: userId, organization_id: orgId,
    username: o.username, nick_name: o.username.split('@')[0], display_name: 'Demo Accountant', email: o.username,
    email_verified: true, first_name: 'Demo', last_name: 'Accountant', timezone: 'GMT',
    photos: { picture: `${base}/img/userprofile/default_profile_200_v2.png`, thumbnail: `${base}/img/userprofile/default_profile_45_v2.png` },
    addr_street: null, addr_city: null, addr_state: null, addr_country: null, addr_zip: null,
    mobile_phone: null, mobile_phone_verified: false, is_lightning_login_user: false,
    status: { created_date: null, body: null }, urls, active: true, user_type: 'STANDARD', language: 'en_US',
    locale: 'en_US', utcOffset: 0, last_modified_date: sfDateTime((data.refDay - 30) * 86_400_000), is_app_installed: true,
  };
}

export async function handleIdentity(provider: any, data: OrgData, base: string, req: IncomingMessage, res: ServerResponse, url: URL, userinfo: boolean): Promise<void> {
  const token = await findAccessToken(provider, bearer(req, url));
  if (!token) {
    res.writeHead(403, { 'Content-Type': 'text/plain;charset=UTF-8' });
    return void res.end('Bad_OAuth_Token');
  }
  const body = identityBody(base, data);
  if (!userinfo) {
    if (url.pathname !== `/id/${data.orgId}/${data.userId}` && url.pathname !== `/id/${data.orgId.slice(0, 15)}/${data.userId.slice(0, 15)}`) {
      res.writeHead(404, { 'Content-Type': 'text/plain;charset=UTF-8' });
      return void res.end('Bad_Id');
    }
    return sendJson(res, 200, body);
  }
  return sendJson(res, 200, {
    sub: body.id, user_id: body.user_id, organization_id: body.organization_id, preferred_username: body.username,
    nickname: body.nick_name, name: body.display_name, email: body.email, email_verified: true,
    given_name: body.first_name, family_name: body.last_name, zoneinfo: body.timezone, photos: body.photos,
    profile: body.urls.profile, picture: body.photos.picture, address: {}, urls: body.urls, active: true,
    user_type: body.user_type, language: body.language, locale: body.locale, utcOffset: 0,
    updated_at: body.last_modified_date, is_app_installed: true,
  });
}

/** POST /services/oauth2/revoke (form token=..., or GET ?token=): no client authentication, like Salesforce. */
export async function handleRevoke(provider: any, counters: Counters, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const token = req.method === 'POST' ? (await readForm(req)).get('token') : url.searchParams.get('token');
  if (!token) return sendJson(res, 400, { error: 'invalid_request', error_description: 'missing token parameter' });
  const refresh = await provider.RefreshToken.find(token, { ignoreExpiration: true }).catch(() => undefined);
  const access = refresh ? undefined : await findAccessToken(provider, token);
  const found = refresh ?? access;
  if (!found) return sendJson(res, 400, { error: 'unsupported_token_type', error_description: 'this token type is not supported' });
  await found.destroy();
  if (refresh) {
    const grantId = refresh.grantId;
    await Promise.all([provider.AccessToken, provider.RefreshToken, provider.AuthorizationCode].map((m: any) => m.revokeByGrantId(grantId)));
    await provider.Grant.adapter.destroy(grantId);
  }
  counters.revokes++;
  res.writeHead(200, { 'Content-Length': '0', 'Cache-Control': 'no-store' });
  res.end();
}
