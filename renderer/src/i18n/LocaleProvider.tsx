import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n } from 'i18next';
import { createI18nWith } from '../../../electron/contract/i18n/i18n-instance';
import { formatLocale, resolveLanguage, sourceLanguage, type Language, type LanguageSetting } from '../../../electron/contract/i18n/languages';
import { cataloguesFor, loadCatalogue } from './catalogues';
import { rememberShownLanguage } from './shown-language';
import { LanguageFailureContext } from './language-failure';
import { LocaleContext } from './locale-context';

const instances = new Map<Language, i18n>();

/** One ready i18next instance per language: switching hands the tree another instance, so every word changes in the same render. */
function instanceFor(language: Language): i18n | null {
  let instance = instances.get(language);
  if (!instance) {
    const resources = cataloguesFor(language);
    if (!resources) return null;
    instance = createI18nWith(language, resources);
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

/**
 * Words (`useTranslation`) and formats (`useLocale`) in the language of Settings; a change applies at once, no restart.
 * A language whose words are not loaded yet (renderer/src/i18n/catalogues.ts) keeps the words on screen until they are,
 * then every word changes in one render: never a mix of two languages, never English first by mistake. Nothing is
 * shown before the first language is there (a few milliseconds at start-up: main.tsx starts loading it at once); if
 * a language cannot be loaded, English, and the status bar says so (language-failure.tsx).
 */
export function LocaleProvider({ setting, systemLocale, children }: Props) {
  const wanted = resolveLanguage(setting, systemLocale);
  const [failed, setFailed] = useState<Language | null>(null);
  const [, setArrived] = useState(0);
  const ready = cataloguesFor(wanted) !== null;
  const [shown, setShown] = useState<Language | null>(ready ? wanted : null);
  // The words on screen follow the wanted language as soon as its catalogue is there (state derived during render).
  if (ready && shown !== wanted) setShown(wanted);
  const language = ready ? wanted : failed === wanted ? sourceLanguage : shown;
  // Numbers and dates in the language of the words shown: while a new language's words load, the old format stays too.
  const locale = formatLocale(language ?? setting, systemLocale);
  const i18n = useMemo(() => (language ? instanceFor(language) : null), [language]);
  useEffect(() => {
    if (ready) return;
    let current = true;
    loadCatalogue(wanted).then(
      () => current && setArrived((n) => n + 1),
      () => current && setFailed(wanted),
    );
    return () => {
      current = false;
    };
  }, [wanted, ready]);
  useEffect(() => {
    if (!language) return;
    // Screen readers and the spell checker read the page in its language.
    document.documentElement.lang = language;
    rememberShownLanguage(language);
  }, [language]);
  if (!i18n) return null;
  return (
    <I18nextProvider i18n={i18n}>
      <LocaleContext.Provider value={locale}>
        <LanguageFailureContext.Provider value={!ready && failed === wanted ? wanted : null}>{children}</LanguageFailureContext.Provider>
      </LocaleContext.Provider>
    </I18nextProvider>
  );
}
