import { nextFrame, page, type El } from './dom-lite';

export interface Latency {
  /** Input event (its timeStamp) → the DOM commit that shows the result. */
  commitMs: number;
  /** Input event → the next animation frame after that commit (the frame that paints it). */
  frameMs: number;
  /**
   * Search only: input event → the animation frame after the summary's figures (cards, aging bars) caught up with the
   * rows — the same frame as `frameMs` when they were committed with them, a later one when they follow (aria-busy).
   */
  summaryFrameMs?: number;
}

const TIMEOUT_MS = 20_000;

/**
 * Starts timing the next `eventType` event on `target`, until `done()` holds after a DOM mutation.
 * Returns a promise of the latency; the caller then fires the real input (Playwright keyboard/mouse).
 */
function arm(target: El, eventType: string, done: () => boolean, behind?: () => boolean): Promise<Latency> {
  return new Promise((resolve, reject) => {
    let startedAt: number | null = null;
    let finished = false;
    const onEvent = (event: { timeStamp: number }) => {
      startedAt ??= event.timeStamp;
    };
    target.addEventListener(eventType, onEvent, { capture: true });
    const observer = new page.MutationObserver(() => {
      if (finished || startedAt === null || !done()) return;
      finished = true;
      const commitAt = page.performance.now();
      const start = startedAt;
      cleanup();
      const frame = nextFrame();
      if (!behind) {
        void frame.then((frameAt) => resolve({ commitMs: commitAt - start, frameMs: frameAt - start }));
        return;
      }
      // What else the keystroke updates after the grid's frame: timed apart, never part of frameMs.
      void Promise.all([frame, caughtUp(behind).then((caught) => (caught ? nextFrame() : frame))]).then(([frameAt, summaryAt]) =>
        resolve({ commitMs: commitAt - start, frameMs: frameAt - start, summaryFrameMs: summaryAt - start }),
      );
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no update within ${TIMEOUT_MS} ms after ${eventType}`));
    }, TIMEOUT_MS);
    function cleanup() {
      clearTimeout(timer);
      observer.disconnect();
      target.removeEventListener(eventType, onEvent, { capture: true });
    }
    observer.observe(page.document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/** Resolves once `behind()` no longer holds after a DOM mutation (false: it did not hold to begin with). */
function caughtUp(behind: () => boolean): Promise<boolean> {
  if (!behind()) return Promise.resolve(false);
  return new Promise((resolve, reject) => {
    const observer = new page.MutationObserver(() => {
      if (behind()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(true);
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`the summary did not catch up within ${TIMEOUT_MS} ms`));
    }, TIMEOUT_MS);
    observer.observe(page.document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

let pending: Promise<Latency> | null = null;

/**
 * Arms the timing of one keystroke in the search box: done when the box shows `expected` and the deferred table render
 * has committed. Timed apart (summaryFrameMs): until the summary's cards no longer say aria-busy.
 */
export function armSearch(expected: string): void {
  const input = page.document.querySelector('#invoice-search')!;
  const summaryBehind = () => page.document.querySelector('[data-testid="summary"][aria-busy="true"], [data-testid="corporate-summary"][aria-busy="true"]') !== null;
  pending = arm(input, 'keydown', () => input.value === expected && !input.hasAttribute('aria-busy'), summaryBehind);
}

/** Arms the timing of one click on a column's sort button: done when the column's aria-sort changed. */
export function armSort(column: string): void {
  const header = page.document.querySelector(`[role="columnheader"][data-column="${column}"]`)!;
  const before = header.getAttribute('aria-sort');
  pending = arm(header, 'click', () => header.getAttribute('aria-sort') !== before);
}

/**
 * Arms the timing of one "Show in" change (issue #14): done when the corporate card is there (`corporate`)
 * or gone again (each invoice's currency), i.e. the converted figures, or the per-currency ones alone, are committed.
 */
export function armShowIn(corporate: boolean): void {
  const select = page.document.querySelector('[data-testid="show-in"]')!;
  pending = arm(select, 'change', () => (page.document.querySelector('[data-testid="corporate-card"]') !== null) === corporate);
}

export function settled(): Promise<Latency> {
  if (!pending) return Promise.reject(new Error('nothing armed'));
  const result = pending;
  pending = null;
  return result;
}

export interface ScrollFigures {
  frames: number;
  frameP95: number;
  frameMax: number;
  longTasks: number;
  longTaskTotalMs: number;
  longestTaskMs: number;
  /** Frames in which the viewport showed no row (the virtualizer fell behind). */
  blankFrames: number;
  /** Rows from the top to the last one on screen at the end (read from the rendered rows' aria-rowindex). */
  rowsTravelled: number;
}

/** The grid's fixed geometry (renderer/src/workspace/use-row-window.ts: ROW_HEIGHT, HEAD_HEIGHT). */
const ROW_PX = 34;
const HEAD_PX = 38;

/**
 * Scrolls the grid from top to bottom, `stepPx` of rows per animation frame (set on scrollTop, as a fast
 * drag of the scrollbar does), and records long tasks (> 50 ms, PerformanceObserver 'longtask')
 * and the time between frames.
 *
 * Past 470,588 rows the grid caps its scroll space and one px of scroll moves `scale` px of rows (use-row-window.ts,
 * MAX_SCROLL_SPACE): the probe then sets scrollTop to the rows' place over that scale, so a frame brings as many new
 * rows at a million as at 100,000 (5,000 px = 147 rows) — one px of scroll a frame would be ~2.1× as many rows there.
 * The scale is read from the grid's geometry once (its scroll height over its rows' height, aria-rowcount).
 */
export async function scrollThrough(stepPx: number, maxFrames: number): Promise<ScrollFigures> {
  const grid = page.document.querySelector('[role="grid"]')!;
  const longTasks: number[] = [];
  const observer = new page.PerformanceObserver((list) => longTasks.push(...list.getEntries().map((entry) => entry.duration)));
  observer.observe({ type: 'longtask' });
  grid.scrollTop = 0;
  // Read once: reading scroll geometry inside the loop would force a layout in every frame (the probe's own cost).
  const end = grid.scrollHeight - grid.clientHeight;
  const viewport = grid.clientHeight;
  const count = Number(grid.getAttribute('aria-rowcount')) - 1;
  const rowsEnd = HEAD_PX + count * ROW_PX - viewport;
  const scale = end > 0 && rowsEnd > end + 1 ? rowsEnd / end : 1;
  const lastTop = scale === 1 ? end : rowsEnd;
  await nextFrame();
  const gaps: number[] = [];
  let blank = 0;
  let rowsTop = 0;
  let lastShown = -1;
  let last = await nextFrame();
  let frames = 0;
  while (frames < maxFrames && rowsTop < lastTop) {
    rowsTop = Math.min(lastTop, rowsTop + stepPx);
    const target = scale === 1 ? rowsTop : Math.round(rowsTop / scale);
    grid.scrollTop = target;
    const now = await nextFrame();
    gaps.push(now - last);
    last = now;
    frames++;
    lastShown = lastRowInView(grid, target * scale, viewport);
    if (lastShown < 0) blank++;
  }
  // Long task entries are delivered asynchronously: give the observer a moment.
  await new Promise((resolve) => setTimeout(resolve, 200));
  observer.disconnect();
  gaps.sort((a, b) => a - b);
  return {
    frames,
    frameP95: gaps[Math.min(gaps.length - 1, Math.ceil(gaps.length * 0.95) - 1)] ?? Number.NaN,
    frameMax: gaps.at(-1) ?? Number.NaN,
    longTasks: longTasks.length,
    longTaskTotalMs: longTasks.reduce((a, b) => a + b, 0),
    longestTaskMs: Math.max(0, ...longTasks),
    blankFrames: blank,
    rowsTravelled: lastShown + 1,
  };
}

/**
 * The last rendered row (its index, from aria-rowindex) that overlaps the viewport when the rows are scrolled to `top` px
 * of rows; -1 for none. Attributes only: no layout.
 */
function lastRowInView(grid: El, top: number, viewport: number): number {
  const rows = grid.querySelectorAll('.grid-body [role="row"]');
  const bottom = top + viewport;
  let lastShown = -1;
  for (let i = 0; i < rows.length; i++) {
    const index = Number(rows[i]!.getAttribute('aria-rowindex')) - 2;
    const y = HEAD_PX + index * ROW_PX;
    if (y + ROW_PX > top && y < bottom) lastShown = Math.max(lastShown, index);
  }
  return lastShown;
}
