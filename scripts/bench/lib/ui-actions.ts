import type { Page } from 'playwright-core';
import type { Latency, ScrollFigures } from '../page/probe-interaction';
import type { StartupFigures } from '../page/probe-startup';
import type { ProbeHost } from './bench-page';

/**
 * The measured user actions: real input through Playwright (keyboard, mouse), timed inside the
 * page by the probe from the input event's timestamp to the DOM commit and the next frame.
 */


/** Waits until the first invoice row is painted (the cold start's end). */
export async function waitForRows(page: Page, timeoutMs = 120_000): Promise<StartupFigures> {
  await page.waitForFunction(() => (globalThis as unknown as ProbeHost).__bench.startup.firstRowFrameAt !== null, undefined, { timeout: timeoutMs, polling: 100 });
  return page.evaluate(() => (globalThis as unknown as ProbeHost).__bench.startup);
}

/**
 * Waits until the workspace has every invoice (its row count says data-complete="true"): the first
 * rows are painted before the rest has arrived, and search, sort, scroll and export must measure
 * the whole set, not the first window.
 */
export async function waitForAllRows(page: Page, timeoutMs = 120_000): Promise<StartupFigures> {
  await page.waitForFunction(() => (globalThis as unknown as ProbeHost).__bench.startup.allRowsAt !== null, undefined, { timeout: timeoutMs, polling: 100 });
  return page.evaluate(() => (globalThis as unknown as ProbeHost).__bench.startup);
}

/** Types `text` into the search box one key at a time, then deletes it again; one latency per keystroke. */
export async function typeAndClear(page: Page, text: string): Promise<Latency[]> {
  const samples: Latency[] = [];
  await page.click('#invoice-search');
  let value = await page.inputValue('#invoice-search');
  const keys = [...text].map((ch) => ({ key: ch, next: (v: string) => v + ch }));
  const back = [...text].map(() => ({ key: 'Backspace', next: (v: string) => v.slice(0, -1) }));
  for (const { key, next } of [...keys, ...back]) {
    value = next(value);
    await page.evaluate((expected) => (globalThis as unknown as ProbeHost).__bench.armSearch(expected), value);
    await page.keyboard.press(key);
    samples.push(await page.evaluate(() => (globalThis as unknown as ProbeHost).__bench.settled()));
    // A typist's pause between keys (~8 keys/s) so each keystroke is measured on its own.
    await page.waitForTimeout(120);
  }
  return samples;
}

/** Clicks the sort button of each column in turn (twice: both directions); one latency per click. */
export async function sortEachColumn(page: Page, columns: string[]): Promise<Latency[]> {
  const samples: Latency[] = [];
  for (const column of [...columns, ...columns]) {
    await page.evaluate((name) => (globalThis as unknown as ProbeHost).__bench.armSort(name), column);
    await page.click(`[role="columnheader"][data-column="${column}"] button`);
    samples.push(await page.evaluate(() => (globalThis as unknown as ProbeHost).__bench.settled()));
    await page.waitForTimeout(150);
  }
  return samples;
}

export function scrollThrough(page: Page, stepPx: number, maxFrames: number): Promise<ScrollFigures> {
  return page.evaluate(([step, max]) => (globalThis as unknown as ProbeHost).__bench.scrollThrough(step, max), [stepPx, maxFrames] as const);
}

/** One JS heap reading of the page (Chromium's performance.memory, after a collection when the page may force one), in bytes. */
async function heapBytes(page: Page): Promise<number | null> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usedSize;
  } finally {
    await session.detach();
  }
}

/**
 * "Show in" switched to the corporate currency and back, `times` times (issue #14): one latency per switch each
 * way, and the page's JS heap in the per-currency view and in the corporate one (the conversion adds typed
 * columns beside the rows, never a second copy of them).
 */
export async function switchCurrencyView(page: Page, times: number): Promise<{ toCorporate: Latency[]; toOwn: Latency[]; heapOwn: number | null; heapCorporate: number | null }> {
  const toCorporate: Latency[] = [];
  const toOwn: Latency[] = [];
  const heapOwn = await heapBytes(page);
  let heapCorporate: number | null = null;
  for (let i = 0; i < times; i++) {
    await page.evaluate(() => (globalThis as unknown as ProbeHost).__bench.armShowIn(true));
    await page.selectOption('[data-testid="show-in"]', 'corporate');
    toCorporate.push(await page.evaluate(() => (globalThis as unknown as ProbeHost).__bench.settled()));
    await page.waitForTimeout(150);
    if (i === 0) heapCorporate = await heapBytes(page);
    await page.evaluate(() => (globalThis as unknown as ProbeHost).__bench.armShowIn(false));
    await page.selectOption('[data-testid="show-in"]', 'own');
    toOwn.push(await page.evaluate(() => (globalThis as unknown as ProbeHost).__bench.settled()));
    await page.waitForTimeout(150);
  }
  return { toCorporate, toOwn, heapOwn, heapCorporate };
}

/** Names of the columns on screen, in order. */
export function visibleColumns(page: Page): Promise<string[]> {
  return page.$$eval('[role="columnheader"]', (headers) => headers.map((h) => h.getAttribute('data-column') ?? '').filter(Boolean));
}

/** A customer name from the rows on screen (search text that matches real data). */
export async function someCustomers(page: Page, count: number): Promise<string[]> {
  const names = await page.$$eval('[role="grid"] .grid-body [data-column="customer"]', (cells) => cells.map((c) => c.textContent ?? ''));
  return [...new Set(names.filter((n) => n.length >= 4))].slice(0, count);
}
