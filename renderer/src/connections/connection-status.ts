import type { Connection } from '../../../electron/contract';

export type ShownStatus = 'connected' | 'reconnect-needed' | 'offline' | 'disconnected';

/** What the user is told about a connection: offline is a connected org whose last call hit the network. */
export function shownStatus(connection: Connection): ShownStatus {
  if (connection.status === 'reconnect-needed') return 'reconnect-needed';
  if (connection.status === 'disconnected') return 'disconnected';
  return connection.lastError?.code === 'NETWORK' ? 'offline' : 'connected';
}

export const statusLabels: Record<ShownStatus, string> = {
  connected: 'Connected',
  'reconnect-needed': 'Reconnect needed',
  offline: 'Offline',
  disconnected: 'Signed out',
};
