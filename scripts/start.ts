import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { startOrg } from '../tests/index';

/**
 * `npm start`: builds and launches the app. On a developer machine it also runs the local
 * Salesforce-compatible org on 127.0.0.1 and offers it in the app as a one-click demo
 * connection — unless a real Salesforce client id is configured (BUDGETLY_CLIENT_ID).
 * The first run downloads Electron's runtime (the `electron` package does it on first use).
 */
const require = createRequire(import.meta.url);

async function main(): Promise<void> {
  const electronPath = require('electron') as string;
  const org = process.env.BUDGETLY_CLIENT_ID ? null : await startOrg({ invoices: 5000, multiCurrency: true });
  if (org) console.log(`Demo org running at ${org.url} (user demo@budgetly.test, password budgetly)`);

  const child = spawn('npx', ['electron-vite', 'preview'], {
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_EXEC_PATH: electronPath, ...(org ? { BUDGETLY_DEMO_ORG_URL: org.url } : {}) },
  });
  const stop = async (code: number) => {
    await org?.stop();
    process.exit(code);
  };
  child.on('exit', (code) => void stop(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
