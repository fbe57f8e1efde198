import { useCallback, useEffect, useInsertionEffect, useRef } from 'react';
import { useStableHandler } from '../lib/use-stable-handler';

/**
 * `read` (what an export or "Statements…" takes of the view) of the rows the controls say. Above use-invoice-view's
 * SYNC_FILTER_ROWS the rows follow the search box and filters in a deferred render (`behind` until they caught up): an
 * export asked in between wrote the previous view's rows under the words of the search typed (review29: 1,000,001
 * invoices, "schm" typed and Export CSV clicked in the same task wrote all 1,000,001 rows instead of the 12,088 found).
 * The returned function runs the latest render's `read` at once when the rows are current, else right after the render in
 * which they caught up (as useOpenFirst does for Enter). Below the line the rows are never behind: nothing changes.
 */
export function useWhenCurrent<T>(behind: boolean, read: () => T): () => Promise<T> {
  const latest = useStableHandler(read);
  const behindNow = useRef(behind);
  const waiting = useRef<(() => void)[]>([]);
  // Before any event after this commit can ask (the same moment useStableHandler takes the latest `read`).
  useInsertionEffect(() => {
    behindNow.current = behind;
  });
  useEffect(() => {
    if (behind) return;
    const ready = waiting.current;
    waiting.current = [];
    for (const run of ready) run();
  }, [behind]);
  return useCallback(
    () =>
      new Promise<T>((resolve, reject) => {
        const run = () => {
          try {
            resolve(latest());
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        };
        if (behindNow.current) waiting.current.push(run);
        else run();
      }),
    [latest],
  );
}
