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
