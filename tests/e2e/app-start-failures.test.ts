import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { startHarness, type Harness } from '../support/harness';

/**
 * What the app needs before any screen (the settings, the saved connections) can fail to load. Each failure is a
 * screen of its own: what failed, why, and "Try again" under the keyboard's focus; never "Loading…" forever, never
 * the first-run screen as if there were no connections.
 */
describe('the app when what it loads at start fails', () => {
  let browser: Browser;
  let harness: Harness | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });
  afterAll(async () => browser?.close());

  it('says the settings could not be loaded and why, and loads them when asked again from the keyboard', async () => {
    harness = await startHarness({ browser, failing: { 'settings.get': { code: 'INTERNAL', message: 'The settings file could not be read.' } } });
    const { page } = harness;
    const failure = page.getByTestId('load-failure');
    await expect.poll(() => failure.textContent()).toContain('could not load your settings');
    expect(await failure.textContent()).toContain('The settings file could not be read.');
    expect(await page.getByText('Loading…').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Try again');
    await harness.screenshot('start-settings-failed');

    // Still failing: asking again shows the failure again (and the button keeps the focus).
    await page.keyboard.press('Enter');
    await expect.poll(() => failure.textContent()).toContain('could not load your settings');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Try again');

    harness.failing.delete('settings.get');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { name: 'Welcome to Budgetly' }).count()).toBe(1);
    expect(await failure.count()).toBe(0);
  });

  it('says the saved connections could not be loaded instead of showing the first-run screen, and loads them on "Try again"', async () => {
    harness = await startHarness({ browser, failing: { 'connections.list': { code: 'INTERNAL', message: 'The connections could not be read.' } } });
    const { page } = harness;
    const failure = page.getByTestId('load-failure');
    await expect.poll(() => failure.textContent()).toContain('could not load your saved connections');
    expect(await failure.textContent()).toContain('The connections could not be read.');
    expect(await page.getByRole('heading', { name: 'Welcome to Budgetly' }).count()).toBe(0);
    await harness.screenshot('start-connections-failed');

    harness.failing.delete('connections.list');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Welcome to Budgetly' }).count()).toBe(1);
    expect(await failure.count()).toBe(0);
  });
});
