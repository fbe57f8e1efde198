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

/**
 * Before the grid's first measure: the rows a viewport as tall as the window would show — the grid is never taller, so
 * the first render fills it (a few rows below the fold at most) without reading its height. Issue #19: reading it in
 * the mount's layout effect forced the page's first layout in the middle of React's commit, and a second render of the
 * grid with the rows that fit, before the first rows could be painted.
 */
function rowsBeforeMeasure(): number {
  return typeof window === 'undefined' ? 0 : rowsInViewport(window.innerHeight);
}

export function useRowWindow(scrollRef: RefObject<HTMLElement | null>, count: number, overscan: number, keepInView?: RefObject<number>) {
  const [view, setView] = useState(() => ({ top: 0, rows: rowsBeforeMeasure(), leap: false }));
  /** The scroll box's height as the ResizeObserver last reported it (0 until its first report). */
  const viewportHeight = useRef(0);
  /** scrollTop as last read in a scroll event (or set here): the browser may since have lowered it, never raised it. */
  const lastScrollTop = useRef(0);
  /** A row to scroll into view asked before the first measure: done at the first report (layout clean then). */
  const pendingRow = useRef<number | null>(null);
  const rendered = useRef(view.rows);
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return undefined;
    // A scroll box that was just put in the page is at its top; its height comes with the observer's first report
    // (after the frame's layout: nothing is forced here).
    lastScrollTop.current = 0;
    let top = 0;
    let rows = rendered.current;
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
      const first = viewportHeight.current === 0;
      viewportHeight.current = height;
      if (pendingRow.current !== null && height > 0) {
        const next = scrollTopToShow(pendingRow.current, element.scrollTop, height);
        pendingRow.current = null;
        if (next !== element.scrollTop) element.scrollTop = lastScrollTop.current = next;
      }
      const next = rowsInViewport(height);
      if (next === rows) return;
      // The first report of a grid that fits fewer rows than the window's height allowed for: the extra rows are below
      // the fold, nothing to render again now (the next scroll renders the window for this height).
      const fewer = first && next < rows;
      rows = next;
      if (!fewer) flushSync(() => setView({ top, rows, leap: false }));
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
      // Not measured yet (the grid was just put in): the first report scrolls, without forcing a layout here.
      if (viewportHeight.current === 0) {
        pendingRow.current = index;
        return;
      }
      if (lastScrollTop.current === 0 && rowWhollyVisible(index, 0, viewportHeight.current)) return;
      const next = scrollTopToShow(index, element.scrollTop, viewportHeight.current || element.clientHeight);
      if (next !== element.scrollTop) element.scrollTop = lastScrollTop.current = next;
    },
    [scrollRef],
  );

  return { window: rowWindow(view.top, view.rows, count, view.leap ? 0 : overscan), scrollToRow };
}
