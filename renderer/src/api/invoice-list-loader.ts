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

/**
 * A window as it arrived, its rows not made yet: a window that crossed as columns is decoded when the loader takes it —
 * while the next window is on its way (see `createInvoiceListLoader`). `rows` throws what the decode throws.
 */
export type ArrivedWindow = Omit<InvoiceList, 'invoices'> & { count: number; rows: () => InvoiceListRow[] };

export interface InvoiceListLoaderOptions {
  /** One window of the list in the default order (`invoices.list`, or columns to decode: ArrivedWindow); rejects when the call fails. */
  fetchWindow: (offset: number, limit: number) => Promise<InvoiceList | ArrivedWindow>;
  /** Every change of what to show. */
  onChange: (snapshot: InvoiceListSnapshot) => void;
  /** Resolves once the page painted the first window (the first yield of a load). */
  afterPaint: () => Promise<void>;
  /**
   * What the workspace already shows when the loader starts — its first window, asked as the page started
   * (early-first-window.ts) — else nothing (LOADING). The load goes on from it: the rows on screen are never replaced
   * by "no list" while the same window is asked again.
   */
  initial?: InvoiceListSnapshot;
  /**
   * Work on each window's rows made while the next window crosses, joined once every window is in, before the complete
   * list is shown (the workspace's: workspace/list-parts.ts — what its first complete render needs of every row). One per load.
   */
  windowParts?: () => WindowParts;
}

/** See `InvoiceListLoaderOptions.windowParts`. */
export interface WindowParts {
  add(rows: readonly InvoiceListRow[]): void;
  join(rows: readonly InvoiceListRow[]): boolean;
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
  /** The window parts of this load, and how many of `chunks` they have (in order). */
  parts: WindowParts | null;
  parted: number;
}

const rowsOf = (pull: Pull): InvoiceListRow[] => (pull.chunks.length === 1 ? pull.chunks[0]! : ([] as InvoiceListRow[]).concat(...pull.chunks));
const countOf = (window: InvoiceList | ArrivedWindow): number => ('invoices' in window ? window.invoices.length : window.count);
const takeRows = (window: InvoiceList | ArrivedWindow): InvoiceListRow[] => ('invoices' in window ? window.invoices : window.rows());
/** A window with its rows (the first window of a load is shown as it is). */
function listOf(window: InvoiceList | ArrivedWindow): InvoiceList {
  if ('invoices' in window) return window;
  const { count: _count, rows, ...list } = window;
  return { ...list, invoices: rows() };
}

/**
 * The cached invoices of one connection, in the default display order, loaded in windows: the first
 * screen of rows is shown as soon as it arrives; the rest follows in large windows (only the progress is shown), and
 * the list switches to all of them at once. Each later window is asked as soon as the one before has arrived, and the
 * one before is decoded and the progress rendered while it is on its way: the page's work per window (the decode was
 * ~10 ms of the page's main thread per 10,000 rows, the progress's render ~1 ms) then overlaps the core's (25–50 ms a
 * window), where it used to come between them (load27's CPU profile of the 1M load: the page idle ~60 % of it). When the
 * core says they changed (a sync), the first window is asked again: the same version (the sync changed
 * nothing) keeps what is loaded or shown; a new one starts the loading over, so windows of two different
 * copies are never put together. A reload keeps the complete list on screen until the new one is complete.
 * Each load has a generation: an answer to an older load (out of order, or after `dispose`) is dropped.
 */
export function createInvoiceListLoader({ fetchWindow, onChange, afterPaint, initial, windowParts }: InvoiceListLoaderOptions): InvoiceListLoader {
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
  /** While the first load runs: its first window, then only the progress (`arrived`: rows here, decoded or not; see below). */
  const showPartial = (partial: Pull, arrived: number) => {
    // Only the first load (or the first sync's, over an empty list) shows rows before they are all there; a reload keeps the complete list.
    if (state.complete && state.list && state.list.invoices.length > 0) return;
    const progress = { loaded: arrived, total: partial.first.total };
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
        const first = listOf(await fetchWindow(0, FIRST_WINDOW));
        if (stale()) return;
        if (!current && shown && shown.version === first.version && shown.invoices.length === first.total) {
          // Nothing changed: the same rows stay (nothing is prepared again), with the new sync time and warnings.
          return showComplete({ ...first, invoices: shown.invoices });
        }
        if (current && current.version === first.version) current.first = first;
        else current = { version: first.version, first, chunks: [first.invoices], loaded: first.invoices.length, parts: windowParts?.() ?? null, parted: 0 };
      }
      live = current;
      const pulling = current;
      // The window that arrived last, its rows not taken yet: they are taken (decoded) while the next window crosses.
      let held: ArrivedWindow | InvoiceList | null = null;
      const take = () => {
        if (!held) return;
        const rows = takeRows(held);
        held = null;
        pulling.chunks.push(rows);
        pulling.loaded += rows.length;
        addParts(pulling);
      };
      if (current.loaded < current.first.total) {
        // The first later window is asked once the first rows are painted (the core's start-up read waits for that ask).
        showPartial(current, current.loaded);
        await afterPaint();
        if (stale()) return;
      }
      while (current.loaded + (held ? countOf(held) : 0) < current.first.total) {
        const asking = fetchWindow(current.loaded + (held ? countOf(held) : 0), NEXT_WINDOW);
        // A window that cannot be read fails the load below, while this one is still on its way: its failure is then nobody's.
        asking.catch(() => undefined);
        take();
        const next = await asking;
        if (stale()) return;
        // A sync replaced the copy between two windows (or it shrank): start over, never mix two copies.
        if (next.version !== current.version || countOf(next) === 0) return void pull(null, false);
        held = next;
        showPartial(current, current.loaded + countOf(next));
      }
      take();
      live = null;
      const invoices = rowsOf(current);
      addParts(current);
      current.parts?.join(invoices);
      showComplete({ ...current.first, invoices });
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

/** The window parts of the chunks not in them yet (the first window's with the second's, while the third crosses). */
function addParts(pull: Pull): void {
  if (!pull.parts) return;
  while (pull.parted < pull.chunks.length) pull.parts.add(pull.chunks[pull.parted++]!);
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
