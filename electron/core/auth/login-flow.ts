import { englishMessage } from '../../contract/i18n/spoken-messages';
import { AppError } from '../../contract';
import type { Clock, LoginAgent, Logger } from '../ports';
import { defaultHttpLimits, type HttpLimits } from '../salesforce/http-limits';
import type { SessionTokens } from '../salesforce/session-tokens';
import { fetchIdentity, type Identity } from './identity';
import { authorizeUrl, createOAuth2, exchangeCode, revokeToken } from './oauth-client';
import { createPkce, createState } from './pkce';
import { REDIRECT_URI, parseRedirect } from './redirect';

export interface LoginTarget {
  connectionId: string;
  loginUrl: string;
  clientId: string;
  clientSecret?: string;
}

export interface LoginResult {
  tokens: SessionTokens;
  identity: Identity;
}

export interface LoginFlowDeps {
  clock: Clock;
  logger: Logger;
  redirectUri?: string;
  /** Overall limit for one attempt, login page included (default 10 minutes). */
  timeoutMs?: number;
  httpLimits?: HttpLimits;
  /** Origins trusted for `instance_url` / `id` besides Salesforce's https domains and the login host (the local org). */
  extraOrigins?: readonly string[];
}

const DEFAULT_TIMEOUT_MS = 10 * 60_000;

/**
 * One sign-in: Authorization Code + PKCE (S256) + state, through a login agent.
 * A fresh verifier and state per attempt, one attempt at a time per connection,
 * cancellable, with an overall timeout; the agent is told through its AbortSignal.
 */
export class LoginFlow {
  private readonly attempts = new Map<string, AbortController>();

  constructor(private readonly deps: LoginFlowDeps) {}

  async login(target: LoginTarget, agent: LoginAgent, options: { switchUser?: boolean; loginHint?: string } = {}): Promise<LoginResult> {
    const { connectionId } = target;
    if (this.attempts.has(connectionId)) {
      throw new AppError('LOGIN_IN_PROGRESS', englishMessage('loginInProgress'));
    }
    const controller = new AbortController();
    this.attempts.set(connectionId, controller);
    const timeoutMs = this.deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const stopTimer = this.deps.clock.setTimeout(() => {
      controller.abort(new AppError('TIMEOUT', englishMessage('loginTimedOut', { minutes: String(Math.round(timeoutMs / 60_000) || 1) })));
    }, timeoutMs);
    try {
      return await this.attempt(target, agent, options, controller.signal);
    } finally {
      stopTimer();
      if (this.attempts.get(connectionId) === controller) this.attempts.delete(connectionId);
    }
  }

  /** Stops the running attempt for this connection (the agent closes its window). */
  cancel(connectionId: string): boolean {
    const controller = this.attempts.get(connectionId);
    if (!controller) return false;
    controller.abort(new AppError('CANCELLED', englishMessage('loginCancelled')));
    return true;
  }

  isRunning(connectionId: string): boolean {
    return this.attempts.has(connectionId);
  }

  cancelAll(): void {
    for (const id of [...this.attempts.keys()]) this.cancel(id);
  }

  private async attempt(target: LoginTarget, agent: LoginAgent, options: { switchUser?: boolean; loginHint?: string }, signal: AbortSignal): Promise<LoginResult> {
    const redirectUri = this.deps.redirectUri ?? REDIRECT_URI;
    const limits = this.deps.httpLimits ?? defaultHttpLimits;
    const oauth2 = createOAuth2({ ...target, redirectUri }, limits);
    const pkce = createPkce();
    const state = createState();
    const url = authorizeUrl(oauth2, { state, codeChallenge: pkce.challenge, switchUser: options.switchUser, loginHint: options.loginHint });

    const redirected = await untilAborted(agentLogin(agent, { authorizeUrl: url, redirectUri, signal, connectionId: target.connectionId }), signal);
    const { code } = parseRedirect(redirected, { redirectUri, state });
    const exchange = exchangeCode(oauth2, code, pkce.verifier, this.deps.extraOrigins ?? []);
    // Cancelled or timed out while the code was being exchanged: the user hears it at once, but the request is
    // not aborted (Salesforce may already have granted tokens; bounded by the transport's limits): the tokens
    // that still arrive are revoked.
    exchange.then((late) => signal.aborted && this.discard(oauth2, late.refreshToken!, target.connectionId), () => undefined);
    const tokenSet = await untilAborted(exchange, signal);
    const refreshToken = tokenSet.refreshToken!;
    try {
      const identity = await untilAborted(fetchIdentity(tokenSet, limits, signal), signal);
      return { tokens: { accessToken: tokenSet.accessToken, refreshToken, instanceUrl: tokenSet.instanceUrl }, identity };
    } catch (error) {
      this.discard(oauth2, refreshToken, target.connectionId);
      throw error;
    }
  }

  /** Tokens we will not keep are revoked, not left alive at Salesforce. */
  private discard(oauth2: ReturnType<typeof createOAuth2>, refreshToken: string, connectionId: string): void {
    revokeToken(oauth2, refreshToken).catch(() => this.deps.logger.warn('Could not revoke an abandoned sign-in', { connectionId }));
  }
}

async function agentLogin(agent: LoginAgent, request: Parameters<LoginAgent['login']>[0]): Promise<string> {
  try {
    return await agent.login(request);
  } catch (error) {
    if (request.signal.aborted) throw request.signal.reason;
    if (error instanceof AppError) throw error;
    throw new AppError('LOGIN_FAILED', englishMessage('loginWindowStopped'), { cause: error });
  }
}

/** Rejects with the abort reason as soon as the signal fires, even if `work` ignores it. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) reject(signal.reason);
        else resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(signal.aborted ? signal.reason : error);
      },
    );
  });
}
