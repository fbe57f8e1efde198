/** The languages Budgetly speaks. English is the source language: its catalogue defines the keys. */
export const languages = ['en', 'de', 'fr', 'es'] as const;
export type Language = (typeof languages)[number];
export const sourceLanguage: Language = 'en';

/**
 * Settings → Language: follow the computer ('system') or one of the languages. Zod-free (its schema is in
 * models.ts): the renderer imports this module, and zod would come with it into the window's bundle.
 */
export const languageSettings = ['system', ...languages] as const;
export type LanguageSetting = (typeof languageSettings)[number];

/** Each language named in itself (the same in every catalogue, so a user who cannot read the current one still finds theirs). */
export const languageNames: Record<Language, string> = { en: 'English', de: 'Deutsch', fr: 'Français', es: 'Español' };

/** The locale of formats when Budgetly chooses the region itself (the user picked a language other than the computer's). */
const defaultRegion: Record<Language, string> = { en: 'en-US', de: 'de-DE', fr: 'fr-FR', es: 'es-ES' };

function languageOf(locale: string): Language | null {
  const base = locale.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (languages as readonly string[]).includes(base) ? (base as Language) : null;
}

/** The language to show: the chosen one, or the computer's when it is one Budgetly speaks, else English. */
export function resolveLanguage(setting: LanguageSetting, systemLocale: string): Language {
  if (setting !== 'system') return setting;
  return languageOf(systemLocale) ?? sourceLanguage;
}

/**
 * The locale numbers and dates are formatted in (`Intl`). The computer's own locale when it speaks the shown language
 * (de-AT stays de-AT, en-GB keeps day/month), else the language's usual region. A locale `Intl` rejects falls back too.
 */
export function formatLocale(setting: LanguageSetting, systemLocale: string): string {
  const language = resolveLanguage(setting, systemLocale);
  if (languageOf(systemLocale) === language) {
    try {
      const [canonical] = Intl.getCanonicalLocales(systemLocale.replace('_', '-'));
      if (canonical) return canonical;
    } catch {
      // not a well-formed locale tag: the language's usual region below
    }
  }
  return defaultRegion[language];
}
