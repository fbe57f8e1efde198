import { useEffect, useRef } from 'react';
import type { Connection } from '../../../electron/contract';
import type { SyncState } from '../api/use-invoices';

/**
 * When the workspace syncs by itself: once when a connected org is opened and its cached invoices are all on
 * screen (the first time in full, later only what changed; all of them, since the sync's reload would restart
 * their loading), and when the connection is signed in again (an earlier "reconnect needed" failure no longer
 * applies, and the data is refreshed).
 */
export function useWorkspaceSync(status: Connection['status'], listReady: boolean, { clearError, start }: Pick<SyncState, 'clearError' | 'start'>) {
  const previousStatus = useRef(status);
  useEffect(() => {
    if (status === 'connected' && previousStatus.current !== 'connected') {
      clearError();
      start();
    }
    previousStatus.current = status;
  }, [status, clearError, start]);

  const autoSynced = useRef(false);
  const canSync = status === 'connected';
  useEffect(() => {
    if (!autoSynced.current && listReady && canSync) {
      autoSynced.current = true;
      start();
    }
  }, [listReady, canSync, start]);
}
