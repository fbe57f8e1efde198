import type { AppErrorValue } from '../../contract';
import type { SessionSource, SessionTokens } from '../salesforce/session-manager';
import type { TokenVault } from '../secrets/token-vault';
import { reconnectRequiredValue } from '../salesforce/reconnect-required';
import type { ConnectionRecords } from './connection-records';

/**
 * What the session manager reads and writes about a connection: its OAuth client settings,
 * its tokens (through the vault) and, when Salesforce refuses the refresh token, its status.
 */
export function createSessionSource(
  records: ConnectionRecords,
  vault: TokenVault,
  onReconnectNeeded: (connectionId: string, error: AppErrorValue) => void,
): SessionSource {
  return {
    async target(connectionId) {
      const record = records.get(connectionId);
      if (!record) return undefined;
      const clientSecret = record.hasClientSecret ? await vault.loadClientSecret(connectionId) : undefined;
      return {
        status: record.status,
        loginUrl: record.loginUrl,
        clientId: record.clientId,
        ...(clientSecret !== undefined ? { clientSecret } : {}),
      };
    },
    async loadTokens(connectionId) {
      const load = await vault.load(connectionId);
      if (load.kind === 'found') return load.tokens;
      onReconnectNeeded(connectionId, reconnectRequiredValue(load.kind === 'unreadable' ? 'savedUnreadable' : 'notSignedIn'));
      return undefined;
    },
    async saveTokens(connectionId, tokens: SessionTokens) {
      await vault.save(connectionId, tokens);
    },
    markReconnectNeeded(connectionId, error) {
      vault.forgetTokens(connectionId);
      onReconnectNeeded(connectionId, error);
    },
  };
}
