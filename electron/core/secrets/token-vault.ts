import type { Logger, SecretBox } from '../ports';
import type { SessionTokens } from '../salesforce/session-tokens';
import type { SettingsService } from '../settings/settings-service';
import { isTrustedSalesforceUrl } from '../salesforce/trusted-salesforce-url';
import { PendingRevokes } from './pending-revokes';
import { SealedStore } from './sealed-store';

/** What a connection needs to talk to Salesforce. Never leaves the main process. */
export type StoredTokens = SessionTokens;

export type TokenLoad = { kind: 'found'; tokens: StoredTokens } | { kind: 'missing' } | { kind: 'unreadable' };

const tokensKey = (connectionId: string) => `secrets.tokens.${connectionId}`;
const clientSecretKey = (connectionId: string) => `secrets.clientSecret.${connectionId}`;

/**
 * The token vault. Tokens and client secrets live in memory while the app runs and are written
 * to disk only sealed by the SecretBox, and only when that protection is real ('os') or the
 * user explicitly allowed weaker storage (`settings.allowWeakStorage`, meaningful for Linux
 * 'basic_text'). With no encryption at all ('unavailable') nothing is ever written.
 */
export class TokenVault {
  private readonly memory = new Map<string, StoredTokens>();
  private readonly clientSecrets = new Map<string, string>();
  private readonly sealed: SealedStore;
  private readonly stopWatching: () => void;
  /** Sign-outs Salesforce has not heard of yet (sealed under the same policy as the tokens). */
  readonly pendingRevokes: PendingRevokes;

  constructor(
    private readonly box: SecretBox,
    store: ConstructorParameters<typeof SealedStore>[1],
    private readonly settings: SettingsService,
    private readonly logger: Logger,
    /** Origins a stored instance URL may have besides Salesforce's https domains (the connection's login host, the local org). */
    private readonly trustedOrigins: (connectionId: string) => readonly string[] = () => [],
  ) {
    this.sealed = new SealedStore(box, store);
    this.pendingRevokes = new PendingRevokes(this.sealed, () => this.persistent(), logger);
    this.stopWatching = settings.onChange((next, previous) => {
      if (next.allowWeakStorage !== previous.allowWeakStorage) return this.applyStoragePolicy();
    });
  }

  /** True when tokens are kept on disk (sealed); false = memory only, gone when the app quits. */
  persistent(): boolean {
    const protection = this.box.protection();
    return protection === 'os' || (protection === 'basic_text' && this.settings.get().allowWeakStorage);
  }

  async load(connectionId: string): Promise<TokenLoad> {
    const cached = this.memory.get(connectionId);
    if (cached) return { kind: 'found', tokens: cached };
    if (!this.sealed.has(tokensKey(connectionId))) return { kind: 'missing' };
    if (this.box.protection() === 'unavailable') return { kind: 'missing' };
    const read = await this.sealed.read(tokensKey(connectionId), isStoredTokens);
    if (read.kind === 'unreadable') {
      this.logger.warn('Stored sign-in could not be opened; it was deleted', { connectionId });
      return read;
    }
    if (read.kind === 'missing') return read;
    if (!isTrustedSalesforceUrl(read.value.instanceUrl, this.trustedOrigins(connectionId))) {
      // Tampered with, or written by a build that trusted more: the token never goes there.
      this.logger.warn('Stored sign-in names an untrusted Salesforce address; it was deleted', { connectionId });
      this.sealed.remove(tokensKey(connectionId));
      return { kind: 'unreadable' };
    }
    this.memory.set(connectionId, read.value);
    this.dropWeakCopy(tokensKey(connectionId));
    return { kind: 'found', tokens: read.value };
  }

  /**
   * Resolves once the tokens are where they belong (sealed on disk when persistent). If the OS
   * refuses to seal (keychain access denied), the live session keeps working from memory and the
   * stale blob goes, so a rotated-out refresh token is never left on disk.
   */
  async save(connectionId: string, tokens: StoredTokens): Promise<void> {
    this.memory.set(connectionId, { ...tokens });
    if (!this.persistent()) {
      this.sealed.remove(tokensKey(connectionId));
      return;
    }
    try {
      await this.sealed.write(tokensKey(connectionId), tokens);
    } catch (error) {
      try {
        this.sealed.remove(tokensKey(connectionId));
      } catch {
        // The disk refuses writes too (full or read-only): nothing can be removed now; the caller's own write reports it.
      }
      this.logger.warn('Could not seal the sign-in; it is kept in memory only', { connectionId, error: error instanceof Error ? error.name : 'unknown' });
    }
  }

  async loadClientSecret(connectionId: string): Promise<string | undefined> {
    const cached = this.clientSecrets.get(connectionId);
    if (cached !== undefined) return cached;
    if (this.box.protection() === 'unavailable' || !this.sealed.has(clientSecretKey(connectionId))) return undefined;
    const read = await this.sealed.read(clientSecretKey(connectionId), (value): value is string => typeof value === 'string');
    if (read.kind !== 'found') return undefined;
    this.clientSecrets.set(connectionId, read.value);
    this.dropWeakCopy(clientSecretKey(connectionId));
    return read.value;
  }

  async saveClientSecret(connectionId: string, secret: string | null): Promise<void> {
    if (secret === null) {
      this.clientSecrets.delete(connectionId);
      this.sealed.remove(clientSecretKey(connectionId));
      return;
    }
    this.clientSecrets.set(connectionId, secret);
    if (this.persistent()) await this.sealed.write(clientSecretKey(connectionId), secret);
  }

  /** Forgets the sign-in (tokens only; the connection's settings stay). */
  forgetTokens(connectionId: string): void {
    this.memory.delete(connectionId);
    this.sealed.remove(tokensKey(connectionId));
  }

  /** Forgets everything secret about a connection. */
  forgetAll(connectionId: string): void {
    this.forgetTokens(connectionId);
    this.clientSecrets.delete(connectionId);
    this.sealed.remove(clientSecretKey(connectionId));
  }

  dispose(): void {
    this.stopWatching();
    this.memory.clear();
    this.clientSecrets.clear();
  }

  /**
   * A sealed blob read while nothing may be kept on disk (`basic_text` without weaker storage allowed) was written
   * when weaker storage was allowed — before a machine policy withdrew it, or in a store changed behind the app's
   * back: it is kept in memory for this session and taken off the disk at once, as switching weaker storage off does.
   */
  private dropWeakCopy(key: string): void {
    if (this.persistent()) return;
    this.sealed.remove(key);
    this.logger.info('A weakly stored secret was taken off the disk: weaker storage is not allowed');
  }

  /** After the user changed `allowWeakStorage`: write what is in memory, or take it off the disk. */
  private async applyStoragePolicy(): Promise<void> {
    const persistent = this.persistent();
    try {
      for (const [id, tokens] of this.memory) {
        if (persistent) await this.sealed.write(tokensKey(id), tokens);
        else this.sealed.remove(tokensKey(id));
      }
      for (const [id, secret] of this.clientSecrets) {
        if (persistent) await this.sealed.write(clientSecretKey(id), secret);
        else this.sealed.remove(clientSecretKey(id));
      }
      await this.pendingRevokes.applyStoragePolicy();
    } catch (error) {
      this.logger.warn('Could not apply the storage setting to saved sign-ins', { error: error instanceof Error ? error.name : 'unknown' });
    }
  }
}

function isStoredTokens(value: unknown): value is StoredTokens {
  if (!value || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return typeof record.accessToken === 'string' && typeof record.refreshToken === 'string' && typeof record.instanceUrl === 'string';
}
