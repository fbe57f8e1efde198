import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { serveStatic } from '../../../tests/headless';
import { launchChromium } from '../../../tests/index';
import type { BenchProbe } from '../page/probe';
import { createBenchCore, type BenchCore } from './bench-core';
import { crossingOf, startPartServer, type Crossing } from './crossing';
import { startProfile } from './page-profile';
import { BENCH_DIR, ROOT } from './paths';

/** The built renderer (BENCH_RENDERER_DIR points elsewhere, e.g. an unminified build for profiling). */
export const RENDERER_DIR = process.env.BENCH_RENDERER_DIR ?? join(ROOT, 'out/renderer');

export interface CoreCall {
  channel: string;
  ms: number;
  /** When the dispatch started and ended (the bench's clock, performance.now()): the Electron model places the read aheads by them. */
  startedAt: number;
  endedAt: number;
  /**
   * The harness's packing of the answer on the bench's (the core's) thread: its JSON (`json` crossing: typed arrays as
   * base64), or its JSON header and its parts copied into one body (`binary`, crossing.ts); the model's replay of the
   * harness (crossing-windows.ts).
   */
  jsonMs: number;
  /** invoices.list: the window asked (offset) and its connection. */
  offset?: number;
  connectionId?: string;
}

/**
 * The bench's Chromium: without the browser's own window UI (NO_BROWSER_UI: an Electron window has no address bar;
 * Chromium's preloaded its WebUI beside the app's page as it started). BENCH_BROWSER_UI=1 keeps it, to compare with
 * figures taken before 2026-12-05 (session 13).
 */
function launchBenchChromium(): Promise<Browser> {
  return launchChromium({ browserUi: process.env.BENCH_BROWSER_UI === '1' });
}

/** What a worker holds while it drives the app in Chromium. */
export interface BenchPage {
  page: Page;
  bench: BenchCore;
  /** Core-side time of every call (dispatch: validation + handler), in order. */
  coreCalls: CoreCall[];
  /** Answers of invoices.list, kept to time a structured clone (Electron's IPC) of the same value. */
  listAnswers: unknown[];
  /** How the list's windows crossed to the page (lib/crossing.ts; BENCH_CROSSING). */
  crossing: Crossing;
  /** BENCH_PAGE_PROFILE: stops the page's CPU profile started before navigation and writes it (null: none asked). */
  stopStartupProfile: ((phase: string) => Promise<void>) | null;
  close(): Promise<void>;
}

/** The built preload (out/preload/index.cjs), as the app ships it. */
export const PRELOAD_FILE = join(ROOT, 'out/preload/index.cjs');

/**
 * The shipped preload, run in the page: its `require('electron')` gets a stand-in whose
 * contextBridge defines the global and whose ipcRenderer.invoke goes to the probe's
 * `__budgetlyInvoke` (then to the core). So the page runs exactly the bridge code (and the bytes
 * of it) the app ships; the e2e harness's own esbuild bundle of the bridge is 4× larger (it keeps
 * every zod locale), which would make the measured start-up slower than the app's.
 */
function preloadInPage(): string {
  return `(() => {
  const electron = {
    contextBridge: { exposeInMainWorld: (key, api) => Object.defineProperty(window, key, { value: api, enumerable: true }) },
    ipcRenderer: { invoke: (_door, channel, input) => window.__budgetlyInvoke(channel, input), on: () => undefined },
  };
  const module = { exports: {} };
  (function (require, module, exports) {
${readFileSync(PRELOAD_FILE, 'utf8')}
  })((id) => { if (id === 'electron') return electron; throw new Error('the preload asked for ' + id); }, module, module.exports);
})();`;
}

async function bundle(entry: string): Promise<string> {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120' });
  return result.outputFiles[0]!.text;
}

/**
 * The whole app minus the Electron shell, as the e2e harness builds it (tests/support/harness.ts):
 * the built renderer served on 127.0.0.1, window.budgetly built by the shipped preload (see
 * preloadInPage), every call dispatched by the real core, started as the app starts it (core.start()) right
 * before the page navigates. Differences, for measuring: the core is a fresh
 * instance on `dataDir` (nothing in memory: a cold start reads the offline copy), and the bench's
 * probe is added before the app loads. Answers cross Playwright's exposeBinding as JSON text (stringify in Node, parse
 * in the page), where Electron uses structured clone — the list's windows as columns with their typed arrays' bytes
 * fetched beside it (lib/crossing.ts: `binary`, the default; BENCH_CROSSING=json: all of it as one JSON string); the
 * probe times that crossing for invoices.list. Under `binary` the page's Content-Security-Policy (connect-src 'none')
 * is bypassed so the probe may fetch them (Playwright's bypassCSP); the app itself fetches nothing.
 */
export async function openBenchPage(options: { dataDir: string; keyHex: string; orgUrl: string; moreOrgUrls?: readonly string[]; browser?: Browser; activeConnection?: string }): Promise<BenchPage> {
  if (!existsSync(join(RENDERER_DIR, 'index.html')) || !existsSync(PRELOAD_FILE)) throw new Error('The app is not built: run `npx electron-vite build` (or npm run bench -- --build).');
  const bridge = preloadInPage();
  const probe = await bundle(join(BENCH_DIR, 'page/probe.ts'));
  const server = await serveStatic(RENDERER_DIR);
  const crossing = crossingOf();
  const parts = await startPartServer(crossing);
  const browser = options.browser ?? (await launchBenchChromium());
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US', colorScheme: 'light', bypassCSP: crossing === 'binary' });
  const bench = createBenchCore({ ...options, rendererUrl: `${server.url}/index.html` });
  const coreCalls: CoreCall[] = [];
  const listAnswers: unknown[] = [];
  await context.exposeBinding('__benchInvoke', async (source, channel: string, input: unknown) => {
    const started = performance.now();
    const result = await bench.core.dispatch(channel, input, source.frame.url());
    const endedAt = performance.now();
    const listing = channel === 'invoices.list' || channel === 'invoices.listColumns';
    const asked = listing ? ((input ?? {}) as { offset?: number; connectionId?: string }) : null;
    // JSON text, parsed by the probe: Playwright's own serializer walks every value and is
    // far slower than any IPC (2.3 s for 5,000 invoices here), which would measure Playwright, not the app.
    // A window as columns: its typed arrays (and long texts) as bytes the probe fetches, or as base64 text (crossing.ts).
    const text = parts.pack(channel, result);
    coreCalls.push({ channel, ms: endedAt - started, startedAt: started, endedAt, jsonMs: performance.now() - endedAt, ...(asked ? { offset: asked.offset ?? 0, connectionId: asked.connectionId ?? '' } : {}) });
    if (listing) listAnswers.push(result);
    return text;
  });
  // The probe first: it defines window.__budgetlyInvoke, which the bridge calls.
  await context.addInitScript({ content: probe });
  await context.addInitScript({ content: bridge });
  // The view the app opens on (the App's remembered choice), e.g. 'all' for "All connections".
  if (options.activeConnection) await context.addInitScript((id) => localStorage.setItem('budgetly.activeConnection', id), options.activeConnection);
  const page = await context.newPage();
  // As the Electron shell does (electron/main/index.ts: createCore, core.start(), then the window):
  // start() begins loading the offline copy in parallel with the page, and runs the launch sync.
  const stopStartupProfile = await startProfile(page);
  void bench.core.start();
  await page.goto(`${server.url}/index.html`);
  return {
    page,
    bench,
    coreCalls,
    listAnswers,
    crossing,
    stopStartupProfile,
    async close() {
      await context.close().catch(() => undefined);
      if (!options.browser) await browser.close().catch(() => undefined);
      await server.close();
      await parts.close();
      await bench.core.dispose();
    },
  };
}

/** How page.evaluate reaches the probe (window.__bench). */
export type ProbeHost = { __bench: BenchProbe };
