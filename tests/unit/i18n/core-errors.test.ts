import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract';
import { namespaces } from '../../../electron/contract/i18n/catalogue';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { coreErrors } from '../../../electron/contract/i18n/locales/en/coreErrors';
import { coreMessages } from '../../../electron/contract/i18n/locales/en/coreMessages';
import { createMessageSpeaker, englishMessage, type CoreMessageKey } from '../../../electron/contract/i18n/spoken-messages';
import { listenForRedirect } from '../../../electron/core/auth/loopback-listener';
import { loginErrorFor, parseRedirect } from '../../../electron/core/auth/redirect';
import { speakingErrors } from '../../../electron/core/i18n/core-messages';
import { createDispatcher } from '../../../electron/core/ipc/dispatcher';
import { retriesExhausted, toSyncError } from '../../../electron/core/invoices/sync/sync-faults';
import { POLICY_TEXT } from '../../../electron/core/policy/policy-text';
import { toAppError } from '../../../electron/core/salesforce/salesforce-errors';

type Language = 'en' | 'de' | 'fr' | 'es';
const tOf = (language: Language) => createI18n(language).getFixedT(language, namespaces);
const speakerIn = (language: Language) => createMessageSpeaker(() => tOf(language));
const salesforceError = (errorCode: string, message: string) => Object.assign(new Error(message), { name: 'ErrorResponse', errorCode });

describe('the core’s error messages in the user’s language', () => {
  it('says every core message in each language with its values in place (no message is mistaken for another)', () => {
    const keys = [...Object.keys(coreMessages), ...Object.keys(coreErrors)] as CoreMessageKey[];
    const source: Record<string, string> = { ...coreMessages, ...coreErrors };
    for (const language of ['de', 'fr', 'es'] as const) {
      const say = speakerIn(language);
      const t = tOf(language) as unknown as (key: string, values: Record<string, string>) => string;
      for (const key of keys) {
        const names = [...source[key]!.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
        const values = Object.fromEntries(names.map((name, i) => [name, `«value ${i + 1}»`]));
        const namespace = key in coreErrors ? 'coreErrors' : 'coreMessages';
        const said = say(englishMessage(key, values));
        expect(said, `${language} ${key}`).toBe(t(`${namespace}:${key}`, values));
        for (const value of Object.values(values)) expect(said, `${language} ${key}`).toContain(value);
      }
    }
  });

  it('a refused sign-in in German, French and Spanish: same code, Salesforce’s own words kept', () => {
    const denied = (() => {
      try {
        return parseRedirect('http://localhost:1717/callback?state=s1&error=access_denied', { redirectUri: 'http://localhost:1717/callback', state: 's1' });
      } catch (error) {
        return error as AppError;
      }
    })() as AppError;
    expect(denied.code).toBe('ACCESS_DENIED');
    expect(speakerIn('de')(denied.message)).toBe('Sie haben den Zugriff nicht erlaubt, deshalb ist Budgetly nicht verbunden. Melden Sie sich erneut an, um es noch einmal zu versuchen.');
    const unknownClient = loginErrorFor('invalid_client_id', 'client identifier   invalid');
    expect(unknownClient.code).toBe('LOGIN_FAILED');
    expect(unknownClient.message).toBe('Salesforce does not recognise this app’s client id. Check the connection settings. Salesforce says: client identifier invalid');
    expect(speakerIn('fr')(unknownClient.message)).toBe(
      'Salesforce ne reconnaît pas l’identifiant client de cette application. Vérifiez les paramètres de la connexion. Message de Salesforce : client identifier invalid',
    );
    expect(speakerIn('es')(loginErrorFor('server_error', null).message)).toBe('Salesforce no pudo completar el inicio de sesión (server_error).');
  });

  it('a Salesforce refusal and a sync that gave up, in German, the numbers and codes filled in', () => {
    const limit = toSyncError(salesforceError('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'));
    expect(limit.code).toBe('SALESFORCE_LIMIT');
    expect(speakerIn('de')(limit.message)).toBe(
      'Diese Org hat ihre Salesforce-API-Anfragen vorerst aufgebraucht. Versuchen Sie es später erneut. Salesforce meldet: TotalRequests Limit exceeded. Die Synchronisierung wurde beendet; Ihre bisherigen Rechnungen bleiben erhalten.',
    );
    const refused = toAppError(salesforceError('INVALID_FIELD', "No such column 'Foo'"));
    expect(refused.code).toBe('SALESFORCE_ERROR');
    expect(speakerIn('de')(refused.message)).toBe("Salesforce hat die Anfrage abgelehnt (INVALID_FIELD). Salesforce meldet: No such column 'Foo'");
    expect(speakerIn('fr')(retriesExhausted(4, null).message)).toBe(
      'Salesforce n’a pas répondu après 4 tentatives. Vérifiez votre connexion Internet et synchronisez à nouveau ; vos factures précédentes sont conservées.',
    );
  });

  it('the IPC door’s own refusals are said in the user’s language, codes unchanged', async () => {
    const handlers = speakingErrors(
      {
        'app.info': () => {
          throw toAppError(Object.assign(new Error('fetch failed'), { name: 'TypeError' }));
        },
      },
      speakerIn('de'),
    );
    const dispatch = createDispatcher(handlers as never, (url) => url === 'app://budgetly', undefined, speakerIn('de'));
    expect(await dispatch('app.info', undefined, 'https://evil.example')).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Diese Anfrage kam nicht aus dem eigenen Fenster von Budgetly.' },
    });
    expect(await dispatch('nope.nothing', undefined, 'app://budgetly')).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'Unbekannte Anfrage.' } });
    expect(await dispatch('app.info', undefined, 'app://budgetly')).toEqual({
      ok: false,
      error: { code: 'NETWORK', message: 'Salesforce ist nicht erreichbar. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.' },
    });
    const missing = createDispatcher({}, () => true, undefined, speakerIn('es'));
    expect(await missing('app.info', undefined, 'app://budgetly')).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '«app.info» no está disponible en esta versión.' },
    });
  });

  it('the browser sign-in’s answer page speaks the user’s language', async () => {
    const controller = new AbortController();
    const listener = await listenForRedirect({
      redirectUri: 'http://127.0.0.1:1717/callback',
      port: 0,
      state: 's1',
      signal: controller.signal,
      words: { t: tOf('de'), language: () => 'de' },
    });
    try {
      const base = `http://127.0.0.1:${listener.port}`;
      const other = await fetch(`${base}/callback?state=other&code=c`);
      expect(other.status).toBe(400);
      const otherPage = await other.text();
      expect(otherPage).toContain('<html lang="de">');
      expect(otherPage).toContain('<h1>Nicht diese Anmeldung</h1>');
      const done = await (await fetch(`${base}/callback?state=s1&code=c`)).text();
      expect(done).toContain('<h1>Sie sind angemeldet</h1>');
      expect(await listener.redirect).toContain('code=c');
    } finally {
      await listener.close();
    }
  });

  it('the policy file’s refused entry says why in the same language as the rest of the sentence', () => {
    const refused = POLICY_TEXT.badConnection(1, englishMessage('offerBadLoginHost', { why: englishMessage('loginHostHttps') }));
    expect(refused(tOf('de'))).toBe('Verbindung 2 wird nicht angenommen: Die Anmeldeadresse wird nicht akzeptiert: Die Anmeldeadresse muss mit https:// beginnen.');
    expect(refused(tOf('en'))).toBe('connection 2 is not accepted: Its sign-in address is not accepted: The login address must start with https://.');
  });

  it('names inside a message are said too: a hidden payment object, an unmapped invoice field', () => {
    const unreadable = englishMessage('relatedObjectUnreadable', { label: englishMessage('objectCreditMemos'), object: 'CreditMemo' });
    expect(speakerIn('de')(unreadable)).toMatch(/^Gutschriften \(CreditMemo\) /);
    const unmapped = englishMessage('mappingFieldNotFound', { label: englishMessage('fieldDueDate'), object: 'Invoice__c' });
    expect(speakerIn('fr')(unmapped)).toBe('Date d’échéance n’est pas associé : aucun champ correspondant n’a été trouvé sur Invoice__c. Choisissez-en un dans l’association des champs.');
  });
});
