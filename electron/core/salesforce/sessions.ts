import type { SalesforceConnection as JsforceConnection } from './jsforce-adapter';
import type { AppErrorValue, Connection } from '../../contract';

/**
 * What the invoices module needs from the connections module (implemented there).
 * The invoices module never sees a token: it gets a jsforce Connection whose refresh is owned by
 * the connections module (single-flight, capped, rotated refresh token persisted before use).
 */
export interface SalesforceSessions {
  /**
   * An authenticated jsforce Connection pinned to `apiVersion` (e.g. '62.0').
   * Throws AppError NOT_FOUND (unknown id), NOT_CONNECTED, RECONNECT_REQUIRED, NETWORK.
   */
  open(connectionId: string, apiVersion: string): Promise<JsforceConnection>;
}

export interface ConnectionDirectory {
  get(connectionId: string): Connection | undefined;
  /** Record the outcome of a sync on the connection (shown in the switcher); pushes connections.changed. */
  recordSync(connectionId: string, outcome: { at?: string; error?: AppErrorValue | null }): void;
  /** Called after a connection was disconnected or removed: its offline copy must go. */
  onForget(listener: (connectionId: string) => Promise<void> | void): () => void;
}
