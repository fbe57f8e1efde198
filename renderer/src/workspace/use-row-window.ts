import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/** Every row is this tall (styles/grid.css): a row's place is its index times this, nothing is measured. */
export const ROW_HEIGHT = 34;
/** Fixed in styles/grid.css (.grid-head): the sticky header covers the top of the scroll box. */
export const HEAD_HEIGHT = 38;

/** The rows in the DOM: `first` up to (not including) `end`. */
export interface RowWindow {
  first: number;
  end: number;
}

/**
 * The rows to render when row `top` is the first one under the header and `rows` rows fit in the
 * viewport: those, plus `overscan` on either side, within `count`. When the list just got shorter
 * than the scroll position (a filter), the browser is about to scroll back; the window already shows
 * the end of the list.
 */
export function rowWindow(top: number, rows: number, count: number, overscan: number): RowWindow {
  const first = Math.max(0, Math.min(top, count - rows + 1) - overscan);
  const end = Math.min(count, top + rows + overscan);
  return { first, end: Math.max(first, end) };
}

/** How many rows a viewport of `height` px shows at most (a partly visible row at the top and at the bottom). */
export function rowsInViewport(height: number): number {
  return height > HEAD_HEIGHT ? Math.ceil((height - HEAD_HEIGHT) / ROW_HEIGHT) + 1 : 0;
}

/** Where `scrollTop` should go for row `index` to be wholly visible below the header (unchanged if it already is). */
export function scrollTopToShow(index: number, scrollTop: number, viewportHeight: number): number {
  const rowTop = index * ROW_HEIGHT;
  if (rowTop < scrollTop) return rowTop;
  const bottom = rowTop + ROW_HEIGHT + HEAD_HEIGHT;
  return bottom > scrollTop + viewportHeight ? bottom - viewportHeight : scrollTop;
}

/**
 * The virtual window of a grid whose rows all have one fixed height: which rows are on screen follows
 * from `scrollTop` alone. Nothing is kept per row (a virtualizer that can measure rows keeps a
 * measurement per row it has shown: 100,000 objects after one scroll through the list).
 *
 * The scroll box's height comes from a ResizeObserver; during a scroll the only read is `scrollTop`
 * in the scroll event (the frame's layout is clean then), and React renders only when the first row
 * under the header changes, synchronously (flushSync), so the frame that scrolled paints its rows.
 *
 * Overscan (rows beyond the viewport) is for small steps (wheel, keys), where the next rows are
 * already there. A step of more than a screenful (a scrollbar drag, Page Down held) lands on rows
 * that were never near: overscan is then only extra rows to fill in every frame, so it is left out
 * until the scrolling slows down again.
 */
/**
 * Whether row `index` is wholly visible below the header in a viewport of `viewportHeight` scrolled to `scrollTop`
 * (within a pixel: the browser rounds scrollTop, the viewport may be a fraction of a pixel high).
 */
export function rowWhollyVisible(index: number, scrollTop: number, viewportHeight: number): boolean {
  const rowTop = index * ROW_HEIGHT;
  return rowTop >= scrollTop - 1 && rowTop + ROW_HEIGHT + HEAD_HEIGHT <= scrollTop + viewportHeight + 1;
}

export function useRowWindow(scrollRef: RefObject<HTMLElement | null>, count: number, overscan: number, keepInView?: RefObject<number>) {
  const [view, setView] = useState({ top: 0, rows: 0, leap: false });
  const viewportHeight = useRef(0);
  /** scrollTop as last read in a scroll event (or set here): the browser may since have lowered it, never raised it. */
  const lastScrollTop = useRef(0);
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return undefined;
    lastScrollTop.current = element.scrollTop;
    let top = Math.floor(lastScrollTop.current / ROW_HEIGHT);
    let rows = rowsInViewport(element.clientHeight);
    viewportHeight.current = element.clientHeight;
    setView({ top, rows, leap: false });
    const onScroll = () => {
      lastScrollTop.current = element.scrollTop;
      const next = Math.floor(lastScrollTop.current / ROW_HEIGHT);
      if (next === top) return;
      const leap = Math.abs(next - top) > rows;
      top = next;
      flushSync(() => setView({ top, rows, leap }));
    };
    const observer = new ResizeObserver((entries) => {
      const height = entries[entries.length - 1]!.contentRect.height;
      // The grid got shorter (the detail panel opened, the window shrank): the active row, if it was on screen, stays there.
      const kept = keepInView?.current ?? -1;
      if (kept >= 0 && height < viewportHeight.current && rowWhollyVisible(kept, element.scrollTop, viewportHeight.current)) {
        const next = scrollTopToShow(kept, element.scrollTop, height);
        if (next !== element.scrollTop) element.scrollTop = lastScrollTop.current = next;
      }
      viewportHeight.current = height;
      const next = rowsInViewport(height);
      if (next === rows) return;
      rows = next;
      flushSync(() => setView({ top, rows, leap: false }));
    });
    element.addEventListener('scroll', onScroll, { passive: true });
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, [scrollRef, keepInView]);

  /**
   * Scrolls just enough for row `index` to be wholly visible. Reading scrollTop right after React changed the rows
   * forces a layout of the grid (~4 ms at every keystroke in the search box): when the grid is known to be at the
   * top and the row is within the first screen (a filter's first row), nothing is read or moved.
   */
  const scrollToRow = useCallback(
    (index: number) => {
      const element = scrollRef.current;
      if (!element) return;
      if (lastScrollTop.current === 0 && viewportHeight.current > 0 && rowWhollyVisible(index, 0, viewportHeight.current)) return;
      const next = scrollTopToShow(index, element.scrollTop, viewportHeight.current || element.clientHeight);
      if (next !== element.scrollTop) element.scrollTop = lastScrollTop.current = next;
    },
    [scrollRef],
  );

  return { window: rowWindow(view.top, view.rows, count, view.leap ? 0 : overscan), scrollToRow };
}
