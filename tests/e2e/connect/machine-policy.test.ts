import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result, Settings } from '../../../electron/contract';
import { startOrg, type RunningOrg } from '../../org';
import { launchChromium } from '../../support/chromium';
import { startHarness, type Harness } from '../../support/harness';
import { PlaywrightLoginAgent, signInAndAllow } from '../../support/playwright-login-agent';
import { tempDir } from '../../support/test-ports';
import { expectAccessible, poll } from '../workspace/workspace-fixture';
import { DEMO_CREDENTIALS, waitForSynced } from '../workspace/workspace-driver';

/**
 * IT's machine-wide policy file, in the built renderer: its connection waits on the first screen without the
 * user adding it and signs in with one click; its locked settings show as locked in Settings (with why); and a
 * crafted call from the window itself, through `window.budgetly` (the real contract), cannot unlock them.
 */
describe('the machine-wide policy file', () => {
  const dir = tempDir('budgetly-policy-e2e-');
  const policyFile = join(dir.dir, 'policy.json');
  let org: RunningOrg;
  let browser: Browser;
  let harness: Harness;
  let agent: PlaywrightLoginAgent | undefined;

  beforeAll(async () => {
    org = await startOrg({ invoices: 120, multiCurrency: false });
    writeFileSync(
      policyFile,
      JSON.stringify({
        budgetly: 1,
        connections: [{ name: 'Acme (set up by IT)', loginUrl: org.url, clientId: 'budgetly-demo' }],
        settings: { signInMethod: 'browser', allowWeakStorage: false, syncInterval: { min: 15, max: 60 }, updates: 'notify' },
      }),
      { mode: 0o644 },
    );
    browser = await launchChromium();
    harness = await startHarness({
      browser,
      policyFile,
      secretProtection: 'basic_text',
      extraLoginOrigins: [org.url],
      loginAgent: () => (agent = new PlaywrightLoginAgent(browser)),
    });
  });
  afterAll(async () => {
    await harness?.close();
    await agent?.dispose();
    await browser?.close();
    await org?.stop().catch(() => undefined);
    dir.remove();
  });

  it('its connection is on the first screen without the user adding it, and connects with one click', async () => {
    const section = harness.page.getByTestId('predefined-connections');
    const button = section.getByRole('button', { name: 'Sign in to Acme (set up by IT)' });
    await button.waitFor();
    expect(await section.innerText()).toContain('From your organisation');
    await expectAccessible(harness.page, 'connect screen with a predefined connection');
    const login = agent!.nextPage();
    await button.click();
    const page = await login;
    await signInAndAllow(page, DEMO_CREDENTIALS).catch((e: unknown) => {
      if (!page.isClosed()) throw e;
    });
    await waitForSynced(harness.page, org.control.records('Invoice').length);
    const listed = await harness.testCore.call('connections.list');
    expect(listed.value).toEqual([expect.objectContaining({ label: 'Acme (set up by IT)', status: 'connected', signInMethod: 'browser', fromPolicy: true })]);
  });

  it('Settings shows the locked settings as locked, and says the organisation set them', async () => {
    const page = harness.page;
    await page.getByTestId('open-settings').click();
    const dialog = page.getByTestId('settings-dialog');
    await poll(() => dialog.getByTestId('policy-notice').textContent()).toContain(`managed by your organisation (policy file ${policyFile})`);
    const signIn = dialog.getByTestId('settings-sign-in');
    expect(await signIn.getByLabel('In an app window').isDisabled()).toBe(true);
    expect(await signIn.getByLabel('Use my browser').isChecked()).toBe(true);
    expect(await signIn.innerText()).toContain('Set by your organisation');
    const interval = dialog.getByTestId('settings-sync-interval');
    expect(await interval.getByLabel('Every 5 minutes').isDisabled()).toBe(true);
    expect(await interval.getByLabel(/^Off/).isDisabled()).toBe(true);
    expect(await interval.getByLabel('Every hour').isDisabled()).toBe(false);
    expect(await dialog.getByTestId('settings-weak-storage-locked').textContent()).toBe('Your organisation does not allow weaker storage on this computer.');
    expect(await dialog.getByTestId('settings-weak-storage').count()).toBe(0);
    await poll(() => dialog.getByTestId('settings-updates').getByLabel('Tell me when an update is available').isDisabled()).toBe(true);
    await harness.screenshot('settings-locked-by-policy');
    await expectAccessible(page, 'settings locked by policy');
    await page.keyboard.press('Escape');
  });

  it('a crafted call from the window cannot change a locked setting', async () => {
    const answers = await harness.page.evaluate(async () => [
      await window.budgetly.settings.set({ signInMethod: 'window' }),
      await window.budgetly.settings.set({ allowWeakStorage: true }),
      await window.budgetly.settings.set({ syncInterval: 'off' }),
    ]);
    for (const answer of answers as Result<Settings>[]) expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining(policyFile) } });
    expect((await harness.testCore.call('settings.get')).value).toMatchObject({ signInMethod: 'browser', allowWeakStorage: false, syncInterval: 15 });
    expect(harness.testCore.confirm.asked).toEqual([]);
  });
});
