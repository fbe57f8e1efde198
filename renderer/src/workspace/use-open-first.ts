import { useEffect, useRef } from 'react';
import { useStableHandler } from '../lib/use-stable-handler';

/**
 * Enter in the search box opens the first match (`open`) — of what was typed. Above use-invoice-view's SYNC_FILTER_ROWS
 * the rows follow the box in a deferred render (`pending` until they caught up): an Enter before then opened the first row
 * of the previous view, e.g. the list's top invoice instead of the one whose number was just pasted (review28: 1,000,001
 * invoices, Enter one task after the number, 3 of 3 wrong). Then the open waits for the rows of `search` as typed at
 * Enter; a search changed meanwhile drops it (the user went on: nothing opens that they did not ask for).
 */
export function useOpenFirst(search: string, pending: boolean, open: () => void): () => void {
  // The search as typed at an Enter that came while the rows were behind (null: none waits). No state: the rows catching
  // up is a render of its own (`pending` turns false), and this effect runs after it.
  const waiting = useRef<string | null>(null);
  const openNow = useStableHandler(open);
  useEffect(() => {
    if (waiting.current === null || (pending && waiting.current === search)) return;
    const asked = waiting.current === search;
    waiting.current = null;
    if (asked) openNow();
  }, [search, pending, openNow]);
  return () => {
    if (pending) waiting.current = search;
    else open();
  };
}
