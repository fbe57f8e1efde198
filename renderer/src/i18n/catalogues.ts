import type { LanguageCatalogue } from '../../../electron/contract/i18n/i18n-instance';
import { resolveLanguage, type Language } from '../../../electron/contract/i18n/languages';
import { en } from '../../../electron/contract/i18n/locales/en';
import { languageShownLast } from './shown-language';

/**
 * The window's catalogues (issue #19, cold start): English (the source and fallback) is in the start-up bundle; German,
 * French and Spanish are chunks of their own, loaded when the window is about to show them — three quarters of the
 * catalogue's bytes stay out of what the page parses before its first rows. The core keeps every language in memory
 * (create-i18n.ts).
 */
const loaders: Record<Exclude<Language, 'en'>, () => Promise<LanguageCatalogue>> = {
  de: () => import('../../../electron/contract/i18n/locales/de').then((m) => m.de),
  fr: () => import('../../../electron/contract/i18n/locales/fr').then((m) => m.fr),
  es: () => import('../../../electron/contract/i18n/locales/es').then((m) => m.es),
};

const loaded = new Map<Language, LanguageCatalogue>([['en', en]]);
const loading = new Map<Language, Promise<LanguageCatalogue>>();

/** English's catalogue and this language's, if it is loaded; null while it is not. */
export function cataloguesFor(language: Language): { en: LanguageCatalogue } & Partial<Record<Language, LanguageCatalogue>> | null {
  const own = loaded.get(language);
  return own ? { en, [language]: own } : null;
}

/** Loads a language's catalogue (once; a failed load is tried again on the next call). */
export function loadCatalogue(language: Language): Promise<LanguageCatalogue> {
  const ready = loaded.get(language);
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(language);
  if (!pending) {
    pending = loaders[language as Exclude<Language, 'en'>]().then(
      (catalogue) => {
        loaded.set(language, catalogue);
        loading.delete(language);
        return catalogue;
      },
      (error: unknown) => {
        loading.delete(language);
        throw error;
      },
    );
    loading.set(language, pending);
  }
  return pending;
}

/**
 * As the page starts, before the settings have answered: the language the window showed last (else the computer's)
 * starts loading, so its words are there by the time the first screen renders.
 */
export function loadLikelyCatalogue(): void {
  loadCatalogue(resolveLanguage(languageShownLast(), navigator.language)).catch(() => undefined);
}
