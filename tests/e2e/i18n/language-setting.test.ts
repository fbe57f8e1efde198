import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, poll, startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';
import { agingValues as agingOf, clippedHeaders as headersCutOff, clippedIn as cutOffIn, placeholdersCutOff } from './text-fit';

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

  const agingValues = () => agingOf(w.page);

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

  const clippedHeaders = () => headersCutOff(w.page);

  it('names the columns in German without cutting a header off, also beside the open details', async () => {
    await poll(async () => (await w.page.getByRole('columnheader').allTextContents()).map((text) => text.replace(/[▲▼]/, ''))).toEqual(
      expect.arrayContaining(['Rechnungsnr.', 'Kunde', 'Rechnungsdatum', 'Fälligkeit', 'Saldo', 'Tage überfällig']),
    );
    expect(await clippedHeaders()).toEqual([]);
    expect(await placeholdersCutOff(w.page)).toEqual([]);
    // The filters and the search speak German too.
    expect(await w.page.getByRole('complementary', { name: 'Filter' }).getByLabel('Nur überfällige').count()).toBe(1);
    expect(await w.page.getByTestId('search').getAttribute('placeholder')).toBe('Nummer, Kunde oder Betrag (Strg+F)');
    expect(await w.page.getByTestId('sync-button').textContent()).toBe('Synchronisieren');
    expect(await w.page.getByTestId('freshness-status').textContent()).toMatch(/^Aktualisiert (gerade eben|vor \d+ Minuten?)/);
    expect(await w.page.getByTestId('export-menu').textContent()).toBe('Exportieren');
    await w.page.getByTestId('invoice-grid').locator('.grid-body [role="row"]').first().click();
    await w.page.getByTestId('detail-panel').waitFor();
    expect(await clippedHeaders()).toEqual([]);
    await w.harness.screenshot('language-de-detail');
    await w.page.keyboard.press('Escape');
  });

  const clippedIn = (selector: string) => cutOffIn(w.page, selector);

  it('shows an invoice’s details in German: its title, amounts, line items and fields, nothing cut off', async () => {
    for (const width of [1400, 1024]) {
      await w.page.setViewportSize({ width, height: 900 });
      const number = await w.page.locator('.grid-body [aria-rowindex="2"] [data-column="number"]').textContent();
      await w.page.locator('.grid-body [aria-rowindex="2"]').click();
      const panel = w.page.getByTestId('detail-panel');
      await panel.getByTestId('detail-lines').waitFor();
      expect(await panel.getByRole('heading', { level: 2 }).textContent()).toBe(`Rechnung ${number}`);
      expect(await panel.getByRole('button', { name: 'Details schließen (Esc)' }).count()).toBe(1);
      expect(await panel.locator('.detail-amounts dt').allTextContents()).toEqual(['Betrag', 'Saldo']);
      expect(await panel.getByTestId('open-in-salesforce').textContent()).toBe('In Salesforce öffnen');
      expect(await panel.getByRole('heading', { level: 3 }).allTextContents()).toEqual(expect.arrayContaining(['Rechnungspositionen', 'Alle Felder']));
      expect(await panel.getByTestId('detail-lines').getByRole('columnheader').allTextContents()).toEqual(['Position', 'Menge', 'Einzelpreis', 'Betrag']);
      expect(await clippedIn('[data-testid="detail-panel"]')).toEqual([]);
      if (width === 1400) {
        await w.harness.screenshot('language-de-detail-panel');
        await expectAccessible(w.page, 'detail panel in German');
      }
      await w.page.keyboard.press('Escape');
      await poll(() => panel.count()).toBe(0);
    }
    await w.page.setViewportSize({ width: 1400, height: 900 });
  });

  it('names the active filters, the row count and the empty list in German, and clears them', async () => {
    const count = w.page.getByTestId('row-count');
    await poll(() => count.textContent()).toBe('300 von 300 Rechnungen');
    await w.page.getByRole('complementary', { name: 'Filter' }).getByLabel('Nur überfällige').check();
    await w.page.getByTestId('search').fill('kein-solcher-kunde');
    const chips = w.page.getByRole('list', { name: 'Aktive Filter' });
    await poll(() => chips.locator('.chip > span').allTextContents()).toEqual(['Suche: „kein-solcher-kunde“', 'Nur überfällige']);
    expect(await chips.getByRole('button', { name: 'Filter Nur überfällige entfernen' }).count()).toBe(1);
    expect(await chips.getByRole('button', { name: 'Alle entfernen' }).count()).toBe(1);
    const empty = w.page.getByTestId('empty-filtered');
    await poll(() => empty.textContent()).toBe('Keine Rechnungen entsprechen diesen Filtern – Filter zurücksetzen');
    await poll(() => count.textContent()).toBe('0 von 300 Rechnungen');
    expect(await clippedIn('[data-testid="filter-chips"]')).toEqual([]);
    await w.harness.screenshot('language-de-empty-filtered');
    await expectAccessible(w.page, 'filters and empty list in German');
    await empty.getByRole('button', { name: 'Filter zurücksetzen' }).click();
    await poll(() => chips.count()).toBe(0);
    await poll(() => count.textContent()).toBe('300 von 300 Rechnungen');
  });

  it('speaks the computer’s language when Settings say "Same as my computer"', async () => {
    await poll(lang).toBe('de');
    await poll(protection).toBe('Anmeldungen vom Betriebssystem verschlüsselt');
    // The status line in German, its time in German words.
    await poll(() => w.page.getByTestId('freshness-status').textContent()).toMatch(/^Aktualisiert (gerade eben|vor \d+ Minuten?)/);
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
    await poll(() => w.page.getByTestId('freshness-status').textContent()).toMatch(/^Mis à jour /);
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
