import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AppErrorValue } from '../../electron/contract';
import type { LoginAgent } from '../../electron/core/ports';
import { launchChromium } from './chromium';
import { serveStatic } from './static-server';
import { createTestCore, type TestCore, type TestCoreOptions } from './test-core';
import { ChromiumPdfPrinter } from './chromium-pdf-printer';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_DIR = join(root, 'out/renderer');
export const SCREENSHOT_DIR = join(root, 'test-results/screenshots');

export interface HarnessOptions extends Omit<TestCoreOptions, 'rendererUrl' | 'loginAgent'> {
  /** Share one Chromium between harnesses of a test file; launched (and closed) by the harness otherwise. */
  browser?: Browser;
  /** Builds the login agent once the browser context exists (e.g. the Playwright login agent). */
  loginAgent?: (context: BrowserContext) => LoginAgent;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  timezoneId?: string;
  locale?: string;
  /** Channels that answer with this error instead of reaching the core, from the page's first call (see `Harness.failing`). */
  failing?: Record<string, AppErrorValue>;
  /** A script run in the page before the app's own (e.g. a test's MutationObserver watching the start-up). */
  initScript?: string;
  /** Runs once the context and the core exist, before the page navigates (e.g. a test's routes for the app's own files). */
  beforeNavigate?: (context: BrowserContext, testCore: TestCore) => Promise<void>;
}

export interface Harness {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  testCore: TestCore;
  /** Channels answering with an error instead of the core's answer: delete one to let its next call through. */
  failing: Map<string, AppErrorValue>;
  /** Where the renderer is served (the only trusted sender). */
  url: string;
  /** Saves a PNG under test-results/screenshots/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

let bridgeScript: Promise<string> | undefined;

/** The page-side bridge, bundled once per process from the same contract the preload uses. */
function harnessBridgeScript(): Promise<string> {
  bridgeScript ??= build({
    entryPoints: [join(root, 'tests/support/harness-bridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
  }).then((result) => result.outputFiles[0]!.text);
  return bridgeScript;
}

/**
 * The whole app minus the Electron shell: the built renderer in Debian Chromium, `window.budgetly`
 * built from the contract, and every call routed to the real core through the same dispatcher
 * (sender check, zod validation, typed errors) that the main process uses.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('The renderer is not built: run `npx electron-vite build` (npm test does it first).');
  }
  const server = await serveStatic(RENDERER_DIR);
  const ownBrowser = !options.browser;
  const browser = options.browser ?? (await launchChromium());
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1400, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    timezoneId: options.timezoneId,
    locale: options.locale ?? 'en-US',
    acceptDownloads: false,
  });
  const testCore = createTestCore({
    ...options,
    rendererUrl: `${server.url}/index.html`,
    loginAgent: options.loginAgent?.(context),
    // Statements print in the harness's own Chromium (a fresh context per page, JavaScript off).
    pdfPrinter: options.pdfPrinter ?? new ChromiumPdfPrinter(browser),
  });
  const failing = new Map(Object.entries(options.failing ?? {}));
  await context.exposeBinding('__budgetlyInvoke', (source, channel: unknown, input: unknown) => {
    const error = typeof channel === 'string' ? failing.get(channel) : undefined;
    return error ? { ok: false, error } : testCore.core.dispatch(channel, input, source.frame.url());
  });
  await context.addInitScript({ content: await harnessBridgeScript() });
  if (options.initScript) await context.addInitScript({ content: options.initScript });
  await options.beforeNavigate?.(context, testCore);
  const page = await context.newPage();
  const stopForwarding = testCore.events.listen((event, payload) => {
    for (const open of context.pages()) {
      open.evaluate(([name, value]) => window.__budgetlyEmit?.(name, value), [event, payload] as const).catch(() => {});
    }
  });
  await page.goto(`${server.url}/index.html`);
  return {
    browser,
    context,
    page,
    testCore,
    failing,
    url: server.url,
    async screenshot(name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
    async close() {
      stopForwarding();
      await context.close().catch(() => {});
      if (ownBrowser) await browser.close().catch(() => {});
      await server.close();
      await testCore.dispose();
    },
  };
}
