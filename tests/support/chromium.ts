import { chromium, type Browser, type BrowserContext, type LaunchOptions } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`), headless, with the flags this closed network needs. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless unless `headed` (the browser preview shows its window). `ownSignals`: the caller closes Chromium on
 * Ctrl+C itself (Playwright would otherwise kill it and exit the process with 130 before the caller cleans up).
 * `browserUi`: keep Chromium's own window UI (NO_BROWSER_UI below); on by default only for a headed window, which a
 * person looks at. Headless, the app's page runs as in an Electron window, which has none of it.
 */
export function launchChromium(options: { headed?: boolean; ownSignals?: boolean; browserUi?: boolean; args?: readonly string[] } = {}): Promise<Browser> {
  if (sharing && Object.keys(options).length === 0) return lendSharedChromium();
  return chromium.launch(launchOptions(options));
}

function launchOptions(options: Parameters<typeof launchChromium>[0] & object): LaunchOptions {
  const browserUi = options.browserUi ?? options.headed === true;
  return {
    executablePath: CHROMIUM_PATH,
    headless: !options.headed,
    ...(options.ownSignals ? { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false } : {}),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu', '--no-first-run', ...(browserUi ? [] : NO_BROWSER_UI), ...(options.args ?? [])],
  };
}

/**
 * Chromium's own window UI that headless Chromium (the "new" headless, a full browser) still builds as it starts: the
 * address bar's popup, reload button and toolbar as WebUI pages, preloaded in a "top chrome" renderer of their own. A
 * Chrome trace of the bench's cold start (2026-12-05) showed that renderer running ~2 s of tasks in the first 2 s
 * after the app's navigation, beside the app's page, on this 2-core machine. An Electron window has none of it.
 */
export const NO_BROWSER_UI = ['--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup,WebUIReloadButton,WebUIToolbar'];

let sharing = false;
let shared: Promise<Browser> | undefined;

/**
 * From now on, in this process, `launchChromium()` without options lends one Chromium instead of launching one: the
 * test files that run one after another in a vitest worker (vitest.config.ts, `isolate: false`) share it. A launch,
 * a first page and a close cost ~0.6 s of CPU per file (ci22, 2026-12-06: 3.12 → 3.74 s of a whole run's CPU, every
 * process counted, median of 3 pairs at load 9). A caller with options (headed, own signals, the browser's UI, flags)
 * still gets a Chromium of its own; a Chromium that crashed or was closed is launched again at the next call.
 */
export function shareChromiumInThisProcess(): void {
  sharing = true;
}

/**
 * The shared Chromium as a browser of the caller's own: `newContext()`/`newPage()` give fresh contexts (nothing is shared
 * between them: cookies, storage, permissions are a context's), `contexts()` lists the caller's, and `close()` closes
 * those and leaves the browser running for the next file (Playwright ends it when the process exits).
 */
async function lendSharedChromium(): Promise<Browser> {
  shared ??= chromium.launch(launchOptions({})).then((browser) => {
    browser.on('disconnected', () => (shared = undefined));
    return browser;
  });
  const browser = await shared;
  const mine = new Set<BrowserContext>();
  const own = (context: BrowserContext) => {
    mine.add(context);
    context.once('close', () => mine.delete(context));
    return context;
  };
  const lent: Partial<Browser> = {
    newContext: async (options) => own(await browser.newContext(options)),
    newPage: async (options) => {
      const page = await browser.newPage(options);
      own(page.context());
      return page;
    },
    contexts: () => [...mine],
    close: async () => {
      await Promise.all([...mine].map((context) => context.close().catch(() => undefined)));
    },
  };
  return new Proxy(browser, {
    get: (target, key) => {
      if (Object.hasOwn(lent, key)) return lent[key as keyof Browser];
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
