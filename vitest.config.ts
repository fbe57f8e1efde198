import { globSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// One command (`npm test`) runs every level that can run on this machine.
// Integration and e2e tests start their own servers on 127.0.0.1 and stop them.
// Every result and event of a test core is checked against the contract (tests/support/contract-check.ts).
const setupFiles = ['tests/support/contract-setup.ts'];
// expect.poll waits for what a user would wait for (a screen, a file, a server's counter). Its default 1 s failed
// e2e tests on a 2-core machine at load ~10–40 (app-start-failures, 2026-12-05) while the app was only slow, not
// wrong; a poll still fails at once on a wrong final value once its time is up, and a test that needs longer says so.
const expectWithRoom = { poll: { timeout: 15_000 } };

const root = fileURLToPath(new URL('.', import.meta.url));
/**
 * A file that needs its modules loaded afresh runs in a process of its own: one that replaces a module (`vi.mock`…: a file
 * before it in a shared process may have loaded the real one), and one that sets the process's time zone (`process.env.TZ`):
 * modules keep what they read of the zone at first use (Intl formatters, local-day.ts's offsets per hour), so in a shared
 * process the file before it would decide the zone it tests (review22: plain-date-and-money passed with plain-date.ts's
 * `timeZone: 'UTC'` removed once detail-field-value ran before it in the worker, and failed detail-field-value when it ran first).
 */
const needsOwnProcess = (file: string) => /\bvi\.(mock|doMock|unmock|resetModules)\(|\bprocess\.env\.TZ\s*=[^=]/.test(readFileSync(`${root}/${file}`, 'utf8'));

/**
 * One level's files run file after file in a worker process that stays (`isolate: false`) instead of a fresh process
 * per file, so the process starts and the files' common imports are evaluated once per worker, not once per file:
 * the core, the local org (oidc-provider, the SOQL parser), playwright-core cost ~1.4–1.6 s of CPU per file on this
 * machine (ci22, 2026-12-06: an e2e file's imports 1.4 s + the fork's start 0.2 s; 8 small e2e files 27–29 s → 17–18 s
 * of CPU, the unit level 73 s → 24 s: BENCHMARKS.md, session 22, ci22). Every file still starts its own org, app,
 * browser and data folder and stops them in its hooks; what the next file of the worker sees is only the modules'
 * own state (caches, a set of live login agents that each file empties). A file that replaces modules or sets the time
 * zone runs in a process of its own, in the project "<level> (own process)".
 */
function level(name: string, include: string, options: TestProjectInlineConfiguration['test']): TestProjectInlineConfiguration[] {
  const own = globSync(include, { cwd: root }).filter(needsOwnProcess);
  // …and one Chromium per worker process (tests/support/chromium.ts: shareChromiumInThisProcess).
  const shared = { setupFiles: [...setupFiles, 'tests/support/shared-chromium-setup.ts'], include: [include], ...options };
  return [
    { test: { ...shared, name, exclude: own, isolate: false } },
    ...(own.length > 0 ? [{ test: { ...shared, name: `${name} (own process)`, include: own } }] : []),
  ];
}

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      ...level('unit', 'tests/unit/**/*.test.ts', { testTimeout: 10_000 }),
      ...level('integration', 'tests/integration/**/*.test.ts', { expect: expectWithRoom, testTimeout: 120_000, hookTimeout: 120_000 }),
      ...level('e2e', 'tests/e2e/**/*.test.ts', { expect: expectWithRoom, testTimeout: 180_000, hookTimeout: 180_000 }),
      { test: { name: 'electron', setupFiles, expect: expectWithRoom, include: ['tests/electron/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      ...level('security', 'tests/security/**/*.test.ts', { expect: expectWithRoom, testTimeout: 120_000, hookTimeout: 120_000 }),
      { test: { name: 'packaging', setupFiles, expect: expectWithRoom, include: ['tests/packaging/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000 } },
      { test: { name: 'bench', setupFiles, expect: expectWithRoom, include: ['tests/bench/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000 } },
    ],
  },
});
