/* eslint-disable @typescript-eslint/no-explicit-any -- untyped library objects (oidc-provider, soql-parser AST, jsforce records) */
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- oidc-provider ships no types
/// <reference path="./oidc-provider.d.ts" />
import { createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';
import type { Counters } from '../control/counters.ts';
import type { OrgData } from '../org-data.ts';
import { renderErrorPage } from './pages.ts';
import type { OrgStorage } from './memory-adapter.ts';
import { redirectUriMatches } from './redirect-match.ts';
import { reshapeTokenResponse } from './token-shape.ts';

export const OAUTH = '/services/oauth2';
export const SCOPES = [
  'api', 'refresh_token', 'offline_access', 'openid', 'id', 'profile', 'email', 'address', 'phone', 'web',
  'full', 'chatter_api', 'visualforce', 'custom_permissions', 'wave_api', 'eclair_api', 'pardot_api', 'lightning',
  'content', 'cdp_api', 'sfap_api', 'einstein_gpt_api', 'forgot_password', 'pwdless_login_api', 'user_registration_api',
];

let jwk: Record<string, unknown> | undefined;
function signingKey(): Record<string, unknown> {
  jwk ??= { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'budgetly-org', use: 'sig', alg: 'RS256' };
  return jwk;
}

export interface ProviderState {
  rotation: boolean;
  /** What token answers announce instead of the org's own URLs (`setTokenUrls`: an instance move, or a hostile answer). */
  tokenUrls?: { instanceUrl?: string; identityUrl?: string };
}

const rand = (n: number) => randomBytes(n).toString('base64').replace(/\//g, '_').replace(/\+/g, '.').replace(/=+$/, '');

/** oidc-provider configured and adapted to look like Salesforce's OAuth endpoints. */
export function createProvider(issuer: string, data: OrgData, storage: OrgStorage, counters: Counters, state: ProviderState): any {
  const o = data.options;
  const provider = new Provider(issuer, {
    adapter: storage.adapterClass(),
    clients: [{
      client_id: o.clientId,
      token_endpoint_auth_method: 'none',
      redirect_uris: o.redirectUris,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    }],
    jwks: { keys: [signingKey()] },
    cookies: { keys: [rand(24)], long: { signed: true }, short: { signed: true } },
    scopes: SCOPES,
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email', 'email_verified'] },
    findAccount: async (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: async () => ({ sub, name: 'Demo Accountant', preferred_username: o.username, email: o.username, email_verified: true }),
    }),
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: false },
      userinfo: { enabled: false },
      rpInitiatedLogout: { enabled: false },
    },
    pkce: { required: () => true },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `${OAUTH}/login/${interaction.uid}` },
    routes: { authorization: `${OAUTH}/authorize`, token: `${OAUTH}/token`, jwks: '/id/keys' },
    responseTypes: ['code'],
    issueRefreshToken: async (_ctx: unknown, client: any, source: any) =>
      client.grantTypeAllowed('refresh_token') && (source.scopes.has('refresh_token') || source.scopes.has('offline_access')),
    rotateRefreshToken: () => state.rotation,
    ttl: {
      AccessToken: () => o.sessionTtl,
      AuthorizationCode: () => 120,
      IdToken: () => 3600,
      Interaction: () => 3600,
      Session: () => 24 * 3600,
      Grant: () => 10 * 365 * 24 * 3600,
      RefreshToken: (ctx: any) => {
        if (!o.refreshTtl) return 10 * 365 * 24 * 3600;
        return ctx?.oidc?.entities?.RotatedRefreshToken?.remainingTTL ?? o.refreshTtl;
      },
    },
    renderError: async (ctx: any, out: { error: string; error_description?: string }) => {
      ctx.type = 'html';
      ctx.body = renderErrorPage(out.error, out.error_description);
    },
  });
  // Salesforce-looking token values: access tokens "<orgId>!<random>", refresh tokens "5Aep...".
  provider.AccessToken.prototype.generateTokenId = function (this: { format?: string }) {
    this.format = 'opaque';
    return `${data.orgId.slice(0, 15)}!${rand(72)}`;
  };
  provider.RefreshToken.prototype.generateTokenId = () => `5Aep861${randomBytes(64).toString('base64url')}`;
  // RFC 8252: loopback redirect URIs match on any port (oidc-provider does this for native clients only).
  provider.Client.prototype.redirectUriAllowed = function (this: { redirectUris: string[] }, value: string) {
    return redirectUriMatches(this.redirectUris, value);
  };
  const signKey = randomBytes(32);
  provider.use(reshapeTokenResponse({
    tokenPath: `${OAUTH}/token`,
    instanceUrl: issuer,
    identityUrl: `${issuer}/id/${data.orgId}/${data.userId}`,
    overrides: () => state.tokenUrls ?? {},
    sign: (s) => createHmac('sha256', signKey).update(s).digest('base64'),
    counters,
  }));
  return provider;
}
