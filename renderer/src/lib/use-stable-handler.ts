import { useCallback, useInsertionEffect, useRef } from 'react';

/**
 * An event handler of one identity for the component's life that always runs the latest render's function: a memoized
 * child given it does not render again only because its parent did (a keystroke in the search box re-renders the
 * workspace, not its top bar). For handlers called after a render (events, effects), never during one: a render
 * would see the previous render's function.
 */
export function useStableHandler<A extends unknown[], R>(handler: (...args: A) => R): (...args: A) => R {
  const latest = useRef(handler);
  // Before any layout effect of the children can call it.
  useInsertionEffect(() => {
    latest.current = handler;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
