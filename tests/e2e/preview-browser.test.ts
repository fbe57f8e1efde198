import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm run preview:browser`, started as a user would (the script itself, in its own process) with `--headless`:
 * it brings up the built app, its core and a local demo org in Chromium, signs in (`--connect`), shows the
 * workspace with the demo org's invoices, and stops cleanly on Ctrl+C (SIGINT).
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let child: ChildProcess | undefined;

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

function waitForLine(process: ChildProcess, pattern: RegExp, output: string[], timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${output.join('')}`)), timeoutMs);
    const check = () => {
      const match = output.join('').match(pattern);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match);
      }
    };
    process.stdout?.on('data', check);
    process.on('exit', () => {
      clearTimeout(timer);
      const match = output.join('').match(pattern);
      if (match) resolvePromise(match);
      else reject(new Error(`the preview ended before ${pattern}:\n${output.join('')}`));
    });
  });
}

describe('npm run preview:browser (headless smoke test)', () => {
  it('shows the workspace with the demo org’s invoices, then stops on Ctrl+C', async () => {
    const output: string[] = [];
    child = spawn(process.execPath, ['--import', 'tsx', 'scripts/preview-browser.ts', '--headless', '--connect', '--invoices', '180'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    await waitForLine(child, /Budgetly preview: the app in Chromium with a demo org at http:\/\/127\.0\.0\.1:\d+/, output, 60_000);
    const [, total, shown] = await waitForLine(child, /Workspace ready: (\d+) invoices \((\d+) shown\)/, output, 120_000);
    expect(Number(total)).toBe(180);
    expect(Number(shown)).toBe(180);

    const exited = new Promise<number | null>((done) => child!.on('exit', (code) => done(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output.join('')).toContain('Budgetly preview stopped.');
  });
});
