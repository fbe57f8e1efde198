import type { AppErrorValue, ConnectionStatus } from '../../../../electron/contract';
import type { SessionSource, SessionTokens } from '../../../../electron/core/salesforce/session-manager';

/** The connections module's side of the SessionManager (connection `c1`), in memory, recording what it was asked to do. */
export class MemorySource implements SessionSource {
  status: ConnectionStatus = 'connected';
  saved: SessionTokens[] = [];
  reconnectErrors: AppErrorValue[] = [];
  /** Runs inside saveTokens, before it returns (to observe ordering). */
  onSave: (tokens: SessionTokens) => Promise<void> = async () => undefined;

  constructor(
    public loginUrl: string,
    public tokens: SessionTokens | undefined,
  ) {}

  async target(id: string) {
    return id === 'c1' ? { status: this.status, loginUrl: this.loginUrl, clientId: 'budgetly-demo' } : undefined;
  }
  async loadTokens() {
    return this.tokens;
  }
  async saveTokens(_id: string, tokens: SessionTokens) {
    await this.onSave(tokens);
    this.tokens = tokens;
    this.saved.push(tokens);
  }
  markReconnectNeeded(_id: string, error: AppErrorValue) {
    this.status = 'reconnect-needed';
    this.tokens = undefined;
    this.reconnectErrors.push(error);
  }
}
