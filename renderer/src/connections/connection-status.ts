import type { TFunction } from 'i18next';
import type { Connection } from '../../../electron/contract';

export type ShownStatus = 'connected' | 'reconnect-needed' | 'offline' | 'disconnected';

/** What the user is told about a connection: offline is a connected org whose last call hit the network. */
export function shownStatus(connection: Connection): ShownStatus {
  if (connection.status === 'reconnect-needed') return 'reconnect-needed';
  if (connection.status === 'disconnected') return 'disconnected';
  return connection.lastError?.code === 'NETWORK' ? 'offline' : 'connected';
}

/** The status as the switcher names it, in the user's language. */
export function statusLabel(t: TFunction<'connections'>, status: ShownStatus): string {
  return { connected: t('statusConnected'), 'reconnect-needed': t('statusReconnect'), offline: t('statusOffline'), disconnected: t('statusSignedOut') }[status];
}
