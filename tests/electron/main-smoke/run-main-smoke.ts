import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What the smoke child (child.mjs) saw the main process do; its fields are listed in child.mjs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON from the child process
export type MainSmoke = any;

/**
 * Starts a built main-process bundle under Node with the stand-in Electron (main-smoke/child.mjs), as a
 * packaged app (FAKE_ELECTRON_PACKAGED), and returns what it did. `resources` must hold app-update.yml.
 */
export async function runMainSmoke(options: { bundle: string; userData: string; resources: string; argv: string[]; env?: NodeJS.ProcessEnv }): Promise<MainSmoke> {
  const { stdout } = await run(process.execPath, [join(import.meta.dirname, 'child.mjs'), options.bundle, ...options.argv], {
    env: {
      ...process.env,
      FAKE_ELECTRON_USER_DATA: options.userData,
      FAKE_ELECTRON_PACKAGED: '1',
      FAKE_ELECTRON_RESOURCES: options.resources,
      XDG_CACHE_HOME: join(options.userData, 'cache'),
      BUDGETLY_DEMO_ORG_URL: '',
      ...options.env,
    },
    timeout: 60_000,
  });
  const line = stdout.split('\n').find((entry) => entry.startsWith('SMOKE '));
  if (!line) throw new Error(`The main process did not start:\n${stdout}`);
  return JSON.parse(line.slice('SMOKE '.length));
}
