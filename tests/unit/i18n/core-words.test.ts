import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../support/test-core';

describe('words the core says itself', () => {
  let testCore: TestCore | undefined;
  afterEach(async () => testCore?.dispose());

  it('asks about weaker storage in the computer’s language, and answers in the one chosen in Settings as soon as it changes', async () => {
    testCore = createTestCore({ secretProtection: 'basic_text', locale: 'de-DE' });
    expect(await testCore.call('settings.get', undefined)).toMatchObject({ ok: true, value: { language: 'system' } });
    await testCore.call('settings.set', { allowWeakStorage: true });
    expect(testCore.confirm.asked.at(-1)).toMatchObject({ title: 'Anmeldungen mit schwächerem Schutz speichern?', confirm: 'Schwächere Speicherung erlauben' });

    // Declined once, the main process refuses further requests this session: in French now.
    await testCore.call('settings.set', { language: 'fr' });
    expect(await testCore.call('settings.set', { allowWeakStorage: true })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/^Vous avez choisi de garder les connexions uniquement en mémoire/) },
    });
    expect(testCore.core.words.locale()).toBe('fr-FR');
  });

  it('tells the window the computer’s locale, and refuses a language Budgetly does not speak', async () => {
    testCore = createTestCore({ locale: 'es-MX' });
    expect(await testCore.call('app.info', undefined)).toMatchObject({ ok: true, value: { systemLocale: 'es-MX' } });
    expect(await testCore.call('settings.set', { language: 'tlh' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await testCore.call('settings.get', undefined)).toMatchObject({ ok: true, value: { language: 'system' } });
    expect(testCore.core.words.language()).toBe('es');
  });

  it('refuses in the user’s language: the update core’s words', async () => {
    testCore = createTestCore({ locale: 'de-DE' });
    expect(await testCore.call('updates.openDownloadPage', undefined)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Diese Installation wird von Ihrer Paketverwaltung verwaltet: Laden Sie die neue Version von der Budgetly-Website herunter.' },
    });
    await testCore.call('settings.set', { language: 'es' });
    expect(await testCore.call('updates.openDownloadPage', undefined)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Su gestor de paquetes/) } });
  });
});
