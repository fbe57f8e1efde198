import i18next, { type i18n } from 'i18next';
import { resources, namespaces, type SourceCatalogue } from './catalogue';
import { sourceLanguage, type Language } from './languages';

declare module 'i18next' {
  // Typed keys: `t('settings:title')` or `useTranslation('settings').t('title')` must name a key of the English catalogue.
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: SourceCatalogue;
    keySeparator: false;
  }
}

/**
 * An i18next instance speaking `language`, ready at once (the catalogue is in memory, nothing loads).
 * Keys are flat (`keySeparator: false`); `ns:key` names another namespace. Plurals use i18next's suffixes
 * (`_one`, `_other`, and `_many` where a language has it) chosen by `Intl.PluralRules`. Values are not
 * HTML-escaped: React escapes what it renders, and core words go to native dialogs and files.
 */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: language,
    fallbackLng: sourceLanguage,
    supportedLngs: Object.keys(resources),
    ns: namespaces,
    defaultNS: 'common',
    keySeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}
