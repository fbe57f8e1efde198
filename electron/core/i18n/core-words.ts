import { namespaces, type CatalogueT } from '../../contract/i18n/catalogue';
import { createI18n } from '../../contract/i18n/create-i18n';
import { formatLocale, resolveLanguage, type Language } from '../../contract/i18n/languages';
import type { SettingsService } from '../settings/settings-service';

/** The words the core says itself (dialogs, errors, export headers), in the language the user sees now. */
export interface CoreWords {
  /** `t` of the current language: read it at the moment the words are built, so a change in Settings applies at once. */
  readonly t: CatalogueT;
  /** The current language, and the locale numbers and dates are formatted in. */
  language(): Language;
  locale(): string;
}

/**
 * Follows Settings → Language, and the computer's locale when it says 'system' (`identity.locale`, Electron's
 * `app.getLocale()`). The same catalogue as the renderer; nothing here knows Electron.
 */
export function createCoreWords(settings: Pick<SettingsService, 'get'>, systemLocale: string): CoreWords {
  const i18n = createI18n('en');
  const fixed = new Map<Language, CatalogueT>();
  const language = () => resolveLanguage(settings.get().language, systemLocale);
  return {
    get t() {
      const current = language();
      let t = fixed.get(current);
      if (!t) {
        t = i18n.getFixedT(current, namespaces);
        fixed.set(current, t);
      }
      return t;
    },
    language,
    locale: () => formatLocale(settings.get().language, systemLocale),
  };
}
