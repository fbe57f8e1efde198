import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`), headless, with the flags this closed network needs. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless unless `headed` (the browser preview shows its window). `ownSignals`: the caller closes Chromium on
 * Ctrl+C itself (Playwright would otherwise kill it and exit the process with 130 before the caller cleans up).
 * `browserUi`: keep Chromium's own window UI (NO_BROWSER_UI below); on by default only for a headed window, which a
 * person looks at. Headless, the app's page runs as in an Electron window, which has none of it.
 */
export function launchChromium(options: { headed?: boolean; ownSignals?: boolean; browserUi?: boolean; args?: readonly string[] } = {}): Promise<Browser> {
  const browserUi = options.browserUi ?? options.headed === true;
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: !options.headed,
    ...(options.ownSignals ? { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false } : {}),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu', '--no-first-run', ...(browserUi ? [] : NO_BROWSER_UI), ...(options.args ?? [])],
  });
}

/**
 * Chromium's own window UI that headless Chromium (the "new" headless, a full browser) still builds as it starts: the
 * address bar's popup, reload button and toolbar as WebUI pages, preloaded in a "top chrome" renderer of their own. A
 * Chrome trace of the bench's cold start (2026-12-05) showed that renderer running ~2 s of tasks in the first 2 s
 * after the app's navigation, beside the app's page, on this 2-core machine. An Electron window has none of it.
 */
export const NO_BROWSER_UI = ['--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup,WebUIReloadButton,WebUIToolbar'];
