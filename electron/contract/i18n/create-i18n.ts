import type { i18n } from 'i18next';
import { resources } from './catalogue';
import { createI18nWith } from './i18n-instance';
import type { Language } from './languages';

/**
 * An i18next instance speaking `language`, ready at once (every language's catalogue is in memory, nothing loads).
 * See `createI18nWith` (i18n-instance.ts, which also holds i18next's type augmentation: typed keys).
 */
export function createI18n(language: Language): i18n {
  return createI18nWith(language, resources);
}
