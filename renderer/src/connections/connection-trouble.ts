import type { Connection } from '../../../electron/contract';
import type { BridgeError } from '../api/result';
import { shownStatus } from './connection-status';

/** What keeps a connection's invoices as last synced: a new sign-in is needed, or Salesforce cannot be reached. */
export type ConnectionTrouble = 'offline' | 'reconnect' | null;

/** From the connection's status and its last sync failure: the workspace's banners and the combined view's marked rows. */
export function connectionTrouble(connection: Connection, syncError: BridgeError | null): ConnectionTrouble {
  const status = shownStatus(connection);
  if (status === 'reconnect-needed' || status === 'disconnected' || syncError?.code === 'RECONNECT_REQUIRED' || syncError?.code === 'NOT_CONNECTED') return 'reconnect';
  if (status === 'offline' || syncError?.code === 'NETWORK') return 'offline';
  return null;
}
