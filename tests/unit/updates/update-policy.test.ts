import { createCoreWords } from '../../../electron/core/i18n/core-words';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connection, UpdatePolicy } from '../../../electron/contract';
import { SettingsService } from '../../../electron/core/settings/settings-service';
import { CHECK_EVERY_MS, FIRST_CHECK_AFTER_MS, RESTART_RECHECK_MS } from '../../../electron/core/updates/update-service';
import { createUpdatesModule } from '../../../electron/core/updates/updates-module';
import type { InstallKind, UpdaterPort } from '../../../electron/core/updates/updater-port';
import { createTestStore, ManualClock, MemoryLogger, RecordingEvents, RecordingShell, tempDir } from '../../support/test-ports';

/** The updater port as Electron would answer it (the real adapter is covered against a local server in integration). */
class ScriptedUpdater implements UpdaterPort {
  checks = 0;
  downloads = 0;
  restarts = 0;
  offer: string | null = '2.0.0';
  readonly downloadPage = 'https://budgetly.example/download';
  constructor(readonly install: InstallKind = 'self') {}
  async check() {
    this.checks++;
    return this.offer ? { version: this.offer } : null;
  }
  async download(onProgress: (progress: { transferred: number; total: number }) => void) {
    this.downloads++;
    onProgress({ transferred: 50, total: 100 });
    onProgress({ transferred: 100, total: 100 });
  }
  restartAndApply() {
    this.restarts++;
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function world(options: { install?: InstallKind; policy?: UpdatePolicy; locked?: UpdatePolicy } = {}) {
  const temp = tempDir('budgetly-update-policy-');
  const settings = new SettingsService(createTestStore(temp.dir));
  if (options.policy) settings.update({ updates: options.policy });
  const clock = new ManualClock();
  const port = new ScriptedUpdater(options.install);
  const running = new Set<string>();
  const shell = new RecordingShell();
  const events = new RecordingEvents();
  const module = createUpdatesModule({
    words: createCoreWords(settings, 'en-US'),
    port,
    currentVersion: '1.0.0',
    settings,
    clock,
    events,
    logger: new MemoryLogger(),
    shell,
    syncs: { sync: () => Promise.reject(new Error('not here')), isRunning: (id) => running.has(id) },
    connections: () => [{ id: 'org-1' } as Connection],
    lockedPolicy: options.locked ? () => options.locked! : undefined,
  });
  cleanups.push(() => {
    module.dispose();
    temp.remove();
  });
  return { module, port, clock, settings, running, shell, events, status: () => module.service.status() };
}
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

describe('when Budgetly looks for updates', () => {
  it('automatic: checks a minute after launch and every four hours, downloads in the background, never restarts on its own', async () => {
    const w = world();
    w.module.start();
    expect(w.port.checks).toBe(0);
    w.clock.advance(FIRST_CHECK_AFTER_MS);
    await flush();
    expect(w.port.checks).toBe(1);
    expect(w.status()).toMatchObject({ state: 'ready', version: '2.0.0', policy: 'automatic' });
    expect(w.events.of('updates.changed').map((status) => status.progress)).toContainEqual({ transferred: 50, total: 100 });
    w.clock.advance(CHECK_EVERY_MS);
    await flush();
    w.clock.advance(CHECK_EVERY_MS);
    await flush();
    expect(w.port.restarts).toBe(0);
  });

  it('keeps checking every four hours while nothing is offered', async () => {
    const w = world();
    w.port.offer = null;
    w.module.start();
    w.clock.advance(FIRST_CHECK_AFTER_MS);
    await flush();
    for (let i = 0; i < 2; i++) {
      w.clock.advance(CHECK_EVERY_MS - 1);
      await flush();
      expect(w.port.checks).toBe(1 + i);
      w.clock.advance(1);
      await flush();
    }
    expect(w.port.checks).toBe(3);
    expect(w.status()).toMatchObject({ state: 'idle', version: null });
  });

  it('notify only: tells about the new version and downloads only when the user asks', async () => {
    const w = world({ policy: 'notify' });
    w.module.start();
    w.clock.advance(FIRST_CHECK_AFTER_MS);
    await flush();
    expect(w.status()).toMatchObject({ state: 'available', version: '2.0.0' });
    expect(w.port.downloads).toBe(0);
    await w.module.handlers['updates.download'](undefined);
    expect(w.status()).toMatchObject({ state: 'ready' });
  });

  it('off: never checks in the background; switching back on checks again', async () => {
    const w = world({ policy: 'off' });
    w.module.start();
    w.clock.advance(FIRST_CHECK_AFTER_MS + CHECK_EVERY_MS);
    await flush();
    expect(w.port.checks).toBe(0);
    w.settings.update({ updates: 'automatic' });
    w.clock.advance(FIRST_CHECK_AFTER_MS);
    await flush();
    expect(w.port.checks).toBe(1);
  });

  it('a machine-wide policy fixes the setting: locked off refuses even a manual check', async () => {
    const w = world({ policy: 'automatic', locked: 'off' });
    expect(w.status()).toMatchObject({ policy: 'off', lockedBy: 'policy' });
    w.module.start();
    w.clock.advance(FIRST_CHECK_AFTER_MS);
    await expect(w.module.handlers['updates.check'](undefined)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(w.port.checks).toBe(0);
  });

  it('deb/rpm: says a version is out and links the download page instead of downloading', async () => {
    const w = world({ install: 'manual' });
    const status = await w.module.handlers['updates.check'](undefined);
    expect(status).toMatchObject({ state: 'available', version: '2.0.0', install: 'manual', downloadPage: 'https://budgetly.example/download' });
    expect(w.port.downloads).toBe(0);
    await expect(w.module.handlers['updates.download'](undefined)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await w.module.handlers['updates.openDownloadPage'](undefined);
    expect(w.shell.opened).toEqual(['https://budgetly.example/download']);
  });

  it('a development run says it does not update itself', async () => {
    const w = world({ install: 'none' });
    expect(await w.module.handlers['updates.check'](undefined)).toMatchObject({ install: 'none', state: 'idle' });
    expect(w.status().problem).toMatch(/not installed from a package/);
    expect(w.port.checks).toBe(0);
  });
});

describe('“Restart to update”', () => {
  it('is refused until an update is downloaded', async () => {
    const w = world({ policy: 'notify' });
    await w.module.handlers['updates.check'](undefined);
    expect(() => w.module.handlers['updates.restart'](undefined)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(w.port.restarts).toBe(0);
  });

  it('waits for a running sync to finish, then restarts once', async () => {
    const w = world();
    await w.module.handlers['updates.check'](undefined);
    w.running.add('org-1');
    expect(w.module.handlers['updates.restart'](undefined)).toMatchObject({ restartWaitsFor: 'sync' });
    w.clock.advance(RESTART_RECHECK_MS * 5);
    expect(w.port.restarts).toBe(0);
    w.running.delete('org-1');
    w.clock.advance(RESTART_RECHECK_MS);
    expect(w.port.restarts).toBe(1);
    expect(w.status().restartWaitsFor).toBeNull();
    w.clock.advance(RESTART_RECHECK_MS * 5);
    expect(w.port.restarts).toBe(1);
  });

  it('waits for a running export to finish', async () => {
    const w = world();
    await w.module.handlers['updates.check'](undefined);
    let finish!: () => void;
    const exporting = w.module.trackExport(() => new Promise((resolve) => (finish = () => resolve({ path: '/tmp/x.csv', rows: 3 }))));
    const running = exporting({ connectionId: 'org-1', format: 'csv', columns: ['number'], ids: [], asOf: '2026-12-03' });
    expect(w.module.handlers['updates.restart'](undefined)).toMatchObject({ restartWaitsFor: 'export' });
    w.clock.advance(RESTART_RECHECK_MS * 3);
    expect(w.port.restarts).toBe(0);
    finish();
    await running;
    w.clock.advance(RESTART_RECHECK_MS);
    expect(w.port.restarts).toBe(1);
  });

  it('restarts at once when nothing is running', async () => {
    const w = world();
    await w.module.handlers['updates.check'](undefined);
    w.module.handlers['updates.restart'](undefined);
    expect(w.port.restarts).toBe(1);
  });
});
