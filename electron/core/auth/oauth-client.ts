import { englishMessage } from '../../contract/i18n/spoken-messages';
import { AppError } from '../../contract';
import { OAUTH_SCOPES } from '../../contract/login-host';
import { smallAnswerLimits, type HttpLimits } from '../salesforce/http-limits';
import { createOAuthClient, type SalesforceOAuthClient as OAuth2, type TokenResponse } from '../salesforce/jsforce-adapter';
import { errorFacts } from '../salesforce/error-facts';
import { refusedCertificateCode, toAppError } from '../salesforce/salesforce-errors';
import { BODY_STALLED, smallAnswerTransport, type SmallAnswerTransport } from '../salesforce/small-answer-transport';
import { requireTrustedSalesforceUrl } from '../salesforce/trusted-salesforce-url';

export interface OAuthClientConfig {
  loginUrl: string;
  clientId: string;
  clientSecret?: string;
  redirectUri: string;
}

/** What Budgetly keeps from a token response. */
export interface TokenSet {
  accessToken: string;
  /** Absent on a refresh without rotation. */
  refreshToken?: string;
  instanceUrl: string;
  /** The identity URL: https://login…/id/<orgId>/<userId>. */
  idUrl: string;
}

/**
 * jsforce's OAuth2 with our own PKCE (never its `useVerifier`) and a bounded transport: token, refresh and
 * revoke answers are a few KB, so an answer cut off mid-body fails at once and one that stalls after its
 * headers fails after `limits.bodyTimeoutMs`, both as NETWORK (never as a refused grant).
 */
export function createOAuth2(config: OAuthClientConfig, limits: HttpLimits): OAuth2 {
  const transport = smallAnswerTransport(smallAnswerLimits(limits));
  normalizeOAuthErrors(transport);
  return createOAuthClient(config, transport);
}

/**
 * jsforce's OAuth2 names its errors after the body's `error` field only. Salesforce's front end can also
 * answer the token endpoint with a REST-style array (`[{"errorCode":"SERVER_UNAVAILABLE",…}]`) or HTML;
 * jsforce would then throw a nameless, empty error. Such answers are rewritten to `ERROR_HTTP_<status>`
 * so `toAppError` can tell a Salesforce outage (NETWORK) from a refused grant.
 */
function normalizeOAuthErrors(transport: SmallAnswerTransport): void {
  const send = transport.httpRequest.bind(transport);
  transport.httpRequest = (request) => {
    const pending = send(request);
    const normalized = pending.then((response) => {
      if (response.statusCode < 400 || hasOAuthError(response.body)) return response;
      return {
        ...response,
        headers: { ...response.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ error: `ERROR_HTTP_${response.statusCode}`, error_description: `Salesforce answered HTTP ${response.statusCode}.` }),
      };
    });
    return Object.assign(normalized, { stream: () => pending.stream() }) as typeof pending;
  };
}

function hasOAuthError(body: string): boolean {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && typeof (parsed as { error?: unknown }).error === 'string';
  } catch {
    return false;
  }
}

export function authorizeUrl(
  oauth2: OAuth2,
  params: { state: string; codeChallenge: string; switchUser?: boolean; loginHint?: string },
): string {
  return oauth2.getAuthorizationUrl({
    scope: OAUTH_SCOPES,
    state: params.state,
    code_challenge: params.codeChallenge,
    code_challenge_method: 'S256',
    ...(params.switchUser ? { prompt: 'login' } : {}),
    ...(params.loginHint ? { login_hint: params.loginHint } : {}),
  });
}

/**
 * Authorization code → tokens. The server checks `code_verifier` against the challenge it saw.
 * `instance_url` and `id` must be trusted (https Salesforce, the client's own login origin or one of
 * `extraOrigins`); otherwise the sign-in fails, nothing is sent there, and the granted refresh token is revoked.
 */
export async function exchangeCode(oauth2: OAuth2, code: string, codeVerifier: string, extraOrigins: readonly string[] = []): Promise<TokenSet> {
  try {
    const response = await oauth2.requestToken(code, { code_verifier: codeVerifier });
    const tokens = toTokenSet(response, trustedOrigins(oauth2, extraOrigins), 'LOGIN_FAILED', (refused) => {
      if (typeof response.refresh_token === 'string') revokeToken(oauth2, response.refresh_token).catch(() => undefined);
      return refused;
    });
    if (!tokens.refreshToken) {
      throw new AppError('LOGIN_FAILED', englishMessage('loginNoRefreshToken'));
    }
    return tokens;
  } catch (error) {
    throw loginFailure(error);
  }
}

/**
 * One refresh-token grant. Errors keep their OAuth name (`invalid_grant`) so callers can tell them apart.
 * An answer naming an untrusted `instance_url` or `id` is RECONNECT_REQUIRED (never followed).
 */
export async function refreshTokens(oauth2: OAuth2, refreshToken: string, extraOrigins: readonly string[] = []): Promise<TokenSet> {
  return toTokenSet(await oauth2.refreshToken(refreshToken), trustedOrigins(oauth2, extraOrigins), 'RECONNECT_REQUIRED', (refused) => refused);
}

/** POST /services/oauth2/revoke. Revoking the refresh token kills its access tokens too. */
export async function revokeToken(oauth2: OAuth2, token: string): Promise<void> {
  await oauth2.revokeToken(token);
}

/** The client's own login origin (already validated as a login host) plus the app's extra origins. */
function trustedOrigins(oauth2: OAuth2, extraOrigins: readonly string[]): string[] {
  return [new URL(oauth2.loginUrl).origin, ...extraOrigins];
}

function toTokenSet(
  response: TokenResponse,
  trusted: readonly string[],
  code: 'LOGIN_FAILED' | 'RECONNECT_REQUIRED',
  onRefused: (error: AppError) => AppError,
): TokenSet {
  const { access_token: accessToken, refresh_token: refreshToken, instance_url: instanceUrl, id: idUrl } = response;
  if (typeof accessToken !== 'string' || typeof instanceUrl !== 'string' || typeof idUrl !== 'string') {
    throw new AppError('LOGIN_FAILED', englishMessage('loginIncompleteTokens'));
  }
  try {
    requireTrustedSalesforceUrl(instanceUrl, trusted, code);
    requireTrustedSalesforceUrl(idUrl, trusted, code);
  } catch (error) {
    throw onRefused(error as AppError);
  }
  return { accessToken, refreshToken: typeof refreshToken === 'string' ? refreshToken : undefined, instanceUrl, idUrl };
}

function loginFailure(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (errorFacts(error).errorCode === 'invalid_grant') {
    return new AppError('LOGIN_FAILED', englishMessage('loginCodeRefused'), { cause: error });
  }
  const mapped = toAppError(error);
  // A refused certificate keeps its own message (what to ask IT), not "could not be reached" (session 34).
  if (mapped.code === 'NETWORK' && refusedCertificateCode(error) !== undefined) return mapped;
  if (mapped.code === 'NETWORK') {
    // Nothing was stored: the attempt ends here and Connect starts a fresh one.
    return new AppError('NETWORK', englishMessage(brokenOff(error) ? 'loginBrokeOff' : 'loginUnreachable'), { cause: error });
  }
  if (mapped.code === 'CANCELLED') return mapped;
  return new AppError('LOGIN_FAILED', englishMessage('loginFailedBecause', { reason: mapped.message }), { cause: error });
}

/** An answer that started and then stopped (cut mid-body: undici's "terminated"; or stalled past the body limit). */
function brokenOff(error: unknown): boolean {
  const facts = errorFacts(error);
  return facts.systemCodes.some((code) => BROKEN_OFF.has(code)) || facts.chainMessages.includes('terminated');
}
const BROKEN_OFF = new Set(['UND_ERR_SOCKET', 'ECONNRESET', BODY_STALLED]);
