import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronRuntime = { ok: true; path: string } | { ok: false; reason: string };

/**
 * Finds Electron's runtime for `npm start` the way the `electron` package does (its `path.txt`, `dist/`,
 * `ELECTRON_OVERRIDE_DIST_PATH`), but downloads a missing one with its output captured: without network, or
 * behind a proxy, the package's own download prints a stack trace and throws. Here it becomes one reason.
 */
export function findElectronRuntime(packageDir: string, env: NodeJS.ProcessEnv = process.env, timeoutMs = 10 * 60_000): ElectronRuntime {
  const executable = () => {
    const pathFile = join(packageDir, 'path.txt');
    return existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  };
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(env.ELECTRON_OVERRIDE_DIST_PATH, executable() ?? 'electron');
    return existsSync(path) ? { ok: true, path } : { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH points at ${env.ELECTRON_OVERRIDE_DIST_PATH}, which holds no Electron` };
  }
  const installed = executable();
  if (installed && existsSync(join(packageDir, 'dist', installed))) return { ok: true, path: join(packageDir, 'dist', installed) };
  const download = spawnSync(process.execPath, [join(packageDir, 'install.js')], { cwd: packageDir, env, encoding: 'utf8', timeout: timeoutMs });
  const after = executable();
  if (download.status === 0 && after && existsSync(join(packageDir, 'dist', after))) return { ok: true, path: join(packageDir, 'dist', after) };
  return { ok: false, reason: downloadFailure(download.error, `${download.stderr ?? ''}\n${download.stdout ?? ''}`) };
}

/** The download's failure in a few words (the first error line of its output, never the stack). */
function downloadFailure(error: Error | undefined, output: string): string {
  if (error) return (error as NodeJS.ErrnoException).code === 'ETIMEDOUT' ? 'the download took too long' : error.message;
  const line = output
    .split('\n')
    .map((text) => text.trim())
    .find((text) => /error|failed|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|403|404|407/i.test(text) && !text.startsWith('at '));
  return (line ?? 'the download did not finish').slice(0, 160);
}

/** What `npm start` prints instead of a stack trace when Electron's runtime cannot be had: one short paragraph. */
export function noElectronMessage(reason: string): string {
  return [
    `Budgetly cannot start here: Electron's runtime (about 100 MB, downloaded once on the first \`npm start\`) is not on this computer and could not be downloaded (${reason}).`,
    'With a proxy, set HTTPS_PROXY and try again; with an Electron you already have, set ELECTRON_OVERRIDE_DIST_PATH to its folder.',
    'To click through the app now without Electron, run `npm run preview:browser`: the same app and a local demo org in a Chromium window.',
  ].join(' ');
}
