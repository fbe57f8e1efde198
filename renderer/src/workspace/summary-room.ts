import { useCallback, useRef } from 'react';

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
 * Remembers the cards' height as they first show in this workspace (a ResizeObserver: no layout forced), and again
 * only when the window's size changes: the cards of the whole list as the start opened it (its default view), which is
 * what the next start's first screen adds up — not a search or filter typed later (fewer cards, another height: the
 * next start's grid would move when every invoice is in). A callback ref: one observer per section, none per render.
 */
export function useRememberSummaryRoom(): (element: HTMLElement | null) => void {
  // The window size the height was remembered at (this workspace), and the section's observer.
  const rememberedAt = useRef<string | null>(null);
  const observer = useRef<ResizeObserver | null>(null);
  return useCallback((element: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!element || typeof ResizeObserver === 'undefined') return;
    observer.current = new ResizeObserver(([entry]) => {
      const windowSize = `${window.innerWidth}x${window.innerHeight}`;
      const px = entry?.borderBoxSize?.[0]?.blockSize;
      if (!px || rememberedAt.current === windowSize) return;
      rememberedAt.current = windowSize;
      try {
        localStorage.setItem(KEY, JSON.stringify({ width: window.innerWidth, height: window.innerHeight, px: Math.round(px * 100) / 100 } satisfies Room));
      } catch {
        // storage unavailable: the placeholder keeps its own height
      }
    });
    observer.current.observe(element);
  }, []);
}
