import { languages, type Language, type LanguageSetting } from '../../../electron/contract/i18n/languages';

// No catalogue here: the page's first module reads the language shown last too (early-formats.ts), before any words load.

/** Where the window remembers the language it showed last (Settings → Language resolved), for its next start. */
const SHOWN_LANGUAGE_KEY = 'budgetly.language';

export function rememberShownLanguage(language: Language): void {
  try {
    localStorage.setItem(SHOWN_LANGUAGE_KEY, language);
  } catch {
    // storage unavailable: the next start loads the language when the settings say it
  }
}

/**
 * The language the window showed last (Settings → Language as it resolved then), else 'system': what the window speaks
 * before the settings have answered. Not the computer's language: someone who chose English on a German computer would
 * see German (and load its words) until the settings arrive, then English.
 */
export function languageShownLast(): LanguageSetting {
  let remembered: string | null = null;
  try {
    remembered = localStorage.getItem(SHOWN_LANGUAGE_KEY);
  } catch {
    // storage unavailable: the computer's language
  }
  return remembered !== null && (languages as readonly string[]).includes(remembered) ? (remembered as Language) : 'system';
}
