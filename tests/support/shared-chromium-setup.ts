import { shareChromiumInThisProcess } from './chromium';

// Vitest setup file of the levels whose files share a worker process (vitest.config.ts): one Chromium per process.
shareChromiumInThisProcess();
