import { memo, useEffect, useMemo } from 'react';
import type { Connection, InvoiceList, InvoiceListRow } from '../../../electron/contract';
import type { BridgeError } from '../api/result';
import { useBalancesAsOf } from '../api/use-balances-as-of';
import { useInvoiceList, useSync, type SyncState } from '../api/use-invoices';
import { rowsAsOf } from '../invoices/as-of';
import { useWorkspaceSync } from '../workspace/use-workspace-sync';

/** What one connection gives the combined view: its list (as of the aging date), its load and its sync. */
export interface OrgFeedState {
  connectionId: string;
  list: InvoiceList | null;
  /** The list's rows with their balances as of the aging date (when one is chosen). */
  rows: InvoiceListRow[] | undefined;
  complete: boolean;
  /** The first load's progress while it is incomplete. */
  progress: { loaded: number; total: number } | null;
  loadError: BridgeError | null;
  syncing: boolean;
  syncError: BridgeError | null;
}

export interface OrgControls extends Pick<SyncState, 'start' | 'clearError'> {
  retry: () => void;
}

interface Props {
  connection: Connection;
  asOf: string;
  cutOff: boolean;
  onState: (state: OrgFeedState) => void;
  /** This org's controls (sync, retry its list's load), kept by the combined view for Sync all, the banners and a failed load. */
  onControls: (connectionId: string, controls: OrgControls) => void;
}

/**
 * One connection's part of "All connections", rendering nothing: its own invoice list (own loader, own reload on
 * its `invoices.changed`), its own sync (once when opened, again when signed in again) and its balances as of the
 * aging date — exactly what the one-org workspace does for it. One per connection, so hooks stay per org.
 * Memoized (its props are stable while the view's filters change): a keystroke in the search box leaves it.
 */
export const OrgFeed = memo(function OrgFeed({ connection, asOf, cutOff, onState, onControls }: Props) {
  const { list, complete, progress, error, retry } = useInvoiceList(connection.id);
  const sync = useSync(connection.id);
  useWorkspaceSync(connection.status, list !== null && complete, sync);
  const balances = useBalancesAsOf(connection.id, asOf, cutOff && list && complete ? list.version : null);
  const invoices = list?.invoices;
  const rows = useMemo(() => rowsAsOf(invoices, cutOff ? balances?.balances : undefined, cutOff ? balances?.figures : undefined), [invoices, cutOff, balances]);
  const { start, clearError } = sync;
  useEffect(() => onControls(connection.id, { start, clearError, retry }), [connection.id, start, clearError, retry, onControls]);
  useEffect(
    () => onState({ connectionId: connection.id, list, rows, complete, progress, loadError: error, syncing: sync.running, syncError: sync.error }),
    [connection.id, list, rows, complete, progress, error, sync.running, sync.error, onState],
  );
  return null;
});
