import type { SalesforceConnection as JsforceConnection } from './salesforce/jsforce-adapter';
import type { AppErrorValue, Connection, SyncResult } from '../contract';

/**
 * What core modules offer each other, as interfaces: the module that implements one never imports
 * the module that uses it, and `create-core.ts` wires them (no import cycle between modules).
 */

/**
 * Authenticated Salesforce access per connection (implemented by the connections module).
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

/** The saved connections as other modules see them (implemented by the connections module). */
export interface ConnectionDirectory {
  get(connectionId: string): Connection | undefined;
  /**
   * Record the outcome of a sync on the connection (shown in the switcher); pushes connections.changed. Saved to disk once
   * `savedAfter` (the sync's answer) has settled, when given.
   */
  recordSync(connectionId: string, outcome: { at?: string; error?: AppErrorValue | null; durationMs?: number; apiVersion?: string }, savedAfter?: Promise<unknown>): void;
  /** Called after a connection was disconnected or removed: its offline copy must go. */
  onForget(listener: (connectionId: string) => Promise<void> | void): () => void;
}

/**
 * Syncs as other core modules start them (the freshness scheduler), implemented by the invoices module:
 * the same one-per-connection coordinator as `invoices.sync`.
 */
export interface InvoiceSyncs {
  sync(connectionId: string, mode: 'full' | 'incremental'): Promise<SyncResult>;
  isRunning(connectionId: string): boolean;
}
