import i18next, { type i18n } from 'i18next';
import type { Namespace, SourceCatalogue } from './catalogue';
import { sourceLanguage, type Language } from './languages';
import type { Translation } from './translation';

declare module 'i18next' {
  // Typed keys: `t('settings:title')` or `useTranslation('settings').t('title')` must name a key of the English catalogue.
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: SourceCatalogue;
    keySeparator: false;
  }
}

/** Every namespace of one language, as `catalogue.ts` holds it (English's own object satisfies it too). */
export type LanguageCatalogue = { [N in Namespace]: Translation<SourceCatalogue[N]> };

/**
 * An i18next instance speaking `language` from the catalogues given (English, the fallback, among them), ready at
 * once (nothing loads). Keys are flat (`keySeparator: false`); `ns:key` names another namespace. Plurals use i18next's
 * suffixes (`_one`, `_other`, and `_many` where a language has it) chosen by `Intl.PluralRules`. Values are not
 * HTML-escaped: React escapes what it renders, and core words go to native dialogs and files.
 * The core passes every language (`createI18n`); the window passes English and the language it shows, so the
 * other languages' words need not be in its start-up bundle (renderer/src/i18n/catalogues.ts).
 */
export function createI18nWith(language: Language, resources: Partial<Record<Language, LanguageCatalogue>> & { en: LanguageCatalogue }): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: language,
    fallbackLng: sourceLanguage,
    supportedLngs: Object.keys(resources),
    ns: Object.keys(resources.en),
    defaultNS: 'common',
    keySeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}
