import { useEffect, useRef, useState } from 'react';
import type { Settings } from '../../../electron/contract';

/**
 * "Since my last visit": when the user was last in this connection's workspace, kept in Settings per connection.
 * Returns the visit before this one, read once when the workspace opens (what "Changed since…" starts from). The
 * time is written when the workspace opens and again when the user leaves it (switches to another org, closes or
 * reloads the window, or puts it out of sight): if a leaving write is lost (a window closing mid-write), the last
 * visit is its start, so "Changed since" shows a little more, never less.
 */
export function useLastVisit(connectionId: string, saved: Settings['lastVisits'], save: (patch: Partial<Settings>) => void): string | null {
  const [previous] = useState(() => saved?.[connectionId] ?? null);
  const latest = useRef({ saved, save });
  useEffect(() => {
    latest.current = { saved, save };
  });
  useEffect(() => {
    const record = () => latest.current.save({ lastVisits: { ...latest.current.saved, [connectionId]: new Date().toISOString() } });
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
  }, [connectionId]);
  return previous;
}
