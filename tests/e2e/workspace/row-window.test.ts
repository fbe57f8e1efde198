import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../support/chromium';
import type { RowWindowPage } from './row-window-page';

/**
 * The grid's row window (renderer/src/workspace/use-row-window.ts) as the browser runs it — its scroll events, its
 * ResizeObserver, the scroll space capped past 470,588 rows — on a page of its own (row-window-page.ts: the hook, the
 * grid's elements and grid.css, no app), where a test can change the grid's height or its rows' count between two frames
 * and put a scroll and a call in one task. What is checked is what a user sees: which row is first under the header.
 */
const MILLION = 1_000_000;
const css = readFileSync(new URL('../../../renderer/src/styles/grid.css', import.meta.url), 'utf8');
/** The grid as tall as the workspace's at 1400 × 900; shorter by ten rows while the detail panel shares the window. */
const TALL = 700;
const SHORT = TALL - 10 * 34;

describe('the grid’s row window in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let script: string;
  beforeAll(async () => {
    const bundle = await build({
      entryPoints: [fileURLToPath(new URL('./row-window-page.ts', import.meta.url))],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'chrome120',
      define: { 'process.env.NODE_ENV': '"production"' },
    });
    script = bundle.outputFiles[0]!.text;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  /** A page with a grid of `count` rows, `TALL` px high, measured and rendered. */
  async function open(count: number): Promise<Page> {
    const page = await context.newPage();
    await page.setContent(
      `<!doctype html><html><head><style>${css} body { margin: 0 } #root { display: flex; height: ${TALL}px }</style></head>` +
        `<body><div id="root"></div><script>window.rowCount = ${count}</script><script>${script}</script></body></html>`,
    );
    await page.locator('.grid-body [role="row"]').first().waitFor();
    await frames(page);
    return page;
  }

  /** Lets the page run a few frames: scroll events, the ResizeObserver's reports and the renders they bring. */
  const frames = (page: Page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(done)))));

  /** The first row under the header, as laid out on screen (and its cell says so), with its top's distance from the header's bottom. */
  async function firstUnderHeader(page: Page): Promise<{ index: number; offset: number }> {
    const first = await page.evaluate(() => {
      const grid = document.querySelector('[role="grid"]')!;
      const head = grid.querySelector('.grid-head')!.getBoundingClientRect().bottom;
      const rows = [...grid.querySelectorAll('.grid-body [role="row"]')]
        .map((row) => ({ index: Number(row.getAttribute('aria-rowindex')) - 2, text: row.textContent, box: row.getBoundingClientRect() }))
        .filter((row) => row.box.bottom > head + 0.5)
        .sort((a, b) => a.box.top - b.box.top);
      return rows[0] ? { index: rows[0].index, text: rows[0].text, offset: rows[0].box.top - head } : null;
    });
    expect(first).not.toBeNull();
    expect(first!.text).toBe(String(first!.index));
    return { index: first!.index, offset: first!.offset };
  }

  const scrollTo = async (page: Page, scrollTop: number) => {
    await page.evaluate((top) => (document.querySelector('[role="grid"]')!.scrollTop = top), scrollTop);
    await frames(page);
  };
  const setHeight = async (page: Page, height: number) => {
    await page.evaluate((px) => (document.getElementById('root')!.style.height = `${px}px`), height);
    await frames(page);
  };
  const setCount = async (page: Page, count: number) => {
    await page.evaluate((n) => (window as unknown as { rowWindow: RowWindowPage }).rowWindow.setCount(n), count);
    await frames(page);
  };

  it('keeps the first row in view when a million rows’ grid gets shorter or taller (the detail panel, the window)', async () => {
    const page = await open(MILLION);
    for (const scrollTop of [3_000_000, 8_000_000, 15_500_000]) {
      await scrollTo(page, scrollTop);
      const before = await firstUnderHeader(page);
      // Unanchored, the scale's change moved the view by ~6 rows in the middle of the list (skeptic of 495c664).
      expect(before.index, `scrolled to ${scrollTop}`).toBeGreaterThan(Math.floor((scrollTop * 2) / 34));
      await setHeight(page, SHORT);
      expect((await firstUnderHeader(page)).index, `shorter at ${scrollTop}`).toBe(before.index);
      await setHeight(page, TALL);
      const after = await firstUnderHeader(page);
      expect(after.index, `taller again at ${scrollTop}`).toBe(before.index);
      expect(Math.abs(after.offset - before.offset)).toBeLessThan(34);
    }
    await page.close();
  });

  it('keeps the first row in view when a sync adds or removes rows past the cap, and when a filter takes the list under it', async () => {
    const page = await open(MILLION);
    await scrollTo(page, 8_000_000);
    const middle = await firstUnderHeader(page);
    // A thousand rows more or fewer changed the scale enough to move the view by ~500 rows.
    for (const count of [MILLION + 1_000, MILLION - 1_000, MILLION]) {
      await setCount(page, count);
      expect((await firstUnderHeader(page)).index, `${count} rows`).toBe(middle.index);
    }
    await scrollTo(page, 2_000_000);
    const before = await firstUnderHeader(page);
    // Under the cap (no scale) and back over it.
    for (const count of [300_000, MILLION]) {
      await setCount(page, count);
      expect((await firstUnderHeader(page)).index, `${count} rows`).toBe(before.index);
    }
    await page.close();
  });

  for (const count of [100_000, MILLION]) {
    it(`scrolls to the row asked for when a scroll’s event has not come yet (review24: a keystroke in the frame of a scroll), ${count.toLocaleString('en-US')} rows`, async () => {
      const page = await open(count);
      // The scroll and the call in one task: the scroll's event comes with the next frame, after the call.
      await page.evaluate(() => {
        document.querySelector('[role="grid"]')!.scrollTop = 200 * 34;
        (window as unknown as { rowWindow: RowWindowPage }).rowWindow.scrollToRow(0);
      });
      await frames(page);
      expect(await firstUnderHeader(page)).toEqual({ index: 0, offset: 0 });
      // A scroll of a later frame is the user's own: not undone.
      await page.evaluate(() => (window as unknown as { rowWindow: RowWindowPage }).rowWindow.scrollToRow(0));
      await frames(page);
      await scrollTo(page, 200 * 34);
      expect((await firstUnderHeader(page)).index).toBeGreaterThan(150);
      await page.close();
    });
  }
});
