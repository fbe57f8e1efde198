import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { formatLocale, resolveLanguage } from '../../../electron/contract/i18n/languages';

describe('which language and formats Budgetly uses', () => {
  it('follows the computer when Settings say "Same as my computer", and English when it speaks none of ours', () => {
    expect(resolveLanguage('system', 'de-DE')).toBe('de');
    expect(resolveLanguage('system', 'fr_CA')).toBe('fr');
    expect(resolveLanguage('system', 'es-419')).toBe('es');
    expect(resolveLanguage('system', 'ja-JP')).toBe('en');
    expect(resolveLanguage('system', '')).toBe('en');
  });

  it('takes the language chosen in Settings over the computer’s', () => {
    expect(resolveLanguage('fr', 'de-DE')).toBe('fr');
    expect(resolveLanguage('en', 'de-DE')).toBe('en');
  });

  it('formats in the computer’s own region when it speaks the shown language, else in the language’s usual one', () => {
    expect(formatLocale('system', 'de-AT')).toBe('de-AT');
    expect(formatLocale('en', 'en-GB')).toBe('en-GB');
    expect(formatLocale('de', 'en-GB')).toBe('de-DE');
    expect(formatLocale('system', 'ja-JP')).toBe('en-US');
    expect(formatLocale('system', 'de_CH')).toBe('de-CH');
    // German amounts as a German accountant writes them.
    expect(new Intl.NumberFormat(formatLocale('de', 'en-US'), { style: 'currency', currency: 'EUR' }).format(1234.56)).toBe('1.234,56\u00a0€');
  });

  it('speaks each language at once, with English for nothing', () => {
    expect(createI18n('de').t('settings:title')).toBe('Einstellungen');
    expect(createI18n('fr').t('settings:title')).toBe('Paramètres');
    expect(createI18n('es').t('settings:title')).toBe('Configuración');
    expect(createI18n('en').t('couldNotStart', { reason: 'disk <full>' })).toBe('Budgetly could not start: disk <full>');
  });

  it('refuses a misspelled key at compile time', () => {
    const t = createI18n('en').t;
    // @ts-expect-error 'settings:titel' is not a key of the catalogue: typecheck fails if this line ever compiles.
    expect(t('settings:titel')).toBe('titel'); // at run time the screen would show the bare key
  });
});
