import type { CatalogueT, Namespace } from './catalogue';
import { createI18nWith } from './i18n-instance';
import { en } from './locales/en';
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
  // English only: the window imports this module too, and needs no other language's words for it.
  english ??= createI18nWith('en', { en }).getFixedT('en', Object.keys(en) as Namespace[]);
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

/** The placeholder of Salesforce's own words ("Salesforce says: {{detail}}"). */
const SALESFORCE_SAYS = 'detail';

/**
 * `say(message)`: a core message (see `englishMessage`) in the language of `t()` at the moment it is said,
 * so a message stored in English before a language change is shown in the new language; any other message
 * (Salesforce's own words, a file's name in a refusal) comes back as it is.
 */
export function createMessageSpeaker(t: () => CatalogueT): (message: string) => string {
  // A value may itself be a core message (why a link's sign-in address was refused): said too — except Salesforce's
  // own words (`detail`), which stay as the org wrote them even when they copy one of ours.
  // When several readings fit (Salesforce's words followed by our "The sync stopped; …"), the one that finds the
  // most of our own text, nested messages included, wins: our sentence is never taken for Salesforce's words.
  const read = (message: string): { said: string; ours: number } => {
    let best = { said: message, ours: 0 };
    for (const template of templates) {
      const match = template.pattern.exec(message);
      if (!match) continue;
      const values = match.slice(1);
      let ours = message.length - values.reduce((sum, value) => sum + value.length, 0);
      const said = values.map((value, i) => {
        if (template.names[i] === SALESFORCE_SAYS) return value;
        const inner = read(value);
        ours += inner.ours;
        return inner.said;
      });
      if (ours > best.ours) best = { said: say(t(), template.key, Object.fromEntries(template.names.map((name, i) => [name, said[i]!]))), ours };
    }
    return best;
  };
  const speak = (message: string): string => read(message).said;
  return speak;
}
