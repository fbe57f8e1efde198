import type { Connection, SecretProtection } from '../../../electron/contract';
import type { BridgeError } from '../api/result';
import { shownStatus } from '../connections/connection-status';
import { formatInstant } from '../lib/relative-time';

interface Props {
  connection: Connection;
  syncError: BridgeError | null;
  secretProtection: SecretProtection | null;
  allowWeakStorage: boolean;
  lastSyncedAt: string | null;
  hasCache: boolean;
  locale: string | undefined;
  onReconnect: () => void;
  onRetrySync: () => void;
  onOpenSettings: () => void;
}

/** Reconnect, offline, weak storage and sync failures: each said once, with the one action that helps. */
export function Banners(props: Props) {
  const { connection, syncError, secretProtection, lastSyncedAt, hasCache, locale } = props;
  const status = shownStatus(connection);
  const reconnect = status === 'reconnect-needed' || status === 'disconnected' || syncError?.code === 'RECONNECT_REQUIRED' || syncError?.code === 'NOT_CONNECTED';
  const offline = !reconnect && (status === 'offline' || syncError?.code === 'NETWORK');
  const otherError = !reconnect && !offline && syncError && syncError.code !== 'CANCELLED' ? syncError : null;
  const cached = hasCache
    ? lastSyncedAt
      ? ` Your invoices from ${formatInstant(lastSyncedAt, locale)} are still here.`
      : ' Your cached invoices are still here.'
    : '';
  return (
    <div className="banners">
      {reconnect && (
        <div className="banner banner-warning" role="alert" data-testid="banner-reconnect">
          <span>
            {status !== 'disconnected'
              ? `Salesforce ended the session for ${connection.label}: please sign in again.`
              : connection.lastError?.code === 'NETWORK'
                ? connection.lastError.message // signed out while offline: Salesforce is told later
                : `You are signed out of ${connection.label}.`}
            {cached}
          </span>
          <button type="button" className="primary" onClick={props.onReconnect} data-testid="reconnect-button">
            Reconnect
          </button>
        </div>
      )}
      {offline && (
        <div className="banner banner-info" role="status" data-testid="banner-offline">
          <span>You are offline: Salesforce cannot be reached.{cached}</span>
          <button type="button" onClick={props.onRetrySync}>
            Try again
          </button>
        </div>
      )}
      {otherError && (
        <div className="banner banner-error" role="alert" data-testid="banner-error" data-code={otherError.code}>
          <span>Sync failed: {otherError.message}</span>
          <button type="button" onClick={props.onRetrySync}>
            Try again
          </button>
        </div>
      )}
      {secretProtection && secretProtection !== 'os' && (
        <div className="banner banner-warning" role="status" data-testid="banner-weak-storage">
          <span>
            {props.allowWeakStorage
              ? 'This computer has no system keyring: your Salesforce sign-in is stored with weaker protection, as you allowed in Settings.'
              : 'This computer has no system keyring, so your Salesforce sign-in is kept only until you quit Budgetly.'}
          </span>
          <button type="button" onClick={props.onOpenSettings}>
            Settings
          </button>
        </div>
      )}
    </div>
  );
}
