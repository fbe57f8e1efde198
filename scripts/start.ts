import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { startOrg } from '../tests/index';
import { findElectronRuntime, noElectronMessage } from './toolchain/electron-runtime';

/**
 * `npm start`: builds and launches the app. On a developer machine it also runs the local
 * Salesforce-compatible org on 127.0.0.1 and offers it in the app as a one-click demo
 * connection — unless a real Salesforce client id is configured (BUDGETLY_CLIENT_ID).
 * The first run downloads Electron's runtime; where that cannot be done (no network, a proxy) it says so in
 * one paragraph and points to `npm run preview:browser` instead of a stack trace.
 */
const require = createRequire(import.meta.url);

async function main(): Promise<void> {
  const runtime = findElectronRuntime(dirname(require.resolve('electron/package.json')));
  if (!runtime.ok) {
    console.error(noElectronMessage(runtime.reason));
    process.exit(1);
  }
  const electronPath = runtime.path;
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
