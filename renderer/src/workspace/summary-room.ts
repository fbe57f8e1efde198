import { useEffect, useRef, type RefObject } from 'react';

/** Where the window remembers how tall the currency cards were, and at which window size. */
const KEY = 'budgetly.summaryRoom';

interface Room {
  width: number;
  height: number;
  /** The cards' height (border box, px). */
  px: number;
}

/**
 * Issue #19 (cold start, no layout jump): the height the currency cards took the last time they were shown in a window
 * of this size, for their placeholder while the first load brings the invoices they add up — the grid starts where it
 * will stay. Null when unknown or the window's size changed (the cards wrap differently).
 */
export function rememberedSummaryRoom(): number | null {
  try {
    const room = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Room | null;
    if (!room || room.width !== window.innerWidth || room.height !== window.innerHeight) return null;
    return Number.isFinite(room.px) && room.px > 0 && room.px < window.innerHeight ? room.px : null;
  } catch {
    return null;
  }
}

/**
 * Remembers the cards' height as it changes (a ResizeObserver: no layout forced on a keystroke's render). The cards
 * shown on a whole list only: the caller mounts the section only then.
 */
export function useRememberSummaryRoom(): RefObject<HTMLElement | null> {
  const ref = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const px = entry?.borderBoxSize?.[0]?.blockSize;
      if (!px) return;
      try {
        localStorage.setItem(KEY, JSON.stringify({ width: window.innerWidth, height: window.innerHeight, px: Math.round(px * 100) / 100 } satisfies Room));
      } catch {
        // storage unavailable: the placeholder keeps its own height
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  });
  return ref;
}
