import { useCallback, useEffect, useRef, useState } from 'react';
import type { InvoiceList, SyncProgress } from '../../../electron/contract';
import { budgetly } from '../bridge';
import { errorOf, unwrap, type BridgeError } from './result';
import { useBridgeEvent } from './use-event';

/** The cached invoices of one connection; reloaded when the core says they changed. */
export function useInvoiceList(connectionId: string): { list: InvoiceList | null; error: BridgeError | null; loading: boolean } {
  const [state, setState] = useState<{ for: string; list: InvoiceList | null; error: BridgeError | null; loading: boolean }>({
    for: connectionId,
    list: null,
    error: null,
    loading: true,
  });
  const load = useCallback(() => {
    setState((s) => ({ ...s, loading: true }));
    unwrap(budgetly().invoices.list({ connectionId })).then(
      (list) => setState({ for: connectionId, list, error: null, loading: false }),
      (e: unknown) => setState((s) => ({ ...s, for: connectionId, error: errorOf(e), loading: false })),
    );
  }, [connectionId]);
  useEffect(load, [load]);
  useBridgeEvent('invoices.changed', (payload) => {
    if (payload.connectionId === connectionId) load();
  });
  if (state.for !== connectionId) return { list: null, error: null, loading: true };
  return { list: state.list, error: state.error, loading: state.loading };
}

export interface SyncState {
  running: boolean;
  progress: SyncProgress | null;
  error: BridgeError | null;
  start: () => void;
  cancel: () => void;
  /** Forgets the last failure (e.g. once the connection is signed in again). */
  clearError: () => void;
}

/** Sync of one connection: start, cancel, live progress and the last failure. */
export function useSync(connectionId: string): SyncState {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const [error, setError] = useState<BridgeError | null>(null);
  useBridgeEvent('invoices.syncProgress', (payload) => {
    if (payload.connectionId === connectionId) setProgress(payload);
  });
  const inFlight = useRef(false);
  const start = useCallback(() => {
    if (inFlight.current) return;
    inFlight.current = true;
    setRunning(true);
    setError(null);
    setProgress(null);
    unwrap(budgetly().invoices.sync({ connectionId }))
      .then(
        () => setError(null),
        (e: unknown) => setError(errorOf(e)),
      )
      .finally(() => {
        inFlight.current = false;
        setRunning(false);
      });
  }, [connectionId]);
  const cancel = useCallback(() => {
    void budgetly().invoices.cancelSync({ connectionId });
  }, [connectionId]);
  const clearError = useCallback(() => setError(null), []);
  return { running, progress, error, start, cancel, clearError };
}
