import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UpdaterPort } from '../../../electron/core/updates/updater-port';
import { holdChannel } from '../../support/held-channel';
import { createLocalUpdater } from '../../support/local-updater';
import { MemoryLogger, tempDir } from '../../support/test-ports';
import { startUpdateServer } from '../../support/update-server';
import { poll, startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';

/**
 * Settings → Updates and the status bar's "Update ready — Restart to update", in Chromium, over the real
 * electron-updater adapter and a local update server. The restart itself (quitAndInstall) is the one thing
 * recorded instead of run: it would quit the test and start the downloaded file.
 */
const temp = tempDir('budgetly-update-ui-');
const savedAppImage = process.env.APPIMAGE;
let w: WorkspaceFixture;
let server: Awaited<ReturnType<typeof startUpdateServer>>;
const restarts: string[] = [];

beforeAll(async () => {
  server = await startUpdateServer({ version: '1.4.0', fileName: 'Budgetly-1.4.0.AppImage', bytes: randomBytes(2 * 1024 * 1024) });
  const local = createLocalUpdater({ dir: temp.dir, feedUrl: server.url, currentVersion: '1.3.2', logger: new MemoryLogger() });
  const updater: UpdaterPort = { ...local.port, install: 'self', downloadPage: local.port.downloadPage, restartAndApply: () => void restarts.push('restart') };
  w = await startWorkspace({ org: { invoices: 50 }, harness: { updater, version: '1.3.2' }, connect: true });
  await w.harness.testCore.call('settings.set', { updates: 'notify' });
  // The renderer reads the settings when it starts (only it changes them afterwards): start it again to see this one.
  await w.page.reload();
  await w.page.getByTestId('sync-button').waitFor();
});
afterAll(async () => {
  await w?.close();
  await server?.down();
  temp.remove();
  if (savedAppImage === undefined) delete process.env.APPIMAGE;
  else process.env.APPIMAGE = savedAppImage;
});

describe('updating Budgetly', () => {
  it('Settings shows the policy, checks, downloads with progress and offers “Restart to update”', async () => {
    const { page } = w;
    await page.getByTestId('open-settings').click();
    const section = page.getByTestId('settings-updates');
    await poll(() => section.getByLabel('Tell me when an update is available').isChecked()).toBe(true);
    await poll(() => section.getByTestId('update-summary').textContent()).toBe('You have Budgetly 1.3.2.');

    await section.getByTestId('update-check').click();
    await poll(() => section.getByTestId('update-summary').textContent()).toBe('Budgetly 1.4.0 is available.');
    await section.getByTestId('update-download').click();
    await poll(() => section.getByTestId('update-summary').textContent()).toContain('is downloaded and verified');
    expect(w.harness.testCore.events.of('updates.changed').some((status) => status.state === 'downloading')).toBe(true);
    await poll(() => section.getByTestId('update-restart').isVisible()).toBe(true);
    await w.harness.screenshot('updates-settings-ready');
  });

  it('the status bar says “Update ready” quietly; its “Restart to update” is reached and pressed with the keyboard', async () => {
    const { page } = w;
    await page.keyboard.press('Escape');
    const notice = page.getByTestId('update-ready');
    await poll(() => notice.textContent()).toBe('Update ready — Restart to update');
    const button = notice.getByRole('button', { name: 'Restart to update' });
    // From the top of the page, backwards: the status bar closes the window's tab order.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // Shift+Tab walks back through the top bar's controls (how many depends on what the top bar holds), leaves the page
    // (focus on the body) and comes in again at the very end of the tab order: the status bar's button.
    let before = '';
    for (let i = 0; i < 12 && !(await button.evaluate((el) => el === document.activeElement)); i++) {
      before = await page.evaluate(() => document.activeElement?.tagName ?? '');
      await page.keyboard.press('Shift+Tab');
    }
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(before).toBe('BODY');
    expect(restarts).toEqual([]);
    await page.keyboard.press('Enter');
    await poll(() => restarts.length).toBe(1);
  });

  it('choosing “Never check” in Settings shows at once, while the core saves it, and is saved', async () => {
    const { page } = w;
    // The core's answer to the save is held back (as on a busy machine): the choice must not wait for it.
    const held = holdChannel(w.harness.testCore.core, 'settings.set');
    try {
      await page.getByTestId('open-settings').click();
      const never = page.getByTestId('settings-updates').getByLabel('Never check for updates');
      await never.check();
      expect(await never.isChecked()).toBe(true);
      expect((await w.harness.testCore.call('settings.get')).value.updates).toBe('notify');
    } finally {
      held.release();
    }
    await poll(async () => (await w.harness.testCore.call('settings.get')).value.updates).toBe('off');
    expect(await page.getByTestId('settings-updates').getByLabel('Never check for updates').isChecked()).toBe(true);
  });
});
