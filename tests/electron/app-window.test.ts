import { resolve } from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary';

const binary = findElectronBinary();
const root = resolve(import.meta.dirname, '../..');

if (!binary) {
  console.warn(
    'SKIPPED electron whole-app test: no Electron binary on this machine (set ELECTRON_OVERRIDE_DIST_PATH or run `npx install-electron`).',
  );
}

/** The real app: Electron main process, sandboxed preload, renderer over app://. Runs wherever a binary exists. */
describe.skipIf(!binary)('the Electron app', () => {
  let app: ElectronApplication | undefined;
  afterAll(async () => app?.close());

  it('opens its window and shows the version', async () => {
    app = await electron.launch({ executablePath: binary!, args: [root], env: { ...process.env, BUDGETLY_DEMO_ORG_URL: '' } });
    const page = await app.firstWindow();
    await expect.poll(() => page.getByTestId('app-version').textContent(), { timeout: 30_000 }).toMatch(/^Budgetly \d+\.\d+\.\d+/);
    const exposed = await page.evaluate(() => ({
      hasBridge: typeof window.budgetly?.app?.info === 'function',
      hasRequire: typeof (window as unknown as { require?: unknown }).require,
      hasProcess: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(exposed).toEqual({ hasBridge: true, hasRequire: 'undefined', hasProcess: 'undefined' });
  });
});
