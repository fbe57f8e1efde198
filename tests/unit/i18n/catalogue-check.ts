import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

type Messages = Record<string, string>;
type Catalogue = Record<string, Record<string, Messages>>;

const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

/** The key without its plural suffix (`invoices_one` → `invoices`). */
export function baseKey(key: string): string {
  return key.replace(pluralSuffix, '');
}

/**
 * What is wrong with a catalogue, one line each: a namespace or key English has and a language lacks (or the other way
 * round), a plural form a language's rules need (Intl.PluralRules) and its catalogue lacks, an empty text, or a
 * translation that drops or invents a placeholder.
 */
export function catalogueProblems(catalogue: Catalogue, source = 'en'): string[] {
  const problems: string[] = [];
  const english = catalogue[source]!;
  const englishPluralBases = new Set(
    Object.values(english).flatMap((messages) => Object.keys(messages).filter((k) => pluralSuffix.test(k)).map(baseKey)),
  );
  for (const [language, namespaces] of Object.entries(catalogue)) {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    for (const namespace of new Set([...Object.keys(english), ...Object.keys(namespaces)])) {
      const messages = namespaces[namespace];
      const sourceMessages = english[namespace];
      if (!messages || !sourceMessages) {
        problems.push(`${language}: namespace ${namespace} is ${messages ? 'not in English' : 'missing'}`);
        continue;
      }
      for (const key of Object.keys(sourceMessages)) {
        if (pluralSuffix.test(key)) continue;
        if (!(key in messages)) problems.push(`${language}: ${namespace}:${key} is missing`);
      }
      const bases = new Set(Object.keys(sourceMessages).filter((k) => pluralSuffix.test(k)).map(baseKey));
      for (const base of bases) {
        for (const category of categories) {
          // 'zero'/'two'/'few' do not occur in these languages; 'many' (fr, es: millions) must be there when the rules have it.
          if (!(`${base}_${category}` in messages)) problems.push(`${language}: ${namespace}:${base}_${category} is missing (plural form of ${language})`);
        }
      }
      for (const [key, text] of Object.entries(messages)) {
        const known = key in sourceMessages || (pluralSuffix.test(key) && englishPluralBases.has(baseKey(key)) && bases.has(baseKey(key)));
        if (!known) {
          problems.push(`${language}: ${namespace}:${key} is not in English`);
          continue;
        }
        if (text.trim() === '') problems.push(`${language}: ${namespace}:${key} is empty`);
        const sourceText = sourceMessages[key] ?? sourceMessages[`${baseKey(key)}_other`] ?? '';
        if (placeholders(text).join() !== placeholders(sourceText).join()) {
          problems.push(`${language}: ${namespace}:${key} has placeholders ${placeholders(text).join() || 'none'}, English ${placeholders(sourceText).join() || 'none'}`);
        }
      }
    }
  }
  return problems;
}

function sourceFiles(dir: string, skip: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (path === skip) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path, skip);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/**
 * Keys of the English catalogue no source file names: a key counts as used where it appears quoted, alone
 * (`t('title')`) or with its namespace (`t('settings:title')`); a plural key by its base (`t('invoices', { count })`).
 */
export function unusedKeys(englishCatalogue: Record<string, Messages>, root: string, dirs: string[], catalogueDir: string): string[] {
  const code = dirs.flatMap((dir) => sourceFiles(join(root, dir), join(root, catalogueDir))).map((file) => readFileSync(file, 'utf8')).join('\n');
  const unused: string[] = [];
  for (const [namespace, messages] of Object.entries(englishCatalogue)) {
    for (const key of new Set(Object.keys(messages).map(baseKey))) {
      const quoted = new RegExp(`['"\`](${namespace}:)?${key}['"\`]`);
      if (!quoted.test(code)) unused.push(`${namespace}:${key}`);
    }
  }
  return unused;
}
