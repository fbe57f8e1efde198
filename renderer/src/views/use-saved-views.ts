import { useCallback, useEffect, useState } from 'react';
import type { ChannelInput, SavedViewList, ViewState } from '../../../electron/contract';
import { arrivedEarlyViews, takeEarlyViews } from '../api/early-first-window';
import { errorOf, unwrap } from '../api/result';
import { budgetly } from '../bridge';

type Update = Omit<ChannelInput<'views.update'>, 'connectionId'>;

/** What the last Export or Import did, for the menu's status line. */
export type ViewsOutcome = { kind: 'exported'; count: number; path: string } | { kind: 'imported'; names: string[] } | { kind: 'failed'; message: string };

/** A connection's saved views from the core, and the calls that change them (each answers the new list). */
export function useSavedViews(connectionId: string) {
  // Asked as the page started (early-first-window.ts) and already here: the first render knows the default view.
  const [list, setList] = useState<SavedViewList | null>(() => arrivedEarlyViews(connectionId));
  const [outcome, setOutcome] = useState<ViewsOutcome | null>(null);
  useEffect(() => {
    let live = true;
    (takeEarlyViews(connectionId) ?? unwrap(budgetly().views.list({ connectionId }))).then(
      (next) => live && setList(next),
      (e: unknown) => live && setOutcome({ kind: 'failed', message: errorOf(e).message }),
    );
    return () => {
      live = false;
    };
  }, [connectionId]);

  /** Runs a call that answers the new list; its failure is said in the status line (and rethrown for a dialog to keep open). */
  const run = useCallback(async (call: () => Promise<SavedViewList>) => {
    try {
      const next = await call();
      setList(next);
      return next;
    } catch (e) {
      setOutcome({ kind: 'failed', message: errorOf(e).message });
      throw e;
    }
  }, []);

  const api = budgetly().views;
  return {
    list,
    outcome,
    clearOutcome: () => setOutcome(null),
    save: (name: string, state: ViewState) => run(() => unwrap(api.save({ connectionId, name, state }))),
    update: (change: Update) => run(() => unwrap(api.update({ connectionId, ...change }))),
    remove: (id: string) => run(() => unwrap(api.delete({ connectionId, id }))),
    exportAll: async () => {
      try {
        const result = await unwrap(api.export({ connectionId }));
        setOutcome(result.path === null ? null : { kind: 'exported', count: result.count, path: result.path });
      } catch (e) {
        setOutcome({ kind: 'failed', message: errorOf(e).message });
      }
    },
    importFile: async () => {
      try {
        const result = await unwrap(api.import({ connectionId }));
        setList(result.list);
        setOutcome(result.path === null ? null : { kind: 'imported', names: result.imported });
      } catch (e) {
        setOutcome({ kind: 'failed', message: errorOf(e).message });
      }
    },
  };
}

export type SavedViews = ReturnType<typeof useSavedViews>;
