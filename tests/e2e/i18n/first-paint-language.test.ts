import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdChannel } from '../../support/held-channel';
import { startHarness, type Harness } from '../../support/harness';
import { startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';

/**
 * Cold start (#19) with German words as a chunk: an accountant who chose English on a German computer never sees
 * German while the settings are still on their way (a busy core answers them late) — the window starts in the
 * language it showed last, not the computer's, and loads no German words it will not show.
 */
describe('the first paint’s language', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ locale: 'de-DE', secretProtection: 'os' });
  });
  afterAll(async () => harness?.close());

  it('is the language shown last (English chosen on a German computer) before the settings answer, and no German is loaded', async () => {
    const { page } = harness;
    const set = await page.evaluate(() => (window.budgetly as unknown as { settings: { set: (s: unknown) => Promise<{ ok: boolean }> } }).settings.set({ language: 'en' }));
    expect(set.ok).toBe(true);
    // The app started again in English (what it shows it remembers for its next start).
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => page.getByTestId('app-version').count()).toBe(1);

    // Every language the page's <html> takes, and every German-words chunk it fetches, from the next start on.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __langs: string[] }).__langs = seen;
      new MutationObserver(() => seen.push(document.documentElement.lang)).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    });
    const chunks: string[] = [];
    page.on('request', (request) => {
      if (/\/assets\/de-[^/]*\.js$/.test(request.url())) chunks.push(request.url());
    });

    const held = holdChannel(harness.testCore.core, 'settings.get');
    await page.reload();
    // Something is on screen while the settings are held back (before: nothing until German had loaded, then German).
    await expect.poll(() => page.evaluate(() => document.getElementById('root')!.childElementCount)).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    held.release();
    await expect.poll(() => page.getByTestId('app-version').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.evaluate(() => (window as unknown as { __langs: string[] }).__langs)).not.toContain('de');
    expect(chunks).toEqual([]);
  });
});

/** Settings → Language while the new words are still loading: numbers and dates stay in the words' language until they change together. */
describe('a language switch whose words are still on their way', () => {
  let w: WorkspaceFixture;

  beforeAll(async () => {
    w = await startWorkspace({ connect: true, org: { invoices: 120 } });
  });
  afterAll(async () => w?.close());

  it('keeps the amounts in the shown language’s format (no French amounts among English words), then changes both at once', async () => {
    const { page } = w;
    const balance = page.getByTestId('currency-balance').first();
    await expect.poll(() => balance.textContent()).toMatch(/\d,\d{3}\.\d{2}/);
    const english = await balance.textContent();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let asked = false;
    await page.route(/\/assets\/fr-[^/]*\.js$/, async (route) => {
      asked = true;
      await gate;
      await route.continue();
    });
    await page.getByTestId('open-settings').click();
    const dialog = page.getByTestId('settings-dialog');
    await dialog.getByTestId('settings-language').getByRole('radio', { name: 'Français' }).check();
    // French is chosen and its words are being fetched: the screen has rendered for the new setting.
    await expect.poll(() => asked).toBe(true);
    await expect.poll(async () => (await w.harness.testCore.call('settings.get', undefined)).value).toMatchObject({ language: 'fr' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await dialog.getByRole('heading').first().textContent()).toBe('Settings');
    expect(await balance.textContent()).toBe(english);
    release();
    await expect.poll(() => dialog.getByRole('heading').first().textContent()).toBe('Paramètres');
    await expect.poll(() => balance.textContent()).not.toBe(english);
    expect(await balance.textContent()).toMatch(/\d\u202f?\s?\d{3},\d{2}/);
    await page.unroute(/\/assets\/fr-[^/]*\.js$/);
  });
});
