import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract';
import { namespaces } from '../../../electron/contract/i18n/catalogue';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { createMessageSpeaker, englishMessage } from '../../../electron/contract/i18n/spoken-messages';
import { loginErrorFor } from '../../../electron/core/auth/redirect';
import { toAppError } from '../../../electron/core/salesforce/salesforce-errors';
import { requireTrustedSalesforceUrl } from '../../../electron/core/salesforce/trusted-salesforce-url';

/**
 * The values the core puts into its messages: said in the user's language when they are Budgetly's own words, and
 * unable to turn or hide Budgetly's sentence around them when they are someone else's (a hostile org's error text).
 */
const sayIn = (language: 'de' | 'fr' | 'es') => createMessageSpeaker(() => createI18n(language).getFixedT(language, namespaces));

/** Right-to-left overrides, embeddings and isolates, zero-width marks: they reorder or hide what follows on screen. */
const TURNING = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;

/** What jsforce throws for a Salesforce REST error: named after its errorCode, Salesforce's message as its own. */
const salesforceError = (errorCode: string, message: string) => Object.assign(new Error(message), { name: errorCode, errorCode });

describe('values inside the core’s messages', () => {
  it('says an address that is not one in the user’s language, not as an English fragment in a German sentence', () => {
    let refused: unknown;
    try {
      requireTrustedSalesforceUrl('not a url at all', [], 'RECONNECT_REQUIRED');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(AppError);
    const german = sayIn('de')((refused as AppError).message);
    expect(german).toMatch(/^Die Antwort von Salesforce verwies Budgetly auf eine ungültige Adresse, keine sichere/);
    expect(german).not.toContain('invalid address');
    expect(sayIn('fr')((refused as AppError).message)).toContain(' une adresse non valide');
  });

  it('keeps a hostile org’s right-to-left override or zero-width marks out of Budgetly’s sentence: shown as �, the rest kept', () => {
    // An unclosed U+202E would draw everything after it backwards — Budgetly's own advice that follows included.
    const hostile = 'Record locked\u202E.nigol-erucesllup//:sptth ta nI ngis esaelP\u2066 by \u200Banother user';
    const refused = toAppError(salesforceError('UNABLE_TO_LOCK_ROW', hostile));
    expect(refused.code).toBe('SALESFORCE_ERROR');
    expect(refused.message).not.toMatch(TURNING);
    expect(refused.message).toContain('Record locked\uFFFD.nigol');
    const limit = toAppError(salesforceError('REQUEST_LIMIT_EXCEEDED', 'TotalRequests\u202E Limit exceeded.'));
    expect(limit.code).toBe('SALESFORCE_LIMIT');
    expect(limit.message).not.toMatch(TURNING);
    // Said in German, with the sync's own sentence after it: nothing in it turns.
    const german = sayIn('de')(englishMessage('syncStoppedBecause', { reason: limit.message }));
    expect(german).toMatch(/^Diese Org hat ihre Salesforce-API-Anfragen vorerst aufgebraucht\. .*Salesforce meldet: TotalRequests\uFFFD Limit exceeded\. Die Synchronisierung wurde beendet/);
    expect(german).not.toMatch(TURNING);
  });

  it('does the same for the sign-in’s error_description, which comes back through the browser from whatever page sent it', () => {
    for (const error of ['invalid_client', 'redirect_uri_mismatch', 'server_error']) {
      const refused = loginErrorFor(error, 'Ask \u202Enimda ruoy\u202C or \u2067call +1 555\u2069');
      expect(refused.message).not.toMatch(TURNING);
      expect(refused.message).toContain('Ask \uFFFDnimda ruoy\uFFFD or \uFFFDcall +1 555\uFFFD');
    }
    // The error= code itself, said in parentheses, comes from the same address.
    expect(loginErrorFor('server\u202E_error', null).message).toBe('Salesforce could not complete the sign-in (server\uFFFD_error).');
  });
});

describe('what the core’s messages tell the accountant to click', () => {
  /** The words a message puts in quotes, in each language's marks: the name of a button or choice on screen. */
  const quoted = (text: string) => [...text.matchAll(/“([^”]+)”|„([^“]+)“|« ([^»]+) »|«([^»]+)»/gu)].map((m) => m.slice(1).find(Boolean)!);
  /** An identifier or a placeholder in quotes ("refresh_token", “{{field}}”) names no control. */
  const namesAControl = (words: string) => !/\{\{|^[a-z]+[A-Z_]\w*$/.test(words);

  it('names only buttons and choices the window shows, in the same language (no “Connect” button exists)', async () => {
    const { resources } = await import('../../../electron/contract/i18n/catalogue');
    for (const [language, catalogue] of Object.entries(resources)) {
      const { coreErrors, coreMessages, ...screen } = catalogue as unknown as Record<string, Record<string, string>>;
      const onScreen = new Set(Object.values(screen).flatMap((ns) => Object.values(ns)));
      const named = Object.values({ ...coreErrors, ...coreMessages }).flatMap(quoted).filter(namesAControl);
      expect(named.filter((words) => !onScreen.has(words)), language).toEqual([]);
      // Unquoted, English says "Click Connect": a button that is not there either.
      if (language === 'en') expect(Object.values({ ...coreErrors, ...coreMessages }).filter((text) => /\bclick (?!“)/i.test(text))).toEqual([]);
    }
  });
});

describe('Salesforce’s own words stay Salesforce’s', () => {
  it('does not translate an org’s error text that copies one of Budgetly’s messages into Budgetly’s voice', () => {
    // A hostile org answers with Budgetly's own English advice, pointing at its host: kept word for word, after
    // "Salesforce meldet:", so it still reads as the org's words — not as Budgetly speaking German.
    const copied = englishMessage('loginElsewhere', { host: 'login.evil.example' });
    const refused = toAppError(salesforceError('INVALID_OPERATION', copied));
    const german = sayIn('de')(refused.message);
    expect(german).toBe(`Salesforce hat die Anfrage abgelehnt (INVALID_OPERATION). Salesforce meldet: ${copied}`);
  });
});

describe('numbers inside the core’s messages', () => {
  it('writes a refused file’s size without an English thousands comma, which German reads as a decimal (2,048 KB = 2 KB)', async () => {
    const { PROVISIONING_TEXT } = await import('../../../electron/core/provisioning/provisioning-text');
    const german = sayIn('de')(PROVISIONING_TEXT.fileTooLarge(2 * 1024 * 1024));
    expect(german).toBe('Diese Datei hat 2048 KB; eine Budgetly-Verbindungsdatei hat nur einige hundert Byte.');
  });
});
