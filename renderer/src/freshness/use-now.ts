import { useEffect, useState } from 'react';

/** The time, refreshed every `intervalMs` (and whenever `reset` changes), for "5 minutes ago" texts. */
export function useNow(intervalMs = 30_000, reset?: unknown): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the clock is outside React: a new `reset` (a sync just ended) reads it again at once, so "just now" never shows an older time
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, reset]);
  return now;
}
