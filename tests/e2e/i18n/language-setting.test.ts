import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, poll, startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';

/** Settings → Language: the computer's language by default, another one at once when chosen, no restart. */
describe('the app’s language', () => {
  let w: WorkspaceFixture;

  beforeAll(async () => {
    // A German computer (Electron's app.getLocale() and the window's own locale).
    w = await startWorkspace({ connect: true, org: { invoices: 300 }, harness: { locale: 'de-DE', secretProtection: 'os' } });
  });
  afterAll(async () => w?.close());

  const lang = () => w.page.evaluate(() => document.documentElement.lang);
  const protection = () => w.page.getByTestId('secret-protection').textContent();

  /** Every aging value of every card: its text, whether it is cut off, and whether it runs into its neighbour. */
  const agingValues = () =>
    w.page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="aging"]')].map((aging) => {
        const values = [...aging.querySelectorAll<HTMLElement>('.aging-value')];
        const labels = [...aging.querySelectorAll<HTMLElement>('.aging-label')];
        const overlaps = (els: HTMLElement[]) => {
          const boxes = els.map((v) => v.getBoundingClientRect());
          return boxes.slice(1).filter((box, i) => box.left < boxes[i]!.right - 0.5).length;
        };
        return {
          texts: values.map((v) => v.textContent ?? ''),
          labels: labels.map((v) => v.textContent ?? ''),
          clipped: [...values, ...labels].filter((v) => v.scrollWidth > v.clientWidth + 1).length,
          collisions: overlaps(values) + overlaps(labels),
        };
      }),
    );

  it('writes the aging bars’ amounts in German compact notation, five to a card without running into each other', async () => {
    for (const width of [1400, 1024]) {
      await w.page.setViewportSize({ width, height: 900 });
      const cards = await agingValues();
      expect(cards.length).toBeGreaterThan(1);
      for (const card of cards) {
        expect(card.texts).toHaveLength(5);
        expect(card.labels).toEqual(['Nicht fällig', '1–30', '31–60', '61–90', '90+']);
        expect(card.clipped, card.texts.join(' | ')).toBe(0);
        expect(card.collisions, card.texts.join(' | ')).toBe(0);
        // German forms only: "563,8 Tsd. €", "1,4 Mio. €" — never an English "K"/"M" beside them.
        for (const text of card.texts) expect(text).toMatch(/^-?[\d.]+(,\d)?( (Tsd\.|Mio\.|Mrd\.))? \S+$/);
      }
    }
    await w.harness.screenshot('language-de-aging');
    await w.page.setViewportSize({ width: 1400, height: 900 });
  });

  /** Column headers on screen whose text is cut off (wider than the button that shows it). */
  const clippedHeaders = () =>
    w.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[role="columnheader"] .sort-button')]
        .filter((button) => button.scrollWidth > button.clientWidth + 1)
        .map((button) => button.textContent),
    );

  it('names the columns in German without cutting a header off, also beside the open details', async () => {
    await poll(async () => (await w.page.getByRole('columnheader').allTextContents()).map((text) => text.replace(/[▲▼]/, ''))).toEqual(
      expect.arrayContaining(['Rechnungsnr.', 'Kunde', 'Rechnungsdatum', 'Fälligkeit', 'Saldo', 'Tage überfällig']),
    );
    expect(await clippedHeaders()).toEqual([]);
    // The filters and the search speak German too.
    expect(await w.page.getByRole('complementary', { name: 'Filter' }).getByLabel('Nur überfällige').count()).toBe(1);
    expect(await w.page.getByTestId('search').getAttribute('placeholder')).toBe('Nummer oder Kunde suchen (Strg+F)');
    expect(await w.page.getByTestId('sync-button').textContent()).toBe('Synchronisieren');
    expect(await w.page.getByTestId('last-synced').textContent()).toMatch(/^Zuletzt synchronisiert (gerade eben|vor \d+ Minuten?)$/);
    expect(await w.page.getByTestId('export-menu').textContent()).toBe('Exportieren');
    await w.page.getByTestId('invoice-grid').locator('.grid-body [role="row"]').first().click();
    await w.page.getByTestId('detail-panel').waitFor();
    expect(await clippedHeaders()).toEqual([]);
    await w.harness.screenshot('language-de-detail');
    await w.page.keyboard.press('Escape');
  });

  it('speaks the computer’s language when Settings say "Same as my computer"', async () => {
    await poll(lang).toBe('de');
    await poll(protection).toBe('Anmeldungen vom Betriebssystem verschlüsselt');
    // The status line in German, its time in German words.
    await poll(() => w.page.getByTestId('freshness-status').textContent()).toMatch(/^Synchronisiert (gerade eben|vor \d+ Minuten?)/);
    await w.page.getByTestId('open-settings').click();
    const dialog = w.page.getByTestId('settings-dialog');
    await expect.poll(() => dialog.getByRole('heading').first().textContent()).toBe('Einstellungen');
    expect(await dialog.getByRole('radio', { name: 'Wie auf meinem Computer' }).first().isChecked()).toBe(true);
    await w.harness.screenshot('language-de-settings');
    await expectAccessible(w.page, 'settings in German');
  });

  it('switches every word at once when another language is chosen, and keeps it', async () => {
    const dialog = w.page.getByTestId('settings-dialog');
    await dialog.getByTestId('settings-language').getByRole('radio', { name: 'Français' }).check();
    await poll(() => dialog.getByRole('heading').first().textContent()).toBe('Paramètres');
    await poll(lang).toBe('fr');
    await poll(protection).toBe('Connexions chiffrées par votre système d’exploitation');
    await poll(() => w.page.getByTestId('freshness-status').textContent()).toMatch(/^Synchronisé /);
    expect(await dialog.getByTestId('settings-sync-interval').getByRole('radio', { name: 'Toutes les heures' }).count()).toBe(1);
    expect(await dialog.getByRole('button', { name: 'Terminé' }).isVisible()).toBe(true);
    await w.harness.screenshot('language-fr-settings');
    await expectAccessible(w.page, 'settings in French');
    expect(await w.harness.testCore.call('settings.get', undefined)).toMatchObject({ ok: true, value: { language: 'fr' } });

    await dialog.getByTestId('settings-language').getByRole('radio', { name: 'English' }).check();
    await poll(() => dialog.getByRole('heading').first().textContent()).toBe('Settings');
    await dialog.getByTestId('settings-language').getByRole('radio', { name: 'Same as my computer' }).check();
    await poll(() => dialog.getByRole('heading').first().textContent()).toBe('Einstellungen');
    await dialog.getByRole('button', { name: 'Fertig' }).click();
  });
});
