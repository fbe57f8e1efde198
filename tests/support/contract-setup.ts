import { afterEach } from 'vitest';
import { takeContractMismatches } from './contract-check';

// Vitest setup file (every project): a test during which a test core answered or emitted something
// its contract schema rejects fails, even when the test itself did not look at that value.
afterEach(() => {
  const found = takeContractMismatches();
  if (found.length > 0) throw new Error(`The core broke the IPC contract:\n${found.join('\n')}`);
});
