import { describe, expect, it } from 'vitest';
import {
  anchoredScrollTop,
  HEAD_HEIGHT,
  MAX_SCROLL_SPACE,
  ROW_HEIGHT,
  rowWhollyVisible,
  rowWindow,
  rowsInViewport,
  scrollScale,
  scrollSpaceHeight,
  scrollTopToShow,
  topRow,
  virtualTop,
  windowOffset,
} from '../../../renderer/src/workspace/use-row-window';

/** Chromium's cap on an element's height (LayoutUnit: 2^31 / 64 px): the 1M grid's body was cut there. */
const CHROMIUM_MAX_HEIGHT = 33_554_431;
const MILLION = 1_000_000;

/** The furthest the real scroll box of `height` px over `count` rows can scroll. */
const maxScroll = (count: number, height: number) => Math.max(0, HEAD_HEIGHT + scrollSpaceHeight(count) - height);

/** Where row `index` is on screen (px from the scroll box's top) at `scrollTop`, as the grid places it (windowOffset). */
function rowOnScreen(index: number, first: number, scrollTop: number, scale: number): number {
  return HEAD_HEIGHT + windowOffset(first, scrollTop, scale) + (index - first) * ROW_HEIGHT - scrollTop;
}

describe('the grid’s scroll space past Chromium’s element height cap (a million rows)', () => {
  it('changes nothing while the rows fit the scroll space (100,000 rows and up to the cap)', () => {
    for (const count of [0, 1, 40, 100_000, Math.floor(MAX_SCROLL_SPACE / ROW_HEIGHT)]) {
      for (const height of [0, 425.5, 900]) {
        expect(scrollScale(count, height)).toBe(1);
        expect(scrollSpaceHeight(count)).toBe(count * ROW_HEIGHT);
        for (const scrollTop of [0, 17, 3_000, 6_800, 3_399_000]) {
          expect(topRow(scrollTop, 1)).toBe(Math.floor(scrollTop / ROW_HEIGHT));
          expect(windowOffset(12, scrollTop, 1)).toBe(12 * ROW_HEIGHT);
          for (const index of [0, 20, 500, 9_999]) {
            // Today's answers, written out: up to the row's top, or down to its bottom, or where it is.
            const rowTop = index * ROW_HEIGHT;
            const bottom = rowTop + ROW_HEIGHT + HEAD_HEIGHT;
            const today = rowTop < scrollTop ? rowTop : bottom > scrollTop + height ? bottom - height : scrollTop;
            expect(scrollTopToShow(index, scrollTop, height, 1)).toBe(today);
            expect(rowWhollyVisible(index, scrollTop, height, 1)).toBe(rowTop >= scrollTop - 1 && bottom <= scrollTop + height + 1);
          }
        }
      }
    }
  });

  it('keeps a million rows’ body well under Chromium’s cap, and its end at the last row’s end', () => {
    expect(MILLION * ROW_HEIGHT).toBeGreaterThan(CHROMIUM_MAX_HEIGHT);
    expect(scrollSpaceHeight(MILLION)).toBeLessThan(CHROMIUM_MAX_HEIGHT / 2);
    for (const height of [300, 425.5, 900, 1400]) {
      const scale = scrollScale(MILLION, height);
      expect(scale).toBeGreaterThan(2);
      const end = maxScroll(MILLION, height);
      // The rows at the real end: the last one wholly visible, its bottom at the viewport's bottom.
      expect(virtualTop(end, scale)).toBeCloseTo(HEAD_HEIGHT + MILLION * ROW_HEIGHT - height, 3);
      const window = rowWindow(topRow(end, scale), rowsInViewport(height), MILLION, 4);
      expect(window.end).toBe(MILLION);
      const lastTop = rowOnScreen(MILLION - 1, window.first, end, scale);
      expect(lastTop + ROW_HEIGHT).toBeCloseTo(height, 3);
      expect(rowWhollyVisible(MILLION - 1, end, height, scale)).toBe(true);
    }
  });

  it('maps the scroll to the rows monotonically, and every rendered row sits a row below the one before', () => {
    const height = 800;
    const scale = scrollScale(MILLION, height);
    const end = maxScroll(MILLION, height);
    let before = -1;
    let row = -1;
    for (let scrollTop = 0; scrollTop <= end; scrollTop += 997) {
      const top = virtualTop(scrollTop, scale);
      expect(top).toBeGreaterThan(before);
      expect(topRow(scrollTop, scale)).toBeGreaterThanOrEqual(row);
      before = top;
      row = topRow(scrollTop, scale);
    }
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let n = 0; n < 2000; n++) {
      const scrollTop = Math.floor(random() * (end + 1));
      const window = rowWindow(topRow(scrollTop, scale), rowsInViewport(height), MILLION, 4);
      // The first row under the header covers the header's bottom edge; the window reaches past the viewport's bottom.
      const top = topRow(scrollTop, scale);
      const under = rowOnScreen(top, window.first, scrollTop, scale);
      expect(under, `scrollTop ${scrollTop}`).toBeLessThanOrEqual(HEAD_HEIGHT + 1e-6);
      expect(under + ROW_HEIGHT).toBeGreaterThan(HEAD_HEIGHT);
      expect(rowOnScreen(window.end - 1, window.first, scrollTop, scale) + ROW_HEIGHT).toBeGreaterThanOrEqual(Math.min(height, HEAD_HEIGHT + MILLION * ROW_HEIGHT));
      expect(window.first).toBeLessThanOrEqual(top);
    }
  });

  it('scrolls row k (first, middle, last) wholly into view below the header, within the real scroll', () => {
    for (const height of [425.5, 900]) {
      const scale = scrollScale(MILLION, height);
      const end = maxScroll(MILLION, height);
      for (const index of [0, 1, 499_999, 500_000, 986_896, MILLION - 2, MILLION - 1]) {
        for (const from of [0, 1_234, Math.floor(end / 2), end]) {
          const next = scrollTopToShow(index, from, height, scale);
          if (next !== from) expect(Number.isInteger(next), `row ${index} from ${from}`).toBe(true);
          expect(next).toBeGreaterThanOrEqual(0);
          const reached = Math.min(next, end); // the browser stops at its end
          expect(reached).toBeLessThanOrEqual(end);
          const window = rowWindow(topRow(reached, scale), rowsInViewport(height), MILLION, 4);
          expect(index).toBeGreaterThanOrEqual(window.first);
          expect(index).toBeLessThan(window.end);
          const top = rowOnScreen(index, window.first, reached, scale);
          expect(top, `row ${index} from ${from}`).toBeGreaterThanOrEqual(HEAD_HEIGHT - 1e-6);
          expect(top + ROW_HEIGHT).toBeLessThanOrEqual(height + 1e-6);
          expect(rowWhollyVisible(index, reached, height, scale)).toBe(true);
        }
      }
      // A row already wholly on screen is left alone.
      const middle = Math.floor(end / 2);
      const shown = topRow(middle, scale) + 3;
      expect(scrollTopToShow(shown, middle, height, scale)).toBe(middle);
    }
  });

  it('re-anchors on the virtual top when the scale changes (the grid’s height, the rows’ count): the first row under the header stays', () => {
    for (const scrollTop of [0, 17, 3_399_000]) expect(anchoredScrollTop(scrollTop, 1, 1)).toBe(scrollTop);
    const cases: [number, number, number, number][] = [
      // [rows, height] before → after: the detail panel (ten rows shorter), a window resize, a sync's rows, a filter under the cap
      [MILLION, 900, MILLION, 560],
      [MILLION, 560, MILLION, 900],
      [MILLION, 700, MILLION, 1_403.5],
      [MILLION, 700, MILLION + 1_000, 700],
      [MILLION, 700, MILLION - 1_000, 700],
      [MILLION, 700, 300_000, 700],
      [300_000, 700, MILLION, 700],
    ];
    for (const [rows, height, nextRows, nextHeight] of cases) {
      const from = scrollScale(rows, height);
      const to = scrollScale(nextRows, nextHeight);
      for (const scrollTop of [0, 1, 33, 1_234_567, 2_000_000, 4_705_882, 8_000_001]) {
        if (virtualTop(scrollTop, from) > nextRows * ROW_HEIGHT) continue;
        const next = anchoredScrollTop(scrollTop, from, to);
        const label = `${rows} × ${height} → ${nextRows} × ${nextHeight} at ${scrollTop}`;
        expect(Number.isInteger(next), label).toBe(true);
        expect(topRow(next, to), label).toBe(topRow(scrollTop, from));
        // Within a px of the browser's (a px is `to` px of rows).
        expect(Math.abs(virtualTop(next, to) - virtualTop(scrollTop, from)), label).toBeLessThanOrEqual(Math.max(from, to));
      }
    }
  });
});
