import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/test-ports';
import { startUpdateServer } from '../support/update-server';
import { runMainSmoke, type MainSmoke } from './main-smoke/run-main-smoke';

const root = resolve(import.meta.dirname, '../..');

/**
 * The BUILT main process (out/main/index.js, as electron-builder ships it) started under Node with a
 * stand-in for the `electron` module (no binary can exist here): proves the composition root wires
 * the window, the app:// protocol, the security handlers, the IPC door into the real core, and the updater
 * (electron-updater's `autoUpdater`, as packaged: resources/app-update.yml pointing at a local update server).
 */
describe('the built main process, started against a stand-in Electron', () => {
  const userData = tempDir('budgetly-smoke-');
  let smoke: MainSmoke;
  let updates: Awaited<ReturnType<typeof startUpdateServer>>;

  beforeAll(async () => {
    const bundle = join(root, 'out/main/index.js');
    if (!existsSync(bundle)) throw new Error('Build first: npm run build');
    updates = await startUpdateServer({ version: '10.0.0', fileName: 'Budgetly-10.0.0.AppImage', bytes: randomBytes(64 * 1024) });
    const resources = join(userData.dir, 'resources');
    mkdirSync(resources);
    writeFileSync(join(resources, 'app-update.yml'), `provider: generic\nurl: ${updates.url}\nupdaterCacheDirName: budgetly-updater\n`);
    writeFileSync(join(userData.dir, 'Budgetly.AppImage'), 'running version');
    const firstLaunchLink = 'budgetly://connect?name=From%20argv&loginUrl=https%3A%2F%2Facme.my.salesforce.com&clientId=ARGV_ID';
    smoke = await runMainSmoke({
      bundle,
      userData: userData.dir,
      resources,
      argv: [firstLaunchLink],
      env: { APPIMAGE: join(userData.dir, 'Budgetly.AppImage') },
    });
  });
  afterAll(async () => {
    await updates?.down();
    userData.remove();
  });

  it('opens one sandboxed, isolated window on app://budgetly with the bundled preload', () => {
    expect(smoke.sandboxEnabled).toBe(true);
    expect(smoke.loadedUrl).toBe('app://budgetly/index.html');
    expect(smoke.windowOptions).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(smoke.windowOptions.preload).toBe(join(root, 'out/preload/index.cjs'));
    expect(existsSync(smoke.windowOptions.preload)).toBe(true);
  });

  it('serves the renderer over a secure standard scheme (V8 may cache its compiled code) and nothing outside its folder', () => {
    expect(smoke.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
    expect(smoke.servedStatus).toBe(200);
    expect(smoke.servedHtml).toBe(true);
    expect(smoke.escapedStatus).toBe(404);
    // pdf.js's worker runs under the policy its script is served with: nothing allowed (no eval, no fetch).
    expect(smoke.workerStatus).toBe(200);
    expect(smoke.workerPolicy).toBe("default-src 'none'");
    expect(smoke.pagePolicyHeader).toBeNull(); // the page keeps its <meta> policy only
  });

  it('denies permissions, new windows and navigation away, and sends https links to the OS browser', () => {
    expect(smoke.permissionHandlers).toBeGreaterThanOrEqual(2);
    expect(smoke.newWindow).toEqual({ action: 'deny' });
    expect(smoke.openedExternally).toEqual(['https://example.com/']);
    expect(smoke.blocksForeignNavigation).toBe(true);
    expect(smoke.allowsAppNavigation).toBe(true);
    expect(smoke.menu).toBe(true);
    // The stand-in Electron reports a German computer: the app's own menu words are German.
    expect(smoke.menuLabels).toEqual(['Ansicht']);
  });

  it('answers the renderer through one IPC door: typed results, FORBIDDEN for other frames, INVALID_INPUT for bad input', () => {
    expect(smoke.channels).toEqual(['budgetly:invoke']);
    expect(smoke.info).toEqual({
      ok: true,
      value: { version: '9.9.9-smoke', platform: process.platform, secretProtection: 'basic_text', systemLocale: 'de-DE', demo: null, builtInClientIds: { default: null, sandbox: null, byLoginHost: {} } },
    });
    expect(smoke.connections).toEqual({ ok: true, value: [] });
    expect(smoke.forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(smoke.invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('hands budgetly:// links to the core from the first argv, open-url and a second instance, registered as the scheme’s handler', () => {
    expect(smoke.protocolClients).toEqual(['budgetly']);
    expect(smoke.firstArgvOffer).toMatchObject({ status: 'ready', source: 'link', label: 'From argv', loginUrl: 'https://acme.my.salesforce.com', clientId: 'ARGV_ID' });
    expect(smoke.openUrlPrevented).toBe(true);
    expect(smoke.openUrlOffer).toMatchObject({ status: 'ready', label: 'From open-url', loginUrl: 'https://test.salesforce.com', clientId: 'URL_ID' });
    // The stand-in Electron's computer is German (app.getLocale() 'de-DE'): the core says why in German.
    expect(smoke.secondInstanceOffer).toMatchObject({ status: 'refused', message: expect.stringMatching(/Benutzernamen oder ein Passwort/) });
    expect(smoke.connections).toEqual({ ok: true, value: [] });
  });

  it('hands wake-ups from sleep to the core (one powerMonitor “resume” listener)', () => {
    expect(smoke.resumeListeners).toBe(1);
  });

  it('updates through electron-updater: reads the packaged feed, downloads the newer version, offers “Restart to update”', () => {
    expect(smoke.updateStatus).toMatchObject({ ok: true, value: { currentVersion: '9.9.9-smoke', install: 'self', policy: 'automatic', state: 'idle' } });
    expect(smoke.updateCheck).toMatchObject({ ok: true, value: { state: 'ready', version: '10.0.0', problem: null } });
  });
});
