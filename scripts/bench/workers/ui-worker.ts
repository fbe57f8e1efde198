import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { subscribe } from 'node:diagnostics_channel';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Page } from 'playwright-core';
import { openBenchPage } from '../lib/bench-page';
import { bootOf } from '../lib/boot-waterfall';
import { crossingWindows, harnessReplay, type ReadAhead } from '../lib/crossing-windows';
import { electronTimeline } from '../lib/electron-estimate';
import { scrollThrough, someCustomers, sortEachColumn, switchCurrencyView, typeAndClear, visibleColumns, waitForAllRows, waitForRows } from '../lib/ui-actions';
import { profiled } from '../lib/page-profile';
import type { Latency } from '../page/probe-interaction';
import { runWorker, workerInput } from '../lib/worker-io';

/**
 * One app start in Chromium from the prepared offline copy (a fresh core and a fresh browser: a cold
 * start), then, on the same page once every invoice is loaded: search keystrokes, sort clicks and a
 * scroll through every row.
 */
interface Input {
  preparedDir: string;
  /** The prepared copy's connection: the one the app remembers having shown (its localStorage). */
  connectionId: string;
  keyHex: string;
  orgUrl: string;
  /** Search texts typed and deleted again (each key is one sample); customer names from the screen when empty. */
  searches: number;
  /** Scroll step per frame and a cap on frames. */
  scrollStepPx: number;
  scrollMaxFrames: number;
  only?: 'cold-start' | 'currency';
  /** Show-in switches each way (the currency scenario). */
  currencySwitches?: number;
  /** How long to wait for the first rows, and then for every row (default 120 s each; the 1M grid waits longer). */
  waitMs?: number;
  /** The 1M grid (issue #19): the renderer's JS heap after each step, and a result even when not every row loads. */
  heap?: boolean;
}

const input = workerInput<Input>();

/**
 * The core's list windows encoded ahead (electron/core/invoices/read/window-ahead.ts): each runs right after a window is
 * answered, while that answer crosses to the page. Here the crossing is slower (the binding's JSON header and a fetch of
 * its bytes; ~20 ms a 10,000-row window as one JSON string, BENCH_CROSSING=json); in Electron a structured clone of a few ms — so work hidden in the harness's crossing need not be hidden in the app.
 * The Electron model (lib/electron-estimate.ts) places each on the core's thread after the answer it followed.
 */
const readAheads: ReadAhead[] = [];
subscribe('budgetly:list-window-ahead', (message) => readAheads.push({ ms: (message as { ms: number }).ms, endedAt: performance.now() }));

runWorker(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'budgetly-bench-ui-'));
  cpSync(input.preparedDir, dataDir, { recursive: true });
  // Baseline: reading the offline copy's file, nothing else.
  const cacheDir = join(dataDir, 'invoices');
  const cacheFile = join(cacheDir, readdirSync(cacheDir).find((name) => name.endsWith('.cache'))!);
  const readStarted = performance.now();
  const bytes = await readFile(cacheFile);
  const readFileMs = performance.now() - readStarted;
  // The app was used before (it synced this copy): it opens on the connection it remembers, as after a first connect.
  const app = await openBenchPage({ dataDir, keyHex: input.keyHex, orgUrl: input.orgUrl, activeConnection: input.connectionId });
  const heap = input.heap ? await heapProbe(app.page) : null;
  try {
    const startup = await waitForRows(app.page, input.waitMs);
    // BENCH_PAGE_UNTIL=all: the start-up profile or trace goes on until every invoice is loaded.
    const untilAll = process.env.BENCH_PAGE_UNTIL === 'all';
    if (!untilAll) await app.stopStartupProfile?.('cold-start');
    await heap?.sample('first rows');
    // The first rows are painted before the rest of the list has crossed: wait for all of it, then
    // read the figures again (every invoices.list window, the moment the list was complete).
    const loaded = await waitForAllRows(app.page, input.waitMs).catch((error: unknown) => {
      if (!heap) throw error;
      return null;
    });
    if (!loaded) {
      // The 1M grid: what it reached, said with figures (the first rows, rows loaded so far, the heap).
      await heap!.sample('when the wait for every row ended');
      const lists = app.coreCalls.filter((call) => call.channel === 'invoices.list');
      const coreMs = Math.round(lists.reduce((sum, call) => sum + call.ms, 0));
      const unfinished = `not every invoice loaded within ${Math.round((input.waitMs ?? 120_000) / 1000)} s: ${await loadedSoFar(app.page)} (${lists.length} invoices.list windows answered, ${coreMs} ms of it in the core); renderer JS heap ${heap!.text()}`;
      return { coldStartMs: startup.firstRowFrameAt, firstRowInDomMs: startup.firstRowAt, readFileMs, cacheBytes: bytes.length, listCoreMs: app.coreCalls.find((call) => call.channel === 'invoices.list')?.ms ?? null, crossing: app.crossing, heap: heap!.result(), unfinished };
    }
    const listReadAheadMs = readAheads.reduce((total, ahead) => total + ahead.ms, 0);
    const aheads = [...readAheads];
    if (untilAll) await app.stopStartupProfile?.('cold-start');
    await heap?.sample('every row');
    const listCores = app.coreCalls.filter((call) => call.channel === 'invoices.list' || call.channel === 'invoices.listColumns');
    const listCore = listCores[0];
    const listPage = startup.listCalls[0];
    const pages = loaded.listCalls;
    // Each answer's clone, its halves apart: the core's thread serializes, the page's deserializes (the Electron model).
    const clones = app.listAnswers.map((answer) => {
      const started = performance.now();
      const bytes = serialize(answer);
      const serialized = performance.now();
      deserialize(bytes);
      return { serializeMs: serialized - started, deserializeMs: performance.now() - serialized };
    });
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    const structuredCloneMs = sum(clones.map((clone) => clone.serializeMs + clone.deserializeMs));
    const timeline = crossingWindows(loaded, listCores, aheads, clones);
    const replay = harnessReplay(loaded, listCores, aheads);
    // BENCH_ESTIMATE_DIR=<dir>: the Electron model's input, window by window, and its result, to check by hand.
    const estimateDir = process.env.BENCH_ESTIMATE_DIR;
    if (estimateDir && timeline) writeFileSync(join(estimateDir, `timeline-${process.pid}.json`), JSON.stringify({ allRowsAt: loaded.allRowsAt, listCalls: loaded.listCalls, input: timeline, result: electronTimeline(timeline), replay }, null, 1));
    const result: Record<string, unknown> = {
      coldStartMs: startup.firstRowFrameAt,
      firstRowInDomMs: startup.firstRowAt,
      /** Navigation → the workspace has every invoice (totals, search, sort and export available). */
      allRowsMs: loaded.allRowsAt,
      readFileMs,
      cacheBytes: bytes.length,
      /** The first window: core time (including waiting for the start-up warm-up load), page round trip, crossing. */
      listCoreMs: listCore?.ms ?? null,
      listPageMs: listPage?.ms ?? null,
      listTransferMs: listPage && listCore ? listPage.ms - listCore.ms : null,
      listJsonChars: listPage?.chars ?? null,
      /** How the windows crossed (lib/crossing.ts: binary or json). */
      crossing: app.crossing,
      /** Every window: calls, rows, crossing (page round trips minus core time), JSON size and bytes fetched beside it in all. */
      listCalls: pages.length,
      listRows: sum(pages.map((call) => call.rows)),
      listTransferAllMs: pages.length === listCores.length ? sum(pages.map((call) => call.ms)) - sum(listCores.map((call) => call.ms)) : null,
      listJsonCharsAll: sum(pages.map((call) => call.chars)),
      listBytesAll: sum(pages.map((call) => call.bytes)),
      /** Navigation → invoices.list asked (the app's boot), and first window answered → first row in the DOM (renderer work). */
      listAskedAtMs: listPage?.startedAt ?? null,
      boot: await bootOf(app.page, startup),
      renderAfterListMs: listPage && startup.firstRowAt !== null ? startup.firstRowAt - (listPage.startedAt + listPage.ms) : null,
      structuredCloneMs,
      /** The core's windows read ahead while an answer crossed (until every invoice was loaded), in all. */
      listReadAheadMs,
      /** "Every invoice loaded" laid out as Electron would run it, window by window (null: calls and answers did not pair up). */
      electronTimeline: timeline ? electronTimeline(timeline) : null,
      /** The model fed the harness's own crossing instead of the clone: it should come to `allRowsMs` (the model's check). */
      harnessReplayMs: replay ? electronTimeline(replay).allRowsMs : null,
      rows: listPage?.rows ?? null,
    };
    if (input.only === 'cold-start') return heap ? { ...result, heap: heap.result() } : result;
    if (input.only === 'currency') return { ...result, currency: await switchCurrencyView(app.page, input.currencySwitches ?? 20) };
    const names = await someCustomers(app.page, input.searches);
    const search: Latency[] = [];
    await profiled(app.page, 'search', async () => {
      for (const name of names) search.push(...(await typeAndClear(app.page, name.slice(0, 6).toLowerCase())));
    });
    // Beside a trace or profile: each keystroke's text and latency, to find the slow ones in it.
    const traceDir = process.env.BENCH_PAGE_TRACE ?? process.env.BENCH_PAGE_PROFILE;
    if (traceDir) writeFileSync(join(traceDir, `search-${process.pid}.keys.json`), JSON.stringify(keystrokes(names, search), null, 1));
    await heap?.sample('search');
    const columns = await visibleColumns(app.page);
    const sort = await profiled(app.page, 'sort', () => sortEachColumn(app.page, columns));
    await heap?.sample('sort');
    const scroll = await profiled(app.page, 'scroll', () => scrollThrough(app.page, input.scrollStepPx, input.scrollMaxFrames));
    await heap?.sample('scroll');
    return { ...result, search, sort, scroll, ...(heap ? { heap: heap.result() } : {}) };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/** Each keystroke's search text (typed, then deleted one key at a time) beside its latency. */
function keystrokes(names: string[], search: Latency[]): { text: string; commitMs: number; frameMs: number; summaryFrameMs?: number }[] {
  const texts = names.flatMap((name) => {
    const typed = name.slice(0, 6).toLowerCase();
    return [...[...typed].map((_, i) => typed.slice(0, i + 1)), ...[...typed].map((_, i) => typed.slice(0, typed.length - i - 1))];
  });
  const tenth = (ms: number) => Math.round(ms * 10) / 10;
  return search.map((latency, i) => ({
    text: texts[i] ?? '?',
    commitMs: tenth(latency.commitMs),
    frameMs: tenth(latency.frameMs),
    ...(latency.summaryFrameMs !== undefined && { summaryFrameMs: tenth(latency.summaryFrameMs) }),
  }));
}

/** The page's JS heap in use (Chrome DevTools Protocol, Runtime.getHeapUsage), sampled after each step; MiB. */
async function heapProbe(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const samples: { step: string; usedMiB: number }[] = [];
  const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
  return {
    async sample(step: string) {
      const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      samples.push({ step, usedMiB: mib(usedSize) });
    },
    text: () => samples.map((s) => `${s.step} ${s.usedMiB} MiB`).join(', '),
    result: () => ({ maxMiB: Math.max(...samples.map((s) => s.usedMiB)), samples }),
  };
}

/** What the workspace says it has loaded so far (its row count), for a wait that ended early. */
async function loadedSoFar(page: Page): Promise<string> {
  const text = await page.evaluate(() => document.querySelector('[data-complete]')?.textContent ?? null).catch(() => null);
  return text === null ? 'no row count on screen' : `the row count says "${text.trim()}"`;
}
