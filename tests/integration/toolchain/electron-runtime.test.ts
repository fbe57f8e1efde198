import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronRuntime, noElectronMessage } from '../../../scripts/toolchain/electron-runtime';
import { tempDir } from '../../support/test-ports';

/**
 * `npm start` where Electron's runtime cannot be downloaded: one short paragraph saying so and what to do
 * (pointing to `npm run preview:browser`), never a stack trace. The download is sent to a local mirror that
 * answers 404 (ELECTRON_MIRROR, with an empty download cache), so no test reaches the internet.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
const runtimePresent = existsSync(join(electronDir, 'dist'));
const cache = tempDir('budgetly-electron-cache-');
let mirror: Server;
let offlineEnv: NodeJS.ProcessEnv;

beforeAll(async () => {
  mirror = createServer((_req, res) => res.writeHead(404).end('Not Found'));
  await new Promise<void>((done) => mirror.listen(0, '127.0.0.1', done));
  const { port } = mirror.address() as AddressInfo;
  offlineEnv = { ...process.env, ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, electron_config_cache: cache.dir, ELECTRON_OVERRIDE_DIST_PATH: '' };
  delete offlineEnv.ELECTRON_OVERRIDE_DIST_PATH;
});
afterAll(async () => {
  await new Promise((done) => mirror?.close(done));
  cache.remove();
});

describe('finding Electron’s runtime for npm start', () => {
  it('takes an Electron the developer already has (ELECTRON_OVERRIDE_DIST_PATH) without downloading', () => {
    const dist = tempDir('budgetly-electron-dist-');
    writeFileSync(join(dist.dir, 'electron'), '');
    try {
      expect(findElectronRuntime(electronDir, { ELECTRON_OVERRIDE_DIST_PATH: dist.dir })).toEqual({ ok: true, path: join(dist.dir, 'electron') });
      expect(findElectronRuntime(electronDir, { ELECTRON_OVERRIDE_DIST_PATH: join(dist.dir, 'nothing') })).toMatchObject({ ok: false, reason: expect.stringContaining('holds no Electron') });
    } finally {
      dist.remove();
    }
  });

  it('says what to do in one paragraph, pointing to npm run preview:browser', () => {
    const message = noElectronMessage('HTTPError: Response code 404');
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain('could not be downloaded (HTTPError: Response code 404)');
    expect(message).toContain('npm run preview:browser');
  });

  it.skipIf(runtimePresent)('npm start without a runtime that can be downloaded prints that paragraph, no stack trace, and exits 1', async () => {
    // Asynchronously: the mirror answering the download lives in this process.
    const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts'], { cwd: root, env: offlineEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: string[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    const status = await new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    expect(status).toBe(1);
    const printed = chunks.join('').trim();
    expect(printed).toMatch(/^Budgetly cannot start here: Electron's runtime .* could not be downloaded \(.*404.*\)\..*npm run preview:browser/);
    expect(printed.split('\n')).toHaveLength(1);
    expect(printed).not.toMatch(/^\s+at /m);
    // Nothing was started: no demo org line.
    expect(printed).not.toContain('Demo org running');
  });
});
