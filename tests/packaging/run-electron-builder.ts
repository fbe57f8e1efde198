import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const root = resolve(import.meta.dirname, '../..');

/**
 * Runs electron-builder from the repository with its electron-builder.yml, never publishing and never signing
 * (no certificate here), against the given Electron distribution; on failure, the error carries the log's tail.
 */
export async function runElectronBuilder(args: string[], options: { electronDist: string; output: string; env?: Record<string, string> }): Promise<void> {
  const config = [`-c.electronDist=${options.electronDist}`, `-c.directories.output=${options.output}`];
  await run('npx', ['electron-builder', ...args, '--publish', 'never', ...config], {
    cwd: root,
    env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false', ...options.env },
    maxBuffer: 32 * 1024 * 1024,
  }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
    const tail = `${error.stdout ?? ''}\n${error.stderr ?? ''}`.split('\n').filter((line) => !line.includes('duplicate dependency')).slice(-20);
    throw new Error(`electron-builder failed: ${error.message}\n${tail.join('\n')}`);
  });
}
