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

/**
 * The most scroll space the grid's body takes, in px. Chromium caps an element's height at 33,554,431 px (LayoutUnit:
 * 2^31 / 64): at 1,000,000 rows × 34 px (34,000,000 px) End stopped at row 986,896 of 1,000,000, the last ~13,100 rows
 * out of reach (probed 2026-12-06: offsetHeight 33,554,428). Half of that cap keeps well clear of it (and of the
 * float precision of positions near it) while lists up to 470,588 rows keep their one pixel per pixel scrolling.
 */
export const MAX_SCROLL_SPACE = 16_000_000;

/** The grid body's height: all its rows, or the cap when they are taller (the scroll then maps proportionally). */
export function scrollSpaceHeight(count: number): number {
  return Math.min(count * ROW_HEIGHT, MAX_SCROLL_SPACE);
}

/**
 * How many virtual px (rows × ROW_HEIGHT) one px of real scroll is worth for `count` rows in a viewport of
 * `viewportHeight` px: 1 while the rows fit the scroll space (then nothing is mapped), else the furthest virtual
 * scroll over the furthest real one, so that the real end of the scroll is the last row's end.
 */
export function scrollScale(count: number, viewportHeight: number): number {
  const rows = count * ROW_HEIGHT;
  if (rows <= MAX_SCROLL_SPACE) return 1;
  return (HEAD_HEIGHT + rows - viewportHeight) / Math.max(1, HEAD_HEIGHT + MAX_SCROLL_SPACE - viewportHeight);
}

/** Where the rows are scrolled to (px of rows above the first under the header) when the scroll box is at `scrollTop`. */
export function virtualTop(scrollTop: number, scale: number): number {
  return scale === 1 ? scrollTop : scrollTop * scale;
}

/** The first row under the header at `scrollTop`. */
export function topRow(scrollTop: number, scale: number): number {
  return Math.floor(virtualTop(scrollTop, scale) / ROW_HEIGHT);
}

/**
 * Where in the body the rendered rows from `first` go (their translateY) for them to sit at their virtual place in
 * the viewport at `scrollTop`: `first * ROW_HEIGHT` unscaled.
 */
export function windowOffset(first: number, scrollTop: number, scale: number): number {
  return scrollTop - virtualTop(scrollTop, scale) + first * ROW_HEIGHT;
}

/**
 * Where `scrollTop` goes when the scale changes from `from` to `to` (past the cap the scale follows the grid's height and
 * its rows' count: the detail panel opening, the window resized, a sync's new rows) for the rows in view to stay put: the
 * same virtual top to the whole px the browser keeps, and the same first row under the header. Unscaled on both sides
 * nothing moves (the browser keeps scrollTop, so the rows stay).
 */
export function anchoredScrollTop(scrollTop: number, from: number, to: number): number {
  if (from === to) return scrollTop;
  const top = virtualTop(scrollTop, from);
  const row = Math.floor(top / ROW_HEIGHT);
  let next = Math.max(0, Math.round(top / to));
  // A whole px is `to` px of rows (≤ ~2.2 at 1,000,000 rows, a row is 34): the rounding may cross the row's edge.
  while (next > 0 && topRow(next, to) > row) next--;
  while (topRow(next, to) < row) next++;
  return next;
}

/**
 * Where `scrollTop` should go for row `index` to be wholly visible below the header (unchanged if it already is).
 * Scaled, the browser keeps whole px of scroll: the px is rounded toward the side that keeps the row in view.
 */
export function scrollTopToShow(index: number, scrollTop: number, viewportHeight: number, scale = 1): number {
  const rowTop = index * ROW_HEIGHT;
  const top = virtualTop(scrollTop, scale);
  if (rowTop < top) return scale === 1 ? rowTop : Math.floor(rowTop / scale);
  const bottom = rowTop + ROW_HEIGHT + HEAD_HEIGHT;
  if (bottom <= top + viewportHeight) return scrollTop;
  return scale === 1 ? bottom - viewportHeight : Math.ceil((bottom - viewportHeight) / scale);
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
export function rowWhollyVisible(index: number, scrollTop: number, viewportHeight: number, scale = 1): boolean {
  const rowTop = index * ROW_HEIGHT;
  // Scaled, one px of real scroll is `scale` px of rows: the browser's rounding is that much.
  const top = virtualTop(scrollTop, scale);
  const slack = Math.max(1, scale);
  return rowTop >= top - slack && rowTop + ROW_HEIGHT + HEAD_HEIGHT <= top + viewportHeight + slack;
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
  // `scrollTop` as the scroll event read it, `height` as the ResizeObserver reported it: the rows and where they go follow.
  const [view, setView] = useState(() => ({ scrollTop: 0, height: 0, rows: rowsBeforeMeasure(), leap: false }));
  /** The scroll box's height as the ResizeObserver last reported it (0 until its first report). */
  const viewportHeight = useRef(0);
  /** scrollTop as last read in a scroll event (or set here): the browser may since have lowered it, never raised it. */
  const lastScrollTop = useRef(0);
  /** A row to scroll into view asked before the first measure: done at the first report (layout clean then). */
  const pendingRow = useRef<number | null>(null);
  /**
   * A row `scrollToRow` left alone because the last scroll event said the grid was at its top. A scroll whose event has not
   * come yet (scroll events come with the next frame) may have moved it since — review24: a keystroke in the frame of a
   * scroll left the new results scrolled down —, so that event scrolls to the row. Forgotten at the next frame's callbacks
   * (after its scroll events): a later scroll is the user's own.
   */
  const skippedRow = useRef<number | null>(null);
  const forgetSkipped = useRef(0);
  /** The rows' count of the last render, for the scroll's scale in the listeners. */
  const counted = useRef(count);
  /** The first row under the header as last placed: unscaled, a scroll renders again only when it changes. */
  const placedTop = useRef(0);
  useLayoutEffect(() => {
    const height = viewportHeight.current;
    const before = scrollScale(counted.current, height);
    counted.current = count;
    const after = scrollScale(count, height);
    // Unscaled before and after, the browser keeps scrollTop and the rows with it; a scroll within a row renders nothing.
    if (before === 1 && after === 1) return;
    let scrollTop = lastScrollTop.current;
    const element = scrollRef.current;
    // Past the cap the scale follows the count (a sync's new rows, a filter): the first row in view stays the first, as it
    // does unscaled. Off the top only: at the top every scale shows the same rows, and reading scrollTop in the middle of
    // React's commit forces a layout.
    if (element && height > 0 && scrollTop !== 0) {
      const anchored = anchoredScrollTop(element.scrollTop, before, after);
      if (anchored !== element.scrollTop) element.scrollTop = anchored;
      scrollTop = lastScrollTop.current = element.scrollTop;
    }
    // A count that scales places the rows from the scroll as it is (unscaled, the last render's may be up to a row behind).
    placedTop.current = topRow(scrollTop, after);
    setView((shown) => (shown.scrollTop === scrollTop && shown.height === height ? shown : { ...shown, scrollTop, height }));
  }, [count, scrollRef]);
  const rendered = useRef(view.rows);
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return undefined;
    // A scroll box that was just put in the page is at its top; its height comes with the observer's first report
    // (after the frame's layout: nothing is forced here).
    lastScrollTop.current = 0;
    placedTop.current = 0;
    let rows = rendered.current;
    const scale = () => scrollScale(counted.current, viewportHeight.current);
    const show = (scrollTop: number) => {
      placedTop.current = topRow(scrollTop, scale());
      setView({ scrollTop, height: viewportHeight.current, rows, leap: false });
    };
    const onScroll = () => {
      let scrollTop = (lastScrollTop.current = element.scrollTop);
      const factor = scale();
      const skipped = skippedRow.current;
      if (skipped !== null) {
        skippedRow.current = null;
        const shown = scrollTopToShow(skipped, scrollTop, viewportHeight.current, factor);
        if (shown !== scrollTop) {
          element.scrollTop = shown;
          scrollTop = lastScrollTop.current = element.scrollTop;
        }
      }
      const next = topRow(scrollTop, factor);
      // Unscaled, the rows move with the scroll by themselves until another row is first; scaled, they are placed again
      // at every step (windowOffset follows scrollTop).
      if (next === placedTop.current && factor === 1) return;
      const leap = Math.abs(next - placedTop.current) > rows;
      placedTop.current = next;
      flushSync(() => setView({ scrollTop, height: viewportHeight.current, rows, leap }));
    };
    const observer = new ResizeObserver((entries) => {
      const height = entries[entries.length - 1]!.contentRect.height;
      const previous = viewportHeight.current;
      const before = scale();
      const after = scrollScale(counted.current, height);
      // Layout is clean in an observer's callback: reading scrollTop forces nothing here.
      const from = element.scrollTop;
      // Past the cap the scale follows the height (the detail panel opening, the window resized): the first row in view
      // stays the first, as it does unscaled.
      let scrollTop = previous === 0 ? from : anchoredScrollTop(from, before, after);
      // The grid got shorter (the detail panel opened, the window shrank): the active row, if it was on screen, stays there.
      const kept = keepInView?.current ?? -1;
      if (kept >= 0 && height < previous && rowWhollyVisible(kept, from, previous, before)) scrollTop = scrollTopToShow(kept, scrollTop, height, after);
      viewportHeight.current = height;
      if (pendingRow.current !== null && height > 0) {
        scrollTop = scrollTopToShow(pendingRow.current, scrollTop, height, after);
        pendingRow.current = null;
      }
      if (scrollTop !== from) {
        element.scrollTop = scrollTop;
        lastScrollTop.current = element.scrollTop;
      }
      const next = rowsInViewport(height);
      // Scaled, the scale follows the height: the rows are placed again.
      const scaled = after !== 1;
      if (next === rows && !scaled) return;
      // The first report of a grid that fits fewer rows than the window's height allowed for: the extra rows are below
      // the fold, nothing to render again now (the next scroll renders the window for this height).
      const fewer = previous === 0 && next < rows;
      rows = next;
      if (!fewer || scaled) flushSync(() => show(lastScrollTop.current));
    });
    element.addEventListener('scroll', onScroll, { passive: true });
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      observer.disconnect();
      cancelAnimationFrame(forgetSkipped.current);
      forgetSkipped.current = 0;
      skippedRow.current = null;
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
      skippedRow.current = null;
      // Not measured yet (the grid was just put in): the first report scrolls, without forcing a layout here.
      if (viewportHeight.current === 0) {
        pendingRow.current = index;
        return;
      }
      // At the top every scale shows the same rows (virtualTop(0) = 0) — unless a scroll's event is still to come.
      if (lastScrollTop.current === 0 && rowWhollyVisible(index, 0, viewportHeight.current)) {
        skippedRow.current = index;
        forgetSkipped.current ||= requestAnimationFrame(() => {
          forgetSkipped.current = 0;
          skippedRow.current = null;
        });
        return;
      }
      const height = viewportHeight.current || element.clientHeight;
      const next = scrollTopToShow(index, element.scrollTop, height, scrollScale(counted.current, height));
      if (next !== element.scrollTop) element.scrollTop = lastScrollTop.current = next;
    },
    [scrollRef],
  );

  const scale = scrollScale(count, view.height);
  const slice = rowWindow(topRow(view.scrollTop, scale), view.rows, count, view.leap ? 0 : overscan);
  return { window: slice, scrollToRow, bodyHeight: scrollSpaceHeight(count), windowTop: windowOffset(slice.first, view.scrollTop, scale) };
}
