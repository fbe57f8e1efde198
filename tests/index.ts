/**
 * What code outside the tests (scripts/: the org CLI, `npm start`, the demo, the benchmarks) may use of the
 * tests' world, and nothing else: the local Salesforce org and signing in to it, the headless app (its ports,
 * Chromium, the harness and the Playwright login agent) and the workspace driver. Everything else under tests/
 * is private to the tests and may change with them; the lint (eslint.config.js) lets scripts/ import only this
 * file and its light half, tests/headless.ts (for processes that must not load the org server, Chromium or
 * esbuild). See tests/README.md.
 */
import type {} from './support/harness-bridge'; // window.budgetly and the harness's hooks, typed for page scripts

// The local org (tests/org/README.md) and the one headless sign-in to it.
export { startOrg, type InvoiceObjectName, type OrgOptions } from './org/index.ts';
export * from './headless';

// The headless app: the core's ports without Electron, Debian's Chromium, the static server and the harness.
export { CHROMIUM_PATH, launchChromium } from './support/chromium';
export { startHarness } from './support/harness';
export { PlaywrightLoginAgent } from './support/playwright-login-agent';

// Driving the workspace as a user does (connect the demo org, wait for the sync, read what is shown).
export { connectTestCore } from './support/connect';
export { connectDemo, connectionStatus, readCorporate, readSummary, setAsOf, showInCorporate, visibleCount, waitForSynced } from './e2e/workspace/workspace-driver';
