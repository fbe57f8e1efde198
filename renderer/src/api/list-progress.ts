import { useSyncExternalStore } from 'react';
import type { InvoiceList } from '../../../electron/contract';
import type { InvoiceListSnapshot } from './invoice-list-loader';

type Progress = NonNullable<InvoiceListSnapshot['progress']>;

/** What the loader said last of its first load: the list it shows and how far the load is. */
interface LatestProgress {
  list: InvoiceList | null;
  progress: Progress | null;
}

/**
 * The first load's progress, told apart from the rest of what the list's state holds (issue #19). While the first load
 * runs, the list shown stays its first window; a later window's arrival changes only how many invoices are loaded. Said
 * through the list's state, each window rendered the whole workspace (page30's and render19's traces at 100,000: a
 * render of every part of the workspace and its effects a window, ~5 ms of the page's CPU each, beside the window's
 * decode) though only the row count shows that number. The feed holds it for what shows it (`useLoadProgress`).
 */
export interface LoadProgressFeed {
  get(): LatestProgress | null;
  set(latest: LatestProgress): void;
  subscribe(listener: () => void): () => void;
}

export function createLoadProgressFeed(): LoadProgressFeed {
  let latest: LatestProgress | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => latest,
    set(next) {
      latest = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Whether `next` differs from `shown` only in how many invoices the load has (the same list, the same total, the same
 * state otherwise): then the list's state is not rendered again, only what reads the feed.
 */
function onlyLoadedMoved(shown: InvoiceListSnapshot, next: InvoiceListSnapshot): boolean {
  return (
    shown.progress !== null &&
    next.progress !== null &&
    shown.progress.total === next.progress.total &&
    shown.list === next.list &&
    shown.complete === next.complete &&
    shown.error === next.error &&
    shown.loading === next.loading
  );
}

/**
 * The loader's `onChange` for a list's state (use-invoices.ts): a change that is only a window's count goes to the feed;
 * any other to `render` (the state every part of the workspace reads) as it did — the complete list's render stays a
 * task of its own after the loader's. `shown`: what the loader starts from, what that state already shows.
 */
export function progressApart(feed: LoadProgressFeed, shown: InvoiceListSnapshot, render: (snapshot: InvoiceListSnapshot) => void): (snapshot: InvoiceListSnapshot) => void {
  let rendered = shown;
  return (snapshot) => {
    if (onlyLoadedMoved(rendered, snapshot)) return feed.set({ list: snapshot.list, progress: snapshot.progress });
    rendered = snapshot;
    render(snapshot);
  };
}

const noFeed = () => () => undefined;
const nothing = () => null;

/**
 * The first load's progress as of the last window in: the feed's, when it speaks of the list `state` shows; else the
 * state's own (a state without a feed — All connections' combined one —, or one rendered since: a new load, its end).
 */
export function useLoadProgress(state: { list: InvoiceList | null; progress: Progress | null; progressFeed?: LoadProgressFeed }): Progress | null {
  const { progressFeed: feed } = state;
  const latest = useSyncExternalStore(feed ? feed.subscribe : noFeed, feed ? feed.get : nothing);
  return state.progress && latest?.progress && latest.list === state.list ? latest.progress : state.progress;
}
