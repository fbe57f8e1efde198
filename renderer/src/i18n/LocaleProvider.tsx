import { useEffect, useMemo, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n } from 'i18next';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { formatLocale, resolveLanguage, type Language, type LanguageSetting } from '../../../electron/contract/i18n/languages';
import { LocaleContext } from './locale-context';

const instances = new Map<Language, i18n>();

/** One ready i18next instance per language: switching hands the tree another instance, so every word changes in the same render. */
function instanceFor(language: Language): i18n {
  let instance = instances.get(language);
  if (!instance) {
    instance = createI18n(language);
    instances.set(language, instance);
  }
  return instance;
}

interface Props {
  /** Settings → Language ('system' until the settings are loaded). */
  setting: LanguageSetting;
  /** The computer's locale (`app.info`'s systemLocale; the window's own until it arrives). */
  systemLocale: string;
  children: ReactNode;
}

/** Words (`useTranslation`) and formats (`useLocale`) in the language of Settings; a change applies at once, no restart. */
export function LocaleProvider({ setting, systemLocale, children }: Props) {
  const language = resolveLanguage(setting, systemLocale);
  const locale = formatLocale(setting, systemLocale);
  const i18n = useMemo(() => instanceFor(language), [language]);
  useEffect(() => {
    // Screen readers and the spell checker read the page in its language.
    document.documentElement.lang = language;
  }, [language]);
  return (
    <I18nextProvider i18n={i18n}>
      <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>
    </I18nextProvider>
  );
}
