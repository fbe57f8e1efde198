import { defineConfig } from 'vitest/config';

// One command (`npm test`) runs every level that can run on this machine.
// Integration and e2e tests start their own servers on 127.0.0.1 and stop them.
// Every result and event of a test core is checked against the contract (tests/support/contract-check.ts).
const setupFiles = ['tests/support/contract-setup.ts'];
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', setupFiles, include: ['tests/unit/**/*.test.ts'], testTimeout: 10_000 } },
      { test: { name: 'integration', setupFiles, include: ['tests/integration/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      { test: { name: 'e2e', setupFiles, include: ['tests/e2e/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000 } },
      { test: { name: 'electron', setupFiles, include: ['tests/electron/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      { test: { name: 'security', setupFiles, include: ['tests/security/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      { test: { name: 'packaging', setupFiles, include: ['tests/packaging/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000 } },
      { test: { name: 'bench', setupFiles, include: ['tests/bench/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000 } },
    ],
  },
});
