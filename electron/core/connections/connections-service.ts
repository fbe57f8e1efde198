import { randomUUID } from 'node:crypto';
import { AppError, builtInClientIdFor, NO_BUILT_IN_CLIENT, type AppErrorValue, type BuiltInClientIds, type Connection, type SignInMethod } from '../../contract';
import type { LoginFlow } from '../auth/login-flow';
import type { EventSink, LoginAgent, Logger } from '../ports';
import type { SessionManager } from '../salesforce/session-manager';
import { reconnectRequiredValue, untrustedLoginAddressMessage } from '../salesforce/reconnect-required';
import { describeLoginUrl, isAllowedLoginUrl } from '../../contract/login-host';
import type { TokenVault } from '../secrets/token-vault';
import type { SettingsService } from '../settings/settings-service';
import type { ConnectionRecord, ConnectionRecords } from './connection-records';
import { toConnectionView } from './connection-view';
import { ForgetListeners } from './forget-listeners';
import { englishMessage } from '../../contract/i18n/spoken-messages';
import { normalizeLoginUrl } from './login-host';
import { hasHostLabel } from './org-name';
import { revokeAtSalesforce } from './revoke';

export interface ConnectionsServiceDeps {
  records: ConnectionRecords;
  vault: TokenVault;
  loginFlow: LoginFlow;
  sessions: SessionManager;
  loginAgents: Record<SignInMethod, LoginAgent>;
  settings: SettingsService;
  events: EventSink;
  logger: Logger;
  extraLoginOrigins: string[];
  builtInClientIds?: BuiltInClientIds;
  /** Says a stored message (a connection's last error) in the user's language; as stored without it. */
  say?: (message: string) => string;
  /** The org's name from Salesforce (connections/org-name.ts), for a connection nobody named; null when it says none. */
  orgName?: (connectionId: string) => Promise<string | null>;
}

export interface NewConnection {
  /** Absent: named after the login host until the first sign-in names it after the org. */
  label?: string;
  loginUrl: string;
  /** Absent: the build's built-in client id for the login host. */
  clientId?: string;
  clientSecret?: string;
  signInMethod?: SignInMethod;
  /** Set when the machine policy file predefines this connection (its name there). */
  policyName?: string;
}

export interface ConnectionPatch {
  id: string;
  label?: string;
  loginUrl?: string;
  clientId?: string;
  clientSecret?: string | null;
  signInMethod?: SignInMethod;
}

/** The connections use cases behind the `connections.*` channels. Every change pushes `connections.changed`. */
export class ConnectionsService {
  readonly forgetListeners = new ForgetListeners();

  constructor(private readonly deps: ConnectionsServiceDeps) {}

  list(): Connection[] {
    const sessionOnly = !this.deps.vault.persistent();
    return this.deps.records.all().map((record) => toConnectionView(record, sessionOnly, this.deps.say));
  }

  /** The saved record (no secrets: those live in the vault), for Connection details. */
  record(id: string): ConnectionRecord | undefined {
    return this.deps.records.get(id);
  }

  view(id: string): Connection | undefined {
    const record = this.deps.records.get(id);
    return record ? toConnectionView(record, !this.deps.vault.persistent(), this.deps.say) : undefined;
  }

  async add(input: NewConnection): Promise<Connection> {
    this.assertSignInMethodAllowed(input.signInMethod);
    const loginUrl = normalizeLoginUrl(input.loginUrl, this.deps.extraLoginOrigins);
    const clientId = input.clientId ?? builtInClientIdFor(loginUrl, this.deps.builtInClientIds ?? NO_BUILT_IN_CLIENT);
    if (!clientId) throw new AppError('INVALID_INPUT', englishMessage('clientIdNeeded'));
    const record: ConnectionRecord = {
      id: randomUUID(),
      label: input.label ?? describeLoginUrl(loginUrl),
      labelChosen: input.label !== undefined,
      loginUrl,
      clientId,
      hasClientSecret: input.clientSecret !== undefined,
      signInMethod: this.deps.settings.locks().signInMethod ?? input.signInMethod ?? this.deps.settings.get().signInMethod,
      status: 'disconnected',
      ...(input.policyName !== undefined ? { policyName: input.policyName } : {}),
    };
    if (input.clientSecret !== undefined) await this.deps.vault.saveClientSecret(record.id, input.clientSecret);
    this.deps.records.add(record);
    this.changed();
    return this.mustView(record.id);
  }

  /**
   * The machine policy file's connections, added once each (by name): they appear without the user adding them.
   * One the user removed comes back at the next start, as IT asked; one that fails is logged and skipped.
   */
  async addPredefined(connections: readonly { label: string; loginUrl: string; clientId?: string; signInMethod?: SignInMethod }[]): Promise<void> {
    for (const connection of connections) {
      if (this.deps.records.all().some((record) => record.policyName === connection.label)) continue;
      try {
        await this.add({ ...connection, signInMethod: this.deps.settings.locks().signInMethod ?? connection.signInMethod, policyName: connection.label });
      } catch (error) {
        this.deps.logger.warn('Could not add a connection of the policy file', { error: error instanceof AppError ? error.code : 'unknown' });
      }
    }
  }

  async update(patch: ConnectionPatch): Promise<Connection> {
    this.assertSignInMethodAllowed(patch.signInMethod);
    const record = this.mustRecord(patch.id);
    const loginUrl = patch.loginUrl === undefined ? undefined : normalizeLoginUrl(patch.loginUrl, this.deps.extraLoginOrigins);
    const changesClient =
      (loginUrl !== undefined && loginUrl !== record.loginUrl) ||
      (patch.clientId !== undefined && patch.clientId !== record.clientId) ||
      patch.clientSecret !== undefined;
    if (changesClient && record.status === 'connected') {
      throw new AppError('INVALID_INPUT', englishMessage('disconnectFirst'));
    }
    if (this.deps.loginFlow.isRunning(record.id) && changesClient) {
      throw new AppError('LOGIN_IN_PROGRESS', englishMessage('finishSignInFirst'));
    }
    if (patch.clientSecret !== undefined) await this.deps.vault.saveClientSecret(record.id, patch.clientSecret);
    this.deps.records.update(record.id, {
      ...(patch.label !== undefined && patch.label !== record.label ? { label: patch.label, labelChosen: true } : {}),
      ...(loginUrl !== undefined ? { loginUrl } : {}),
      ...(patch.clientId !== undefined ? { clientId: patch.clientId } : {}),
      ...(patch.clientSecret !== undefined ? { hasClientSecret: patch.clientSecret !== null } : {}),
      ...(patch.signInMethod !== undefined ? { signInMethod: patch.signInMethod } : {}),
    });
    this.changed();
    return this.mustView(record.id);
  }

  /** Runs a fresh sign-in in the connection's login agent; resolves when connected. */
  async connect(id: string, switchUser = false): Promise<Connection> {
    const record = this.mustRecord(id);
    // No sign-in (auth code, verifier, client secret) at a saved login address that fails the rule (a rewritten store).
    if (!isAllowedLoginUrl(record.loginUrl, this.deps.extraLoginOrigins)) throw new AppError('LOGIN_FAILED', untrustedLoginAddressMessage);
    const clientSecret = record.hasClientSecret ? await this.deps.vault.loadClientSecret(id) : undefined;
    if (record.hasClientSecret && clientSecret === undefined) {
      throw new AppError('INVALID_INPUT', englishMessage('clientSecretMissing'));
    }
    const agent = this.deps.loginAgents[this.deps.settings.locks().signInMethod ?? record.signInMethod];
    let result;
    try {
      result = await this.deps.loginFlow.login(
        { connectionId: id, loginUrl: record.loginUrl, clientId: record.clientId, ...(clientSecret !== undefined ? { clientSecret } : {}) },
        agent,
        { switchUser, ...(record.username && !switchUser ? { loginHint: record.username } : {}) },
      );
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError('LOGIN_FAILED', englishMessage('loginIncomplete'));
      if (appError.code !== 'CANCELLED' && appError.code !== 'LOGIN_IN_PROGRESS' && this.deps.records.get(id)) {
        this.deps.records.update(id, { lastError: appError.toValue() });
        this.changed();
      }
      throw appError;
    }
    if (!this.deps.records.get(id)) {
      // Removed while the login page was open: do not keep the fresh tokens.
      await revokeAtSalesforce(record, result.tokens, this.deps.logger, this.deps.extraLoginOrigins);
      throw new AppError('NOT_FOUND', englishMessage('removedWhileSigningIn'));
    }
    const previous = await this.deps.vault.load(id);
    this.deps.sessions.forget(id);
    await this.deps.vault.save(id, result.tokens);
    // Another org or another user (with other sharing and field access): the offline copy is not theirs.
    const switchedOrg =
      (record.orgId !== undefined && record.orgId !== result.identity.orgId) ||
      (record.userId !== undefined && record.userId !== result.identity.userId);
    this.deps.records.update(id, {
      status: 'connected',
      username: result.identity.username,
      displayName: result.identity.displayName,
      orgId: result.identity.orgId,
      userId: result.identity.userId,
      instanceUrl: result.tokens.instanceUrl,
      lastError: undefined,
      ...(switchedOrg ? { lastSyncAt: undefined } : {}),
    });
    if (previous.kind === 'found' && previous.tokens.refreshToken !== result.tokens.refreshToken) {
      void revokeAtSalesforce(record, previous.tokens, this.deps.logger, this.deps.extraLoginOrigins);
    }
    if (switchedOrg) await this.forgetListeners.notify(id, this.deps.logger);
    this.changed();
    this.nameAfterOrg(id, result.identity.orgId).catch((error: unknown) =>
      this.deps.logger.warn('Could not name the connection after its org', { error: error instanceof AppError ? error.code : 'unknown' }),
    );
    return this.mustView(id);
  }

  /**
   * After a sign-in: a connection still named after its login host ("127.0.0.1:44295") takes the org's name from
   * Salesforce. A name someone chose is never replaced; one typed while the name was on its way wins. If the org does
   * not say, the host's name stays (logged, the sign-in is not affected).
   */
  private async nameAfterOrg(id: string, orgId: string): Promise<void> {
    const record = this.deps.records.get(id);
    if (!record || !this.deps.orgName || !hasHostLabel(record)) return;
    const name = await this.deps.orgName(id);
    const now = this.deps.records.get(id);
    if (!name || !now || !hasHostLabel(now) || now.orgId !== orgId || now.label === name) return;
    this.deps.records.update(id, { label: name, labelChosen: false });
    this.changed();
  }

  cancelLogin(id: string): void {
    this.mustRecord(id);
    this.deps.loginFlow.cancel(id);
  }

  /** Revokes at Salesforce (when reachable), then forgets the sign-in and the offline copy. */
  async disconnect(id: string): Promise<{ revoked: boolean }> {
    this.mustRecord(id);
    const revoked = await this.signOut(id);
    this.deps.records.update(id, {
      status: 'disconnected',
      username: undefined,
      displayName: undefined,
      orgId: undefined,
      userId: undefined,
      instanceUrl: undefined,
      lastSyncAt: undefined,
      lastSyncDurationMs: undefined,
      apiVersion: undefined,
      // Offline: the user hears that Salesforce still has to be told (cleared once the revoke went through).
      lastError: revoked ? undefined : { code: 'NETWORK', message: englishMessage('signOutPending') },
    });
    await this.forgetListeners.notify(id, this.deps.logger);
    this.changed();
    return { revoked };
  }

  async remove(id: string): Promise<void> {
    this.mustRecord(id);
    await this.signOut(id);
    this.deps.vault.forgetAll(id);
    this.deps.records.remove(id);
    await this.forgetListeners.notify(id, this.deps.logger);
    this.changed();
  }

  /** From the session manager: Salesforce refused the refresh token. Cached invoices stay. */
  markReconnectNeeded(id: string, error: AppErrorValue): void {
    const record = this.deps.records.get(id);
    if (!record || record.status !== 'connected') return;
    this.deps.records.update(id, { status: 'reconnect-needed', lastError: error });
    this.changed();
  }

  /** A sync's outcome: in memory at once, written to the file once `savedAfter` (the sync's answer) has settled. */
  recordSync(id: string, outcome: { at?: string; error?: AppErrorValue | null; durationMs?: number; apiVersion?: string }, savedAfter?: Promise<unknown>): void {
    if (!this.deps.records.get(id)) return;
    this.deps.records.updateSoon(id, {
      ...(outcome.at !== undefined ? { lastSyncAt: outcome.at } : {}),
      ...(outcome.durationMs !== undefined ? { lastSyncDurationMs: outcome.durationMs } : {}),
      ...(outcome.apiVersion !== undefined ? { apiVersion: outcome.apiVersion } : {}),
      ...(outcome.error !== undefined ? { lastError: outcome.error ?? undefined } : {}),
    }, savedAfter);
    this.changed();
  }

  /** On start: a connection whose tokens are gone (memory-only last time, or unreadable) needs a reconnect. */
  async checkStoredSessions(): Promise<void> {
    let changed = false;
    for (const record of this.deps.records.all()) {
      if (record.status !== 'connected') continue;
      const load = await this.deps.vault.load(record.id);
      if (load.kind === 'found') continue;
      const reason = load.kind === 'unreadable' ? 'savedUnreadable' : this.deps.vault.persistent() ? 'savedMissing' : 'keptInMemoryOnly';
      this.deps.records.update(record.id, { status: 'reconnect-needed', lastError: reconnectRequiredValue(reason) });
      changed = true;
    }
    if (changed) this.changed();
  }

  changed(): void {
    this.deps.events.emit('connections.changed', this.list());
  }

  /** Ends the sign-in everywhere it can: revoke at Salesforce (false when it could not be sent), local tokens, login cookies. */
  private async signOut(id: string): Promise<boolean> {
    const record = this.mustRecord(id);
    this.deps.loginFlow.cancel(id);
    const load = await this.deps.vault.load(id);
    const revoked = load.kind === 'found' ? await revokeAtSalesforce(record, load.tokens, this.deps.logger, this.deps.extraLoginOrigins) : true;
    if (!revoked && load.kind === 'found') {
      // Kept sealed until Salesforce can be told (next start, back online): never just forgotten.
      await this.deps.vault.pendingRevokes.add({ connectionId: id, loginUrl: record.loginUrl, clientId: record.clientId, refreshToken: load.tokens.refreshToken });
    }
    this.deps.sessions.forget(id);
    this.deps.vault.forgetTokens(id);
    await this.clearLoginSessions(id);
    return revoked;
  }

  private async clearLoginSessions(connectionId: string): Promise<void> {
    for (const agent of new Set(Object.values(this.deps.loginAgents))) {
      try {
        await agent.clearSession?.(connectionId);
      } catch (error) {
        this.deps.logger.warn('Could not clear the login window’s cookies', { error: error instanceof Error ? error.name : 'unknown' });
      }
    }
  }

  /** The policy's sign-in method is enforced here too: a crafted `connections.add/update` cannot pick the other one. */
  private assertSignInMethodAllowed(method: SignInMethod | undefined): void {
    if (method !== undefined) this.deps.settings.assertAllowed({ signInMethod: method });
  }

  private mustRecord(id: string): ConnectionRecord {
    const record = this.deps.records.get(id);
    if (!record) throw new AppError('NOT_FOUND', englishMessage('connectionGone'));
    return record;
  }

  private mustView(id: string): Connection {
    const view = this.view(id);
    if (!view) throw new AppError('NOT_FOUND', englishMessage('connectionGone'));
    return view;
  }
}
