import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { languageNames, type Language } from '../../../electron/contract/i18n/languages';

/** The language whose words could not be loaded (English shows in its place), or null. */
export const LanguageFailureContext = createContext<Language | null>(null);

/**
 * In the status bar when the chosen language's words could not be loaded (its chunk is missing or damaged): the
 * window shows English, and says so — in English, the words it has — instead of switching language silently.
 */
export function LanguageFailedNotice() {
  const failed = useContext(LanguageFailureContext);
  const { t } = useTranslation();
  if (!failed) return null;
  return (
    <span className="status-warning" role="status" data-testid="language-failed">
      {t('languageFailed', { language: languageNames[failed] })}
    </span>
  );
}
