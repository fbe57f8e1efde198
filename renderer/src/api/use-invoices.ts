import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { InvoiceList, SyncProgress } from '../../../electron/contract';
import type { SharedStrings } from '../../../electron/contract/invoice-columns';
import { FIRST_LIST_WINDOW } from '../../../electron/contract/list-window';
import { budgetly } from '../bridge';
import { arrivedEarlyFirstWindow, takeEarlyFirstWindow } from './early-first-window';
import { listWindowRows } from './list-window-rows';
import { afterPaint, createInvoiceListLoader, LOADING, type ArrivedWindow, type InvoiceListLoader, type InvoiceListSnapshot, type WindowParts } from './invoice-list-loader';
import { errorOf, unwrap, type BridgeError } from './result';
import { useBridgeEvent } from './use-event';

export interface InvoiceListState extends InvoiceListSnapshot {
  /** After an error: continues where the load stopped (from the start if the copy changed meanwhile). */
  retry: () => void;
}

/**
 * The cached invoices of one connection, loaded in windows by the invoice list loader (invoice-list-loader.ts,
 * where the rules are) over `window.budgetly`, reloaded when the core says they changed. `windowParts`: work on each
 * window's rows while the next one crosses, joined before the complete list is shown (the loader's option; a module's
 * function, not one made per render).
 */
export function useInvoiceList(connectionId: string, windowParts?: () => WindowParts): InvoiceListState {
  // The first window already here (asked as the page started): the first render shows it, as the loader's first step would.
  const [first] = useState<{ for: string; snapshot: InvoiceListSnapshot }>(() => ({ for: connectionId, snapshot: firstSnapshot(connectionId) }));
  const [state, setState] = useState(first);
  const loader = useRef<InvoiceListLoader | null>(null);
  useEffect(() => {
    // The shared values (customers, dates …) of the windows of one load, one string each (invoice-columns.ts).
    let shared: SharedStrings = new Map();
    const current = createInvoiceListLoader({
      // …and the loader goes on from what that render showed (issue #19: it started from "no list", so the workspace
      // rendered an empty grid — "No invoices" — and then the same rows again, before the first rows were painted).
      initial: first.for === connectionId ? first.snapshot : undefined,
      // The first window may have been asked for as the page started (early-first-window.ts): taken once.
      fetchWindow: (offset, limit) => {
        // A load starts at the first window: the values of an earlier copy are not kept for it.
        if (offset === 0) shared = new Map();
        return (offset === 0 && limit === FIRST_LIST_WINDOW ? takeEarlyFirstWindow(connectionId) : null) ?? listWindow(connectionId, offset, limit, shared);
      },
      onChange: (snapshot) => setState({ for: connectionId, snapshot }),
      afterPaint,
      windowParts,
    });
    loader.current = current;
    current.start();
    return () => current.dispose();
  }, [connectionId, first, windowParts]);
  useBridgeEvent('invoices.changed', (payload) => {
    if (payload.connectionId === connectionId) loader.current?.changed();
  });
  const retry = useCallback(() => loader.current?.retry(), []);
  return { ...(state.for === connectionId ? state.snapshot : LOADING), retry };
}

/**
 * One window of the list: the first screen as rows (`invoices.list`, as the page's first call asks it), every later
 * window as columns (`invoices.listColumns`: a string table and typed arrays cross instead of thousands of objects, and
 * the rows made from them share each distinct string — issue #19's million), decoded when the loader takes its rows.
 */
async function listWindow(connectionId: string, offset: number, limit: number, shared: SharedStrings): Promise<InvoiceList | ArrivedWindow> {
  if (offset === 0) return unwrap(budgetly().invoices.list({ connectionId, offset, limit }));
  const { columns, ...rest } = await unwrap(budgetly().invoices.listColumns({ connectionId, offset, limit }));
  // Columns that do not fit together: the user's words on screen, the detail in the log (list-window-rows.ts).
  return { ...rest, count: columns.length, rows: () => listWindowRows(columns, undefined, shared) };
}

/** What the loader shows once the first window is in (invoice-list-loader.ts), if it already is; else loading. */
function firstSnapshot(connectionId: string): InvoiceListSnapshot {
  const first = arrivedEarlyFirstWindow(connectionId);
  if (!first || first.invoices.length >= first.total) return LOADING;
  return { ...LOADING, list: first, progress: { loaded: first.invoices.length, total: first.total } };
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
  // One object per change of its state: the memoized top bar and banners take it whole.
  return useMemo(() => ({ running, progress, error, start, cancel, clearError }), [running, progress, error, start, cancel, clearError]);
}
