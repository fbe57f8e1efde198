import { namespaces, type CatalogueT } from './catalogue';
import { createI18n } from './create-i18n';
import { coreMessages } from './locales/en/coreMessages';

export type CoreMessageKey = keyof typeof coreMessages;

type Values = Record<string, string>;
const say = (t: CatalogueT, key: CoreMessageKey, values: Values = {}): string =>
  (t as unknown as (key: string, values: Values) => string)(`coreMessages:${key}`, values);

/**
 * A message of the `coreMessages` namespace in English. The core builds these messages deep down (a
 * session refused, a sign-out Salesforce has not heard yet) and keeps them in connection records and
 * the log in English; `createMessageSpeaker` says them in the user's language where they leave the core.
 */
export function englishMessage(key: CoreMessageKey, values: Values = {}): string {
  english ??= createI18n('en').getFixedT('en', namespaces);
  return say(english, key, values);
}
let english: CatalogueT | undefined;

interface Template {
  key: CoreMessageKey;
  names: string[];
  pattern: RegExp;
}

/** Each English message as a pattern that gives back its key and placeholder values. */
const templates: Template[] = (Object.keys(coreMessages) as CoreMessageKey[]).map((key) => {
  const source = coreMessages[key];
  const names = [...source.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
  const body = source
    .split(/\{\{\w+\}\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('(.+?)');
  return { key, names, pattern: new RegExp(`^${body}$`, 's') };
});

/**
 * `say(message)`: a core message (see `englishMessage`) in the language of `t()` at the moment it is said,
 * so a message stored in English before a language change is shown in the new language; any other message
 * (Salesforce's own words, a file's name in a refusal) comes back as it is.
 */
export function createMessageSpeaker(t: () => CatalogueT): (message: string) => string {
  // A value may itself be a core message (why a link's sign-in address was refused): said too.
  const speak = (message: string): string => {
    for (const { key, names, pattern } of templates) {
      const match = pattern.exec(message);
      if (match) return say(t(), key, Object.fromEntries(names.map((name, i) => [name, speak(match[i + 1]!)])));
    }
    return message;
  };
  return speak;
}
