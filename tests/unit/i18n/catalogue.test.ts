import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources } from '../../../electron/contract/i18n/catalogue';
import { catalogueProblems, unusedKeys } from './catalogue-check';

const root = resolve(import.meta.dirname, '../../..');

describe('the i18n catalogue', () => {
  it('has every English key in German, French and Spanish, with the plural forms and placeholders each language needs', () => {
    expect(catalogueProblems(resources)).toEqual([]);
  });

  it('has no key the code never uses', () => {
    expect(unusedKeys(resources.en, root, ['electron', 'renderer/src'], 'electron/contract/i18n/locales')).toEqual([]);
  });

  it('notices a missing key, a missing plural form, an invented key, an empty text and a dropped placeholder', () => {
    const broken = {
      en: { ns: { title: 'Settings', invoices_one: '{{count}} invoice', invoices_other: '{{count}} invoices', greet: 'Hello {{name}}' } },
      fr: { ns: { title: 'Paramètres', invoices_one: '{{count}} facture', invoices_other: '{{count}} factures', greet: 'Bonjour', extra: 'x' } },
      de: { ns: { title: '', invoices_one: '{{count}} Rechnung', invoices_other: '{{count}} Rechnungen' } },
    };
    expect(catalogueProblems(broken)).toEqual([
      'fr: ns:invoices_many is missing (plural form of fr)',
      'fr: ns:greet has placeholders none, English name',
      'fr: ns:extra is not in English',
      'de: ns:greet is missing',
      'de: ns:title is empty',
    ]);
  });

  it('notices a key no source file names', () => {
    const withUnused = { settings: { title: 'Settings', neverShown_one: 'x', neverShown_other: 'y' } };
    expect(unusedKeys(withUnused, root, ['renderer/src/settings'], 'electron/contract/i18n/locales')).toEqual(['settings:neverShown']);
  });
});
