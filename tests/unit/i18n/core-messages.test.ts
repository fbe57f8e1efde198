import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract';
import { namespaces } from '../../../electron/contract/i18n/catalogue';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { createMessageSpeaker, englishMessage } from '../../../electron/contract/i18n/spoken-messages';
import { speakingErrors } from '../../../electron/core/i18n/core-messages';
import { reconnectRequired, reconnectRequiredValue, untrustedAddressMessage } from '../../../electron/core/salesforce/reconnect-required';

const tOf = (language: 'en' | 'de' | 'fr' | 'es') => createI18n(language).getFixedT(language, namespaces);

describe('core messages in the user’s language', () => {
  it('keeps the records’ and the log’s message in English', () => {
    expect(reconnectRequiredValue('sessionEnded').message).toBe('Your Salesforce session has ended. Reconnect to continue; your downloaded invoices stay available.');
    expect(reconnectRequired('savedMissing').message).toBe('The saved sign-in is missing. Reconnect to continue.');
  });

  it('says a stored English message in the language chosen now, placeholders and all; other messages pass unchanged', () => {
    let language: 'de' | 'es' = 'de';
    const say = createMessageSpeaker(() => tOf(language));
    expect(say(reconnectRequiredValue('signInEnded').message)).toBe(
      'Salesforce hat diese Anmeldung beendet (sie wurde widerrufen oder ist abgelaufen). Melden Sie sich erneut an, um fortzufahren; Ihre heruntergeladenen Rechnungen bleiben verfügbar.',
    );
    expect(say(untrustedAddressMessage('“evil.example”', true))).toMatch(/^Die Antwort von Salesforce verwies Budgetly auf “evil\.example”, keine sichere/);
    expect(say(englishMessage('signOutPending'))).toMatch(/^Sie sind auf diesem Computer abgemeldet/);
    // A refusal that carries another one: both said.
    expect(say(englishMessage('offerBadLoginHost', { why: englishMessage('loginHostPort') }))).toBe(
      'Die Anmeldeadresse wird nicht akzeptiert: Salesforce-Anmeldeadressen verwenden keinen eigenen Port.',
    );
    // An answer over the transport's size limit (fetch-transport.ts), its size kept.
    expect(say(englishMessage('answerTooLarge', { size: '64 MB' }))).toBe(
      'Salesforce hat eine Antwort über 64 MB gesendet, mehr als Budgetly liest. Es wurde nichts geändert; versuchen Sie es später erneut.',
    );
    language = 'es';
    expect(say(englishMessage('signOutPending'))).toMatch(/^Ha cerrado la sesión en este equipo/);
    expect(say('INVALID_FIELD: No such column')).toBe('INVALID_FIELD: No such column');
    language = 'de';
    // The login window's advice when an org signs in elsewhere (built in the main process, said through the same path).
    expect(say(englishMessage('loginElsewhere', { host: 'idp.example.com' }))).toBe(
      'Diese Org leitet die Anmeldung an idp.example.com weiter, das das Anmeldefenster nicht öffnet. Wählen Sie für diese Verbindung „Meinen Browser verwenden“ und verbinden Sie sich erneut.',
    );
  });

  it('turns a core message thrown by a handler into the user’s language, same code, the English one kept as its cause', async () => {
    const handlers = speakingErrors(
      {
        refuse: async () => {
          throw reconnectRequired('instanceMoved');
        },
        salesforce: () => {
          throw new AppError('SALESFORCE_ERROR', 'MALFORMED_QUERY: unexpected token');
        },
        fine: (input: number) => input + 1,
      },
      createMessageSpeaker(() => tOf('fr')),
    );
    const refused = await handlers.refuse().catch((e: unknown) => e as AppError);
    expect(refused).toMatchObject({ code: 'RECONNECT_REQUIRED', message: 'Salesforce a déplacé cette connexion vers une autre adresse. Reconnectez-vous pour continuer ; vos factures téléchargées restent disponibles.' });
    expect((refused.cause as AppError).message).toBe('Salesforce moved this sign-in to another address. Reconnect to continue; your downloaded invoices stay available.');
    const failing = speakingErrors(
      {
        save: () => {
          throw new AppError('STORAGE', englishMessage('settingsSaveFailed'));
        },
      },
      createMessageSpeaker(() => tOf('es')),
    );
    await expect(failing.save()).rejects.toMatchObject({ code: 'STORAGE', message: 'Budgetly no pudo guardar su configuración (puede que el disco esté lleno o sea de solo lectura).' });
    await expect(handlers.salesforce()).rejects.toMatchObject({ code: 'SALESFORCE_ERROR', message: 'MALFORMED_QUERY: unexpected token' });
    expect(await handlers.fine(1)).toBe(2);
  });
});
