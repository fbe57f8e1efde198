import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { namespaces } from '../../../electron/contract/i18n/catalogue';
import { updateTexts as wordsIn } from '../../../electron/core/updates/update-texts';

const updateTexts = wordsIn(createI18n('en').getFixedT('en', namespaces));
import { createLocalUpdater } from '../../support/local-updater';
import { createTestCore, type TestCore } from '../../support/test-core';
import { MemoryLogger, tempDir } from '../../support/test-ports';
import { sha512Base64, startUpdateServer, type Release } from '../../support/update-server';

const artifact = randomBytes(3 * 1024 * 1024 + 17);
const release = (version: string, overrides: Partial<Release> = {}): Release => ({
  version,
  fileName: `Budgetly-${version}.AppImage`,
  bytes: artifact,
  ...overrides,
});

/**
 * The update flow as the user sees it in Settings (`updates.*` through the core's IPC door), over
 * electron-updater's own provider, metadata parsing and sha512-verified download (tests/support/local-updater.ts),
 * against a local update server serving latest-linux.yml and the artifact.
 */
describe('updates from a local update server', () => {
  let temp: ReturnType<typeof tempDir>;
  let server: Awaited<ReturnType<typeof startUpdateServer>>;
  let app: TestCore;
  let pendingDir: string;
  const savedAppImage = process.env.APPIMAGE;

  const launch = async (currentVersion: string, policy: 'automatic' | 'notify' = 'notify') => {
    const updater = createLocalUpdater({ dir: temp.dir, feedUrl: server.url, currentVersion, logger: new MemoryLogger() });
    pendingDir = updater.pendingDir;
    app = createTestCore({ updater: updater.port, version: currentVersion });
    await app.call('settings.set', { updates: policy });
  };
  const downloaded = () => (existsSync(pendingDir) ? readdirSync(pendingDir).filter((name) => name.endsWith('.AppImage')) : []);

  beforeEach(async () => {
    temp = tempDir('budgetly-updates-');
    server = await startUpdateServer(release('1.1.0'));
  });
  afterEach(async () => {
    await app?.dispose();
    await server.down();
    temp.remove();
    if (savedAppImage === undefined) delete process.env.APPIMAGE;
    else process.env.APPIMAGE = savedAppImage;
  });

  it('offers a newer version, downloads it with progress, verifies it and offers “Restart to update”', async () => {
    await launch('1.0.0');
    const checked = await app.call('updates.check');
    expect(checked.value).toMatchObject({ state: 'available', version: '1.1.0', currentVersion: '1.0.0', install: 'self', problem: null });
    expect(downloaded()).toEqual([]);

    const ready = await app.call('updates.download');
    expect(ready.value).toMatchObject({ state: 'ready', version: '1.1.0', problem: null });
    const [file] = downloaded();
    expect(sha512Base64(readFileSync(join(pendingDir, file!)))).toBe(sha512Base64(artifact));
    const progress = app.events.emitted.filter((entry) => entry.event === 'updates.changed').map((entry) => (entry.payload as { progress: unknown }).progress);
    expect(progress).toContainEqual({ transferred: artifact.length, total: artifact.length });
  });

  it('downloads on its own when updates are automatic', async () => {
    await launch('1.0.0', 'automatic');
    const checked = await app.call('updates.check');
    expect(checked.value).toMatchObject({ state: 'ready', version: '1.1.0' });
    expect(downloaded()).toHaveLength(1);
  });

  it('ignores the same version and an older one', async () => {
    await launch('1.1.0', 'automatic');
    expect((await app.call('updates.check')).value).toMatchObject({ state: 'idle', version: null, problem: null });
    server.setRelease(release('1.0.5'));
    expect((await app.call('updates.check')).value).toMatchObject({ state: 'idle', version: null, problem: null });
    expect(server.requests.filter((path) => path.endsWith('.AppImage'))).toEqual([]);
  });

  it('rejects and deletes a download whose sha512 does not match the metadata', async () => {
    await launch('1.0.0');
    server.setRelease(release('1.1.0', { sha512: sha512Base64(Buffer.from('another file')) }));
    await app.call('updates.check');
    const result = await app.call('updates.download');
    expect(result.value).toMatchObject({ state: 'available', version: '1.1.0', problem: updateTexts.integrityFailed });
    expect(downloaded()).toEqual([]);
    expect(existsSync(pendingDir) ? readdirSync(pendingDir).filter((name) => name.startsWith('temp-')) : []).toEqual([]);
    await expect(app.call('updates.restart')).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('changes nothing when the server is down or answers garbage', async () => {
    await launch('1.0.0');
    await app.call('updates.check');
    const offered = (await app.call('updates.status')).value;

    server.setMode({ kind: 'garbage', body: '<html>502 Bad Gateway</html>\n: : :' });
    expect((await app.call('updates.check')).value).toMatchObject({ state: 'available', version: '1.1.0', problem: updateTexts.metadataBroken });
    server.setMode({ kind: 'garbage', body: 'version: [not a version\nfiles: 7' });
    expect((await app.call('updates.check')).value).toMatchObject({ state: 'available', version: '1.1.0' });
    expect((await app.call('updates.status')).value.problem).not.toBeNull();

    await server.down();
    const down = (await app.call('updates.check')).value;
    expect(down).toMatchObject({ state: 'available', version: '1.1.0', lastCheckedAt: offered.lastCheckedAt, problem: updateTexts.checkFailed });
    expect(downloaded()).toEqual([]);
  });

  it('a fresh launch that cannot reach the server stays up to date, with a calm note', async () => {
    await server.down();
    await launch('1.0.0', 'automatic');
    expect((await app.call('updates.check')).value).toMatchObject({ state: 'idle', version: null, lastCheckedAt: null, problem: updateTexts.checkFailed });
  });

  it('starts a download cut off mid-way again cleanly, and the second one is verified', async () => {
    await launch('1.0.0');
    await app.call('updates.check');
    server.setMode({ kind: 'cut', times: 1 });
    const cut = (await app.call('updates.download')).value;
    expect(cut).toMatchObject({ state: 'available', problem: updateTexts.downloadFailed });
    expect(existsSync(pendingDir) ? readdirSync(pendingDir) : []).toEqual([]);

    const again = (await app.call('updates.download')).value;
    expect(again).toMatchObject({ state: 'ready', problem: null });
    const [file] = downloaded();
    expect(createHash('sha512').update(readFileSync(join(pendingDir, file!))).digest('base64')).toBe(sha512Base64(artifact));
  });
});
