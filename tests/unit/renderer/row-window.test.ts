import { describe, expect, it } from 'vitest';
import { HEAD_HEIGHT, ROW_HEIGHT, rowWhollyVisible, rowWindow, rowsInViewport, scrollTopToShow } from '../../../renderer/src/workspace/use-row-window';

/** The rows a user sees in a viewport of `height` px scrolled to `scrollTop` (the sticky header covers its top). */
function rowsOnScreen(scrollTop: number, height: number, count: number): number[] {
  const seen: number[] = [];
  for (let i = 0; i < count; i++) {
    const top = HEAD_HEIGHT + i * ROW_HEIGHT - scrollTop;
    if (top + ROW_HEIGHT > HEAD_HEIGHT && top < height) seen.push(i);
  }
  return seen;
}

/** The furthest a scroll box of `height` px over `count` rows can scroll. */
const maxScroll = (count: number, height: number) => Math.max(0, HEAD_HEIGHT + count * ROW_HEIGHT - height);

describe('the grid’s virtual window', () => {
  it('renders every row the viewport shows, wherever it is scrolled, with no more than a few extra', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let n = 0; n < 2000; n++) {
      const count = Math.floor(random() * 3000);
      const height = 60 + Math.floor(random() * 1200);
      const scrollTop = Math.floor(random() * (maxScroll(count, height) + 1));
      const window = rowWindow(Math.floor(scrollTop / ROW_HEIGHT), rowsInViewport(height), count, 4);
      const seen = rowsOnScreen(scrollTop, height, count);
      if (seen.length > 0) {
        expect(window.first, `count ${count}, height ${height}, scrollTop ${scrollTop}`).toBeLessThanOrEqual(seen[0]!);
        expect(window.end).toBeGreaterThan(seen.at(-1)!);
      }
      expect(window.end - window.first).toBeLessThanOrEqual(seen.length + 2 * 4 + 1);
      expect(window.first).toBeGreaterThanOrEqual(0);
      expect(window.end).toBeLessThanOrEqual(count);
    }
  });

  it('shows the end of a list that a filter made shorter than the old scroll position, before the browser scrolls back', () => {
    const height = 500;
    const count = 40;
    const staleTop = Math.floor(50_000 / ROW_HEIGHT);
    const window = rowWindow(staleTop, rowsInViewport(height), count, 4);
    const seen = rowsOnScreen(maxScroll(count, height), height, count);
    expect(window.first).toBeLessThanOrEqual(seen[0]!);
    expect(window.end).toBe(count);
  });

  it('scrolls a row that moved out of view (keys, sort, filter) just into view below the header, and leaves a visible one alone', () => {
    const height = 500;
    const count = 10_000;
    for (const [index, scrollTop] of [
      [0, 3_000],
      [500, 0],
      [500, 500 * ROW_HEIGHT],
      [9_999, 0],
      [20, 20 * ROW_HEIGHT - 100],
    ] as const) {
      const next = scrollTopToShow(index, scrollTop, height);
      const top = HEAD_HEIGHT + index * ROW_HEIGHT - next;
      expect(top, `row ${index} from ${scrollTop}`).toBeGreaterThanOrEqual(HEAD_HEIGHT);
      expect(top + ROW_HEIGHT).toBeLessThanOrEqual(height);
      expect(next).toBeLessThanOrEqual(maxScroll(count, height));
    }
    const visible = 10 * ROW_HEIGHT;
    expect(scrollTopToShow(12, visible, height)).toBe(visible);
  });

  it('knows a row is wholly on screen (to keep it there when the grid gets shorter) within the pixel the browser rounds to', () => {
    const height = 425.5;
    // Scrolled so that row 20 is the last one wholly visible, as scrollTopToShow puts it (a fraction the browser rounds).
    const scrollTop = Math.round(scrollTopToShow(20, 0, height));
    expect(rowWhollyVisible(20, scrollTop, height)).toBe(true);
    expect(rowWhollyVisible(21, scrollTop, height)).toBe(false);
    expect(rowWhollyVisible(20, scrollTop, height - ROW_HEIGHT)).toBe(false);
    expect(rowWhollyVisible(0, 0, height)).toBe(true);
    expect(rowWhollyVisible(0, ROW_HEIGHT / 2, height)).toBe(false);
  });
});
