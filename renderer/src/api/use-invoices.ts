import { useCallback, useEffect, useRef, useState } from 'react';
import type { InvoiceList, InvoiceRow, SyncProgress } from '../../../electron/contract';
import { budgetly } from '../bridge';
import { errorOf, unwrap, type BridgeError } from './result';
import { useBridgeEvent } from './use-event';

/** Rows in the first window: a screen or two, painted before anything else crosses. */
export const FIRST_WINDOW = 500;
/** Rows per later window: large enough to be few calls, small enough that the page stays responsive between them. */
export const NEXT_WINDOW = 10_000;

export interface InvoiceListState {
  /** What to show: the last complete list or, during the first load, its first window (the top of the default order). */
  list: InvoiceList | null;
  /** False while `list` holds only the first rows of the first load: totals, counts, search, filters, sort and export must wait. */
  complete: boolean;
  /** The first load's progress while it is incomplete. */
  progress: { loaded: number; total: number } | null;
  error: BridgeError | null;
  loading: boolean;
  /** After an error: continues where the load stopped (from the start if the copy changed meanwhile). */
  retry: () => void;
}

interface Pull {
  version: string;
  first: InvoiceList;
  chunks: InvoiceRow[][];
  loaded: number;
}

const rowsOf = (pull: Pull): InvoiceRow[] => (pull.chunks.length === 1 ? pull.chunks[0]! : ([] as InvoiceRow[]).concat(...pull.chunks));

/** Resolves after the next paint (or soon, if the window is hidden and paints nothing). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 200);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The cached invoices of one connection, in the default display order, loaded in windows: the first
 * screen of rows is shown as soon as it arrives; the rest follows in large windows, yielding to the
 * page between them (only the progress is shown), and the list switches to all of them at once. When the core says they changed (a sync), the first window is asked again: the
 * same version (the sync changed nothing) keeps what is loaded or shown; a new one starts the loading
 * over, so windows of two different copies are never put together. A reload keeps the complete list
 * on screen until the new one is complete.
 */
export function useInvoiceList(connectionId: string): InvoiceListState {
  const [state, setState] = useState<Omit<InvoiceListState, 'retry'> & { for: string }>({
    for: connectionId,
    list: null,
    complete: false,
    progress: null,
    error: null,
    loading: true,
  });
  const generation = useRef(0);
  /** The load in progress (null when none), what a failed one had (for retry), and the complete list on screen. */
  const live = useRef<Pull | null>(null);
  const stopped = useRef<Pull | null>(null);
  const shown = useRef<InvoiceList | null>(null);

  const pull = useCallback(
    async (resume: Pull | null, recheck: boolean): Promise<void> => {
      const run = ++generation.current;
      const stale = () => generation.current !== run;
      const ask = (offset: number, limit: number) => unwrap(budgetly().invoices.list({ connectionId, offset, limit }));
      stopped.current = null;
      setState((s) => ({ ...s, loading: true, error: null }));
      let current = resume;
      try {
        if (!current || recheck) {
          const first = await ask(0, FIRST_WINDOW);
          if (stale()) return;
          const complete = shown.current;
          if (!current && complete && complete.version === first.version && complete.invoices.length === first.total) {
            // Nothing changed: the same rows stay (nothing is prepared again), with the new sync time and warnings.
            const list = { ...first, invoices: complete.invoices };
            shown.current = list;
            setState((s) => ({ ...s, list, complete: true, progress: null, error: null, loading: false }));
            return;
          }
          if (current && current.version === first.version) current.first = first;
          else current = { version: first.version, first, chunks: [first.invoices], loaded: first.invoices.length };
        }
        live.current = current;
        for (let painted = false; current.loaded < current.first.total; ) {
          const partial = current;
          setState((s) => {
            // Only the first load (or the first sync's, over an empty list) shows rows before they are all there; a reload keeps the complete list.
            if (s.complete && s.list && s.list.invoices.length > 0) return s;
            const progress = { loaded: partial.loaded, total: partial.first.total };
            // The grid gets the first window, then everything at once: giving it the rows of every window
            // rebuilt its row model each time, which cost the page more than the windows' crossing.
            if (!s.complete && s.list?.version === partial.version) return { ...s, progress };
            return { ...s, list: { ...partial.first, invoices: rowsOf(partial) }, complete: false, progress };
          });
          await (painted ? nextTask() : afterPaint());
          painted = true;
          if (stale()) return;
          const next = await ask(current.loaded, NEXT_WINDOW);
          if (stale()) return;
          // A sync replaced the copy between two windows (or it shrank): start over, never mix two copies.
          if (next.version !== current.version || next.invoices.length === 0) return void pull(null, false);
          current.chunks.push(next.invoices);
          current.loaded += next.invoices.length;
        }
        const list = { ...current.first, invoices: rowsOf(current) };
        live.current = null;
        shown.current = list;
        setState((s) => ({ ...s, list, complete: true, progress: null, error: null, loading: false }));
      } catch (e) {
        if (stale()) return;
        live.current = null;
        stopped.current = current;
        setState((s) => ({ ...s, for: connectionId, error: errorOf(e), loading: false }));
      }
    },
    [connectionId],
  );
  const retry = useCallback(() => void pull(stopped.current, false), [pull]);
  useEffect(() => {
    void pull(null, false);
    // A counter, not a DOM node: the cleanup makes every pull still running stale.
    const pulls = generation;
    return () => void pulls.current++;
  }, [pull]);
  useBridgeEvent('invoices.changed', (payload) => {
    if (payload.connectionId === connectionId) void pull(live.current, true);
  });
  if (state.for !== connectionId) return { list: null, complete: false, progress: null, error: null, loading: true, retry };
  return { list: state.list, complete: state.complete, progress: state.progress, error: state.error, loading: state.loading, retry };
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
