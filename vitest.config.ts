import { defineConfig } from 'vitest/config';

// One command (`npm test`) runs every level that can run on this machine.
// Integration and e2e tests start their own servers on 127.0.0.1 and stop them.
// Every result and event of a test core is checked against the contract (tests/support/contract-check.ts).
const setupFiles = ['tests/support/contract-setup.ts'];
// expect.poll waits for what a user would wait for (a screen, a file, a server's counter). Its default 1 s failed
// e2e tests on a 2-core machine at load ~10–40 (app-start-failures, 2026-12-05) while the app was only slow, not
// wrong; a poll still fails at once on a wrong final value once its time is up, and a test that needs longer says so.
const expectWithRoom = { poll: { timeout: 15_000 } };
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', setupFiles, include: ['tests/unit/**/*.test.ts'], testTimeout: 10_000 } },
      { test: { name: 'integration', setupFiles, expect: expectWithRoom, include: ['tests/integration/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      { test: { name: 'e2e', setupFiles, expect: expectWithRoom, include: ['tests/e2e/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000 } },
      { test: { name: 'electron', setupFiles, expect: expectWithRoom, include: ['tests/electron/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      { test: { name: 'security', setupFiles, expect: expectWithRoom, include: ['tests/security/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      { test: { name: 'packaging', setupFiles, expect: expectWithRoom, include: ['tests/packaging/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000 } },
      { test: { name: 'bench', setupFiles, expect: expectWithRoom, include: ['tests/bench/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000 } },
    ],
  },
});
