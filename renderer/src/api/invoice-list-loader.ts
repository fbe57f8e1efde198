import type { InvoiceList, InvoiceListRow } from '../../../electron/contract';
import { FIRST_LIST_WINDOW } from '../../../electron/contract/list-window';
import { errorOf, type BridgeError } from './result';

/** Rows in the first window: a screen or two, painted before anything else crosses (the core keeps as many beside each copy). */
const FIRST_WINDOW = FIRST_LIST_WINDOW;
/** Rows per later window: large enough to be few calls, small enough that the page stays responsive between them. */
const NEXT_WINDOW = 10_000;

/** What the workspace shows of one connection's invoice list. */
export interface InvoiceListSnapshot {
  /** What to show: the last complete list or, during the first load, its first window (the top of the default order). */
  list: InvoiceList | null;
  /** False while `list` holds only the first rows of the first load: totals, counts, search, filters, sort and export must wait. */
  complete: boolean;
  /** The first load's progress while it is incomplete. */
  progress: { loaded: number; total: number } | null;
  error: BridgeError | null;
  loading: boolean;
}

export const LOADING: InvoiceListSnapshot = { list: null, complete: false, progress: null, error: null, loading: true };

export interface InvoiceListLoaderOptions {
  /** One window of the list in the default order (`invoices.list`); rejects when the call fails. */
  fetchWindow: (offset: number, limit: number) => Promise<InvoiceList>;
  /** Every change of what to show. */
  onChange: (snapshot: InvoiceListSnapshot) => void;
  /** Resolves once the page painted the first window (the first yield of a load). */
  afterPaint: () => Promise<void>;
  /** Resolves once the page had a turn (between later windows). */
  nextTask: () => Promise<void>;
  /**
   * What the workspace already shows when the loader starts — its first window, asked as the page started
   * (early-first-window.ts) — else nothing (LOADING). The load goes on from it: the rows on screen are never replaced
   * by "no list" while the same window is asked again.
   */
  initial?: InvoiceListSnapshot;
}

export interface InvoiceListLoader {
  /** The first load. */
  start(): void;
  /** The core says the list changed (a sync): the first window is asked again (see `createInvoiceListLoader`). */
  changed(): void;
  /** After an error: continues where the load stopped (from the start if the copy changed meanwhile). */
  retry(): void;
  /** Every answer still on its way is ignored from now on. */
  dispose(): void;
}

/** A load in progress: the windows of one copy (one `version`) put together. */
interface Pull {
  version: string;
  first: InvoiceList;
  chunks: InvoiceListRow[][];
  loaded: number;
}

const rowsOf = (pull: Pull): InvoiceListRow[] => (pull.chunks.length === 1 ? pull.chunks[0]! : ([] as InvoiceListRow[]).concat(...pull.chunks));

/**
 * The cached invoices of one connection, in the default display order, loaded in windows: the first
 * screen of rows is shown as soon as it arrives; the rest follows in large windows, yielding to the
 * page between them (only the progress is shown), and the list switches to all of them at once. When the
 * core says they changed (a sync), the first window is asked again: the same version (the sync changed
 * nothing) keeps what is loaded or shown; a new one starts the loading over, so windows of two different
 * copies are never put together. A reload keeps the complete list on screen until the new one is complete.
 * Each load has a generation: an answer to an older load (out of order, or after `dispose`) is dropped.
 */
export function createInvoiceListLoader({ fetchWindow, onChange, afterPaint, nextTask, initial }: InvoiceListLoaderOptions): InvoiceListLoader {
  let state = initial ?? LOADING;
  let generation = 0;
  /** The load in progress (null when none), what a failed one had (for retry), and the complete list on screen. */
  let live: Pull | null = null;
  let stopped: Pull | null = null;
  let shown: InvoiceList | null = null;
  let disposed = false;

  /** A change of what to show, said only when something changed (each change renders the workspace again). */
  const set = (patch: Partial<InvoiceListSnapshot>) => {
    if (disposed) return;
    const next = { ...state, ...patch };
    if (sameSnapshot(state, next)) return;
    state = next;
    onChange(state);
  };
  const showComplete = (list: InvoiceList) => {
    shown = list;
    set({ list, complete: true, progress: null, error: null, loading: false });
  };
  /** While the first load runs: its first window, then only the progress (see below). */
  const showPartial = (partial: Pull) => {
    // Only the first load (or the first sync's, over an empty list) shows rows before they are all there; a reload keeps the complete list.
    if (state.complete && state.list && state.list.invoices.length > 0) return;
    const progress = { loaded: partial.loaded, total: partial.first.total };
    // The grid gets the first window, then everything at once: giving it the rows of every window
    // rebuilt its row model each time, which cost the page more than the windows' crossing.
    if (!state.complete && state.list?.version === partial.version) set({ progress });
    else set({ list: { ...partial.first, invoices: rowsOf(partial) }, complete: false, progress });
  };

  async function pull(resume: Pull | null, recheck: boolean): Promise<void> {
    const run = ++generation;
    const stale = () => generation !== run;
    stopped = null;
    set({ loading: true, error: null });
    let current = resume;
    try {
      if (!current || recheck) {
        const first = await fetchWindow(0, FIRST_WINDOW);
        if (stale()) return;
        if (!current && shown && shown.version === first.version && shown.invoices.length === first.total) {
          // Nothing changed: the same rows stay (nothing is prepared again), with the new sync time and warnings.
          return showComplete({ ...first, invoices: shown.invoices });
        }
        if (current && current.version === first.version) current.first = first;
        else current = { version: first.version, first, chunks: [first.invoices], loaded: first.invoices.length };
      }
      live = current;
      for (let painted = false; current.loaded < current.first.total; painted = true) {
        showPartial(current);
        await (painted ? nextTask() : afterPaint());
        if (stale()) return;
        const next = await fetchWindow(current.loaded, NEXT_WINDOW);
        if (stale()) return;
        // A sync replaced the copy between two windows (or it shrank): start over, never mix two copies.
        if (next.version !== current.version || next.invoices.length === 0) return void pull(null, false);
        current.chunks.push(next.invoices);
        current.loaded += next.invoices.length;
      }
      live = null;
      showComplete({ ...current.first, invoices: rowsOf(current) });
    } catch (e) {
      if (stale()) return;
      live = null;
      stopped = current;
      set({ error: errorOf(e), loading: false });
    }
  }

  return {
    start: () => void pull(null, false),
    changed: () => void pull(live, true),
    retry: () => void pull(stopped, false),
    dispose: () => {
      disposed = true;
      generation++;
    },
  };
}

function sameSnapshot(a: InvoiceListSnapshot, b: InvoiceListSnapshot): boolean {
  const sameProgress = a.progress === b.progress || (a.progress !== null && b.progress !== null && a.progress.loaded === b.progress.loaded && a.progress.total === b.progress.total);
  return a.list === b.list && a.complete === b.complete && a.error === b.error && a.loading === b.loading && sameProgress;
}

/** Resolves after the next paint (or soon, if the window is hidden and paints nothing). */
export function afterPaint(): Promise<void> {
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

export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
