import { englishMessage } from '../../contract/i18n/spoken-messages';
import { AppError, type AppErrorValue, type ConnectionStatus } from '../../contract';
import { isAllowedLoginUrl } from '../../contract/login-host';
import { createOAuth2, refreshTokens, revokeToken } from '../auth/oauth-client';
import { REDIRECT_URI } from '../auth/redirect';
import type { Logger } from '../ports';
import { observeApiUsage } from './api-usage';
import { releaseSpareBodies } from './body-buffers';
import { defaultHttpLimits, limitedTransport, type HttpLimits } from './http-limits';
import { createConnection, setAccessToken, wrapTransports, type SalesforceConnection as JsforceConnection } from './jsforce-adapter';
import { toAppError } from './salesforce-errors';
import { errorFacts } from './error-facts';
import { reconnectRequired } from './reconnect-required';
import { renewOnExpiredSession } from './session-renewal';
import type { SessionTokens } from './session-tokens';
import type { SalesforceSessions } from '../module-links';
import { sameInstance } from './trusted-salesforce-url';

export type { SessionTokens } from './session-tokens';

/** What the session manager needs from the connections module (records + token vault). */
export interface SessionSource {
  /** The connection's OAuth client and status; undefined for an unknown id. */
  target(connectionId: string): Promise<{ status: ConnectionStatus; loginUrl: string; clientId: string; clientSecret?: string } | undefined>;
  /** undefined → the session is gone (RECONNECT_REQUIRED). */
  loadTokens(connectionId: string): Promise<SessionTokens | undefined>;
  /** Awaited BEFORE a new access token is used, so a rotated refresh token is never lost. */
  saveTokens(connectionId: string, tokens: SessionTokens): Promise<void>;
  /** Salesforce refused the refresh token (revoked, expired): the user must sign in again; cached data stays. */
  markReconnectNeeded(connectionId: string, error: AppErrorValue): Promise<void> | void;
}

interface LiveSession {
  tokens: SessionTokens;
  /** The refresh in flight, shared by every request that hit the expired token (single-flight). */
  refreshing?: Promise<SessionTokens>;
  connections: Map<string, JsforceConnection>;
}

/**
 * Hands out jsforce Connections whose session renewal Budgetly owns. jsforce's own (unchanged up to
 * 3.10.26: `oauthRefreshFn` in lib/connection.js, lib/session-refresh-delegate.js) keeps the rotated-out
 * refresh token (`_establish` gets no refresh token), refreshes and retries forever on a 401 that persists,
 * and wraps a refused refresh as a plain "Unable to refresh session" Error that loses `invalid_grant`.
 * jsforce's behaviour on the pinned version: jsforce-own-behaviour.test.ts (rotation, lost invalid_grant); ours:
 * session-refresh.test.ts and token-vault.test.ts (rotation, cap, revoked/expired).
 * Per connection: one refresh at a time however many requests are waiting; the rotated refresh token
 * is saved before the new access token is used; each failed request gets at most one renewal.
 */
export class SessionManager implements SalesforceSessions {
  private readonly sessions = new Map<string, LiveSession>();
  private readonly loading = new Map<string, Promise<LiveSession>>();
  private readonly limits: HttpLimits;

  constructor(
    private readonly source: SessionSource,
    private readonly deps: {
      logger: Logger;
      httpLimits?: HttpLimits;
      /** Origins trusted besides Salesforce's https domains (the local org). */
      extraOrigins?: readonly string[];
      /** Hears every answer's `Sforce-Limit-Info` (the org's API requests used/allowed). */
      onApiUsage?: (connectionId: string, header: string) => void;
    },
  ) {
    this.limits = deps.httpLimits ?? defaultHttpLimits;
  }

  async open(connectionId: string, apiVersion: string): Promise<JsforceConnection> {
    if (!/^\d{2,3}\.0$/.test(apiVersion)) throw new AppError('INVALID_INPUT', englishMessage('notAnApiVersion', { version: apiVersion.slice(0, 20) }));
    await this.requireConnected(connectionId);
    const session = await this.session(connectionId);
    let conn = session.connections.get(apiVersion);
    if (!conn) {
      conn = this.connect(connectionId, session, apiVersion);
      session.connections.set(apiVersion, conn);
    }
    return conn;
  }

  /**
   * Drops everything held for this connection (after disconnect, remove or a new sign-in); with no session left, also the
   * answers' spare body buffers (body-buffers.ts: up to 8 of up to 8 MB, kept for the next answer).
   */
  forget(connectionId: string): void {
    const session = this.sessions.get(connectionId);
    this.sessions.delete(connectionId);
    this.loading.delete(connectionId);
    for (const conn of session?.connections.values() ?? []) setAccessToken(conn, null);
    if (this.sessions.size === 0 && this.loading.size === 0) releaseSpareBodies();
  }

  forgetAll(): void {
    for (const id of [...this.sessions.keys()]) this.forget(id);
  }

  private async requireConnected(connectionId: string): Promise<void> {
    const target = await this.source.target(connectionId);
    if (!target) throw new AppError('NOT_FOUND', englishMessage('connectionGone'));
    if (target.status === 'disconnected') throw new AppError('NOT_CONNECTED', englishMessage('notSignedInYet'));
    if (target.status === 'reconnect-needed') throw reconnectRequired();
  }

  private async session(connectionId: string): Promise<LiveSession> {
    const live = this.sessions.get(connectionId);
    if (live) return live;
    let loading = this.loading.get(connectionId);
    if (!loading) {
      loading = (async () => {
        const tokens = await this.source.loadTokens(connectionId);
        if (!tokens) throw reconnectRequired();
        const session: LiveSession = { tokens, connections: new Map() };
        if (this.loading.get(connectionId) === loading) this.sessions.set(connectionId, session);
        return session;
      })().finally(() => {
        if (this.loading.get(connectionId) === loading) this.loading.delete(connectionId);
      });
      this.loading.set(connectionId, loading);
    }
    return loading;
  }

  private connect(connectionId: string, session: LiveSession, apiVersion: string): JsforceConnection {
    // jsforce's own refresh stays off (createConnection); renewal happens in the transport, which keeps the limits.
    const conn = createConnection(
      { instanceUrl: session.tokens.instanceUrl, accessToken: session.tokens.accessToken, version: apiVersion },
      limitedTransport(this.limits),
    );
    const renew = async (rejectedToken: string | undefined) => {
      const token = await this.renew(connectionId, rejectedToken);
      setAccessToken(conn, token);
      return token;
    };
    // Renewal for the connection's own transport and for one a caller sends with (`conn.request(req, { transport })`,
    // e.g. the sync's, which keeps its own limits).
    // Outermost, the API allowance each answer states (after a renewal: the answer that counted).
    const onApiUsage = this.deps.onApiUsage;
    wrapTransports(conn, (transport) => {
      const renewing = renewOnExpiredSession(transport, renew);
      return onApiUsage ? observeApiUsage(renewing, (header) => onApiUsage(connectionId, header)) : renewing;
    });
    return conn;
  }

  /** A fresh access token for a request that was rejected with `rejectedToken`. */
  private async renew(connectionId: string, rejectedToken: string | undefined): Promise<string> {
    let session = this.sessions.get(connectionId);
    if (!session) {
      // Forgotten since this jsforce Connection was handed out (new sign-in, disconnect): use the current session, if any.
      await this.requireConnected(connectionId);
      session = await this.session(connectionId);
    }
    if (!session.refreshing && rejectedToken !== session.tokens.accessToken) return session.tokens.accessToken;
    const live = session;
    live.refreshing ??= this.refresh(connectionId, live).finally(() => {
      live.refreshing = undefined;
    });
    return (await live.refreshing).accessToken;
  }

  private async refresh(connectionId: string, session: LiveSession): Promise<SessionTokens> {
    const target = await this.source.target(connectionId);
    if (!target || target.status !== 'connected') throw target ? reconnectRequired() : new AppError('NOT_FOUND', englishMessage('connectionGone'));
    // The refresh token goes only to a login address that passes the rule (the saved one may have been rewritten).
    if (!isAllowedLoginUrl(target.loginUrl, this.deps.extraOrigins ?? [])) throw await this.endSession(connectionId, reconnectRequired('untrustedLoginAddress'));
    const oauth2 = createOAuth2({ loginUrl: target.loginUrl, clientId: target.clientId, clientSecret: target.clientSecret, redirectUri: REDIRECT_URI }, this.limits);
    let answer;
    try {
      answer = await refreshTokens(oauth2, session.tokens.refreshToken, this.deps.extraOrigins ?? []);
    } catch (error) {
      if (errorFacts(error).errorCode === 'invalid_grant') {
        throw await this.endSession(connectionId, reconnectRequired('signInEnded'));
      }
      // An answer pointing at an untrusted address: never followed, the user signs in again.
      if (error instanceof AppError && error.code === 'RECONNECT_REQUIRED') {
        revokeToken(oauth2, session.tokens.refreshToken).catch(() => undefined);
        throw await this.endSession(connectionId, error);
      }
      throw toAppError(error); // NETWORK and friends: nothing changes, the next request tries again
    }
    if (!sameInstance(answer.instanceUrl, session.tokens.instanceUrl)) {
      // A refresh may not move the session to another host: the token would follow an answer nobody checked with the user.
      revokeToken(oauth2, answer.refreshToken ?? session.tokens.refreshToken).catch(() => undefined);
      throw await this.endSession(connectionId, reconnectRequired('instanceMoved'));
    }
    const next: SessionTokens = {
      accessToken: answer.accessToken,
      refreshToken: answer.refreshToken ?? session.tokens.refreshToken,
      instanceUrl: session.tokens.instanceUrl,
    };
    if (this.sessions.get(connectionId) !== session) throw reconnectRequired(); // disconnected meanwhile: keep nothing
    try {
      await this.source.saveTokens(connectionId, next);
    } catch (error) {
      this.deps.logger.warn('Could not save the renewed session; it is kept in memory until the app quits', {
        connectionId,
        error: error instanceof Error ? error.name : typeof error,
      });
    }
    session.tokens = next;
    for (const conn of session.connections.values()) setAccessToken(conn, next.accessToken, next.instanceUrl);
    return next;
  }

  /** The sign-in cannot go on: forget it here and in the vault, mark the connection "reconnect needed". */
  private async endSession(connectionId: string, ended: AppError): Promise<AppError> {
    this.forget(connectionId);
    await this.source.markReconnectNeeded(connectionId, ended.toValue());
    return ended;
  }
}
