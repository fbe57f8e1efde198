import { namespaces, type CatalogueT } from './catalogue';
import { createI18n } from './create-i18n';
import { coreErrors } from './locales/en/coreErrors';
import { coreMessages } from './locales/en/coreMessages';

/** The namespaces whose messages the core builds in English and says in the user's language on their way out. */
const spokenNamespaces = { coreMessages, coreErrors };
type SpokenNamespace = keyof typeof spokenNamespaces;
export type CoreMessageKey = keyof typeof coreMessages | keyof typeof coreErrors;

const namespaceOf = new Map<string, SpokenNamespace>(
  (Object.keys(spokenNamespaces) as SpokenNamespace[]).flatMap((ns) => Object.keys(spokenNamespaces[ns]).map((key) => [key, ns] as const)),
);

type Values = Record<string, string>;
const say = (t: CatalogueT, key: CoreMessageKey, values: Values = {}): string =>
  (t as unknown as (key: string, values: Values) => string)(`${namespaceOf.get(key)}:${key}`, values);

/**
 * A message of the `coreMessages` or `coreErrors` namespace in English. The core builds these messages deep
 * down (a session refused, a sign-in that failed, a sign-out Salesforce has not heard yet) and keeps them in
 * connection records and the log in English; `createMessageSpeaker` says them in the user's language where
 * they leave the core (the IPC answer, a record's last error, a pushed event).
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
const templates: Template[] = [...namespaceOf.keys()].map((key) => {
  const source: string = (spokenNamespaces[namespaceOf.get(key)!] as Record<string, string>)[key]!;
  const names = [...source.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
  const body = source
    .split(/\{\{\w+\}\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('(.+?)');
  return { key: key as CoreMessageKey, names, pattern: new RegExp(`^${body}$`, 's') };
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
