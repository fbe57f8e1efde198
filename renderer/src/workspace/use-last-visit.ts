import { useEffect, useRef, useState } from 'react';
import type { Settings } from '../../../electron/contract';

/**
 * "Since my last visit": how far the user has seen this connection's invoices, kept in Settings per connection.
 * A visit reaches as far as the copy on screen — the moment it was synced (`seenUpTo`), not the moment the user left:
 * what Salesforce changed after that sync was not seen yet, even if the user stayed an hour (offline, or before the
 * next refresh), and "Changed since" must still show it. Returns the value from before this visit, read once when the
 * workspace opens (what "Changed since…" starts from). Written when the copy on screen changes and when the user
 * leaves (switches to another org, closes or reloads the window, or puts it out of sight); if a write is lost, the
 * last visit is an earlier one, so "Changed since" shows a little more, never less.
 */
export function useLastVisit(connectionId: string, seenUpTo: string | null, saved: Settings['lastVisits'], save: (patch: Partial<Settings>) => void): string | null {
  const [previous] = useState(() => saved?.[connectionId] ?? null);
  const latest = useRef({ saved, save, seenUpTo });
  useEffect(() => {
    latest.current = { saved, save, seenUpTo };
  });
  useEffect(() => {
    const record = () => {
      const { saved: now, save: write, seenUpTo: seen } = latest.current;
      // No copy yet: nothing was seen.
      if (seen && now?.[connectionId] !== seen) write({ lastVisits: { ...now, [connectionId]: seen } });
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') record();
    };
    record();
    window.addEventListener('pagehide', record);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', record);
      document.removeEventListener('visibilitychange', onVisibility);
      record();
    };
  }, [connectionId, seenUpTo]);
  return previous;
}
