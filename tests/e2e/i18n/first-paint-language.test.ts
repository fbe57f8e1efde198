import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdChannel } from '../../support/held-channel';
import { startHarness, type Harness } from '../../support/harness';

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
