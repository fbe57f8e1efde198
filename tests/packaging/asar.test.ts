import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractAll, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMainSmoke } from '../electron/main-smoke/run-main-smoke';
import { loadableModules } from './loadable-modules';
import { expectSecurityFuses } from './packaged-checks';
import { root, runElectronBuilder } from './run-electron-builder';
import { writeStubElectronDist } from './stub-electron';

/**
 * Packages the built app with electron-builder (`--dir`, Linux) against a stub Electron binary,
 * then opens the asar and the binary's fuse wire to check what users would get.
 */
describe('the packaged app', () => {
  const work = mkdtempSync(join(tmpdir(), 'budgetly-pack-'));
  const output = join(work, 'dist');
  let files: string[] = [];
  let executable = '';
  let unpacked = '';
  // The asar extracted: the packaged app's files and nothing else (no node_modules above it).
  const app = join(work, 'app');

  beforeAll(async () => {
    if (!existsSync(join(root, 'out/main/index.js'))) throw new Error('Build first: npm run build');
    const electronDist = join(work, 'electron-dist');
    writeStubElectronDist(electronDist);
    await runElectronBuilder(['--linux', 'dir'], { electronDist, output });
    unpacked = join(output, 'linux-unpacked');
    files = listPackage(join(unpacked, 'resources/app.asar'), { isPack: false }).map((file) => file.replaceAll('\\', '/'));
    executable = join(unpacked, 'budgetly');
    extractAll(join(unpacked, 'resources/app.asar'), app);
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds the built main process, preload and renderer', () => {
    expect(files).toContain('/out/main/index.js');
    expect(files).toContain('/out/preload/index.cjs');
    expect(files).toContain('/out/renderer/index.html');
    expect(files).toContain('/package.json');
    expect(files.some((file) => file.startsWith('/node_modules/jsforce/'))).toBe(true);
    expect(files).toContain('/node_modules/electron-updater/out/main.js');
  });

  it('tells the updater where updates come from (resources/app-update.yml, generic provider of electron-builder.yml)', () => {
    const config = readFileSync(join(unpacked, 'resources/app-update.yml'), 'utf8');
    expect(config).toMatch(/^provider: generic$/m);
    expect(config).toMatch(/^url: https:\/\/updates\.budgetly\.example\/desktop\/?$/m);
    expect(config).toMatch(/^updaterCacheDirName: \S+$/m);
  });

  it('holds no sources, tests, local org or devDependencies', () => {
    const forbidden = [/^\/tests\//, /^\/electron\//, /^\/renderer\//, /^\/scripts\//, /\.map$/, /\/org\//];
    for (const pattern of forbidden) expect(files.filter((file) => pattern.test(file))).toEqual([]);
    for (const dev of ['oidc-provider', 'vitest', 'playwright-core', '@faker-js', 'react', 'react-dom', 'electron', 'typescript', '@jetstreamapp']) {
      expect(files.filter((file) => file.startsWith(`/node_modules/${dev}/`))).toEqual([]);
    }
  });

  it('carries exactly the packages its main process can load, and every one it can load', async () => {
    // Resolved from the extracted asar alone: a package the app needs but the asar lacks is an error here.
    const { packages } = await loadableModules(app);
    const packed = files.flatMap((file) => /^\/((?:node_modules\/(?:@[^/]+\/)?[^/]+\/)+)package\.json$/.exec(file)?.[1]?.slice(0, -1) ?? []);
    expect(packed.sort()).toEqual(packages);
    expect(packages).toContain('node_modules/jsforce');
  });

  it('leaves out the production packages and files the app never loads (jsforce’s CLI, prompts, browser builds, sources)', () => {
    // Each listed in electron-builder.yml `files`; none is reached from the main process (test above).
    const neverLoaded = ['inquirer', 'ora', 'commander', 'open', 'chalk', 'rxjs', 'core-js', 'core-js-pure', '@babel/runtime', '@babel/runtime-corejs3', 'lodash', 'iconv-lite', '@types/node', 'undici-types', 'tslib'];
    for (const name of neverLoaded) expect(files.filter((file) => file.startsWith(`/node_modules/${name}/`))).toEqual([]);
    for (const folder of ['dist', 'browser', 'src', 'bin', 'typings', 'lib/cli']) {
      expect(files.filter((file) => file.startsWith(`/node_modules/jsforce/${folder}/`))).toEqual([]);
    }
    expect(files.filter((file) => /\.(d\.[cm]?ts|ts|map)$/.test(file))).toEqual([]);
    expect(files).toContain('/node_modules/jsforce/lib/connection.js');
  });

  it('starts its main process from the asar’s files alone (stand-in Electron)', async () => {
    const resources = join(work, 'resources');
    mkdirSync(resources);
    // Nothing listens on port 9: the update check fails quickly, the status still answers.
    writeFileSync(join(resources, 'app-update.yml'), 'provider: generic\nurl: http://127.0.0.1:9/\nupdaterCacheDirName: budgetly-updater\n');
    const userData = join(work, 'user-data');
    mkdirSync(userData);
    const link = 'budgetly://connect?name=Packaged&loginUrl=https%3A%2F%2Facme.my.salesforce.com&clientId=PACKED_ID';
    const smoke = await runMainSmoke({ bundle: join(app, 'out/main/index.js'), userData, resources, argv: [link] });
    expect(smoke.loadedUrl).toBe('app://budgetly/index.html');
    expect(smoke.windowOptions.preload).toBe(join(app, 'out/preload/index.cjs'));
    expect(smoke.servedHtml).toBe(true);
    expect(smoke.info).toMatchObject({ ok: true, value: { version: '9.9.9-smoke' } });
    expect(smoke.connections).toEqual({ ok: true, value: [] });
    expect(smoke.updateStatus).toMatchObject({ ok: true, value: { currentVersion: '9.9.9-smoke' } });
    expect(smoke.firstArgvOffer).toMatchObject({ status: 'ready', label: 'Packaged', clientId: 'PACKED_ID' });
  });

  it('flips the security fuses in the Electron binary', async () => {
    await expectSecurityFuses(executable);
  });

  // APPIMAGE_TOOLS_PATH could point at a local copy, but Debian packages no AppImage runtime.
  it.skip('writes latest-linux.yml beside the AppImage (sha512 of its bytes) — skipped offline: electron-builder downloads appimage-12.0.1.7z (the AppImage runtime, mksquashfs) from GitHub; the deb needs fpm, also downloaded', () => {});
});
