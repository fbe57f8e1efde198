/* eslint-disable @typescript-eslint/no-explicit-any -- untyped library objects (oidc-provider, soql-parser AST, jsforce records) */
import type { Counters } from '../control/counters.ts';

export interface ShapeOptions {
  tokenPath: string;
  instanceUrl: string;
  identityUrl: string;
  /** Replaces `instanceUrl` / `identityUrl` in answers (the control's `setTokenUrls`). */
  overrides?: () => { instanceUrl?: string; identityUrl?: string };
  sign(s: string): string;
  counters: Counters;
}

/**
 * koa middleware for oidc-provider: turns its token endpoint responses into Salesforce's shape
 * (no expires_in; instance_url, id, issued_at, signature; refresh_token only when new) and its
 * errors into Salesforce's descriptions.
 */
export function reshapeTokenResponse(opts: ShapeOptions) {
  return async (ctx: any, next: () => Promise<void>) => {
    await next();
    if (ctx.path !== opts.tokenPath || ctx.method !== 'POST') return;
    const body = ctx.body;
    if (!body || typeof body !== 'object') return;
    const params = ctx.oidc?.params ?? {};
    const grantType = params.grant_type;
    if (ctx.status === 200 && body.access_token) {
      const issuedAt = String(Date.now());
      const newRefresh = body.refresh_token && (grantType === 'authorization_code' || body.refresh_token !== params.refresh_token);
      ctx.body = {
        access_token: body.access_token,
        ...(newRefresh ? { refresh_token: body.refresh_token } : {}),
        signature: opts.sign(`${opts.identityUrl}${issuedAt}`),
        scope: body.scope,
        ...(body.id_token ? { id_token: body.id_token } : {}),
        instance_url: opts.overrides?.().instanceUrl ?? opts.instanceUrl,
        id: opts.overrides?.().identityUrl ?? opts.identityUrl,
        token_type: 'Bearer',
        issued_at: issuedAt,
      };
      if (grantType === 'authorization_code') opts.counters.tokenGrants++;
      if (grantType === 'refresh_token') opts.counters.refreshes++;
      return;
    }
    if (!body.error) return;
    ctx.remove('WWW-Authenticate');
    const cause = String(ctx.state?.grantError?.cause?.message ?? '');
    if (body.error === 'invalid_client') {
      ctx.status = 400;
      ctx.body = { error: 'invalid_client_id', error_description: 'client identifier invalid' };
    } else if (body.error === 'invalid_grant') {
      ctx.status = 400;
      const description = grantType === 'refresh_token'
        ? 'expired access/refresh token'
        : /code_verifier|PKCE/i.test(cause) ? 'invalid code verifier' : 'authentication failure';
      ctx.body = { error: 'invalid_grant', error_description: description };
    } else if (body.error === 'unsupported_grant_type') {
      ctx.status = 400;
      ctx.body = { error: 'unsupported_grant_type', error_description: 'grant type not supported' };
    } else {
      if (ctx.status < 500) ctx.status = 400;
      ctx.body = { error: body.error, error_description: body.error_description ?? body.error };
    }
  };
}
