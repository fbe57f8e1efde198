import { remove as withoutConfusables } from 'confusables';

/**
 * The name a link or `.budgetly` file gives its connection is shown to the user as the thing they are adding,
 * so it must read as what it is. Control and format characters (right-to-left overrides and isolates, zero-width
 * joiners and spaces, line breaks) can make a name display as something else, so a name carrying one is refused;
 * the rest is NFKC-normalised (full-width and styled letters become plain ones) with its spaces collapsed.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

export function hasHiddenCharacters(name: string): boolean {
  return HIDDEN.test(name);
}

export function normalizeConnectionName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/**
 * What a name looks like, for comparing: Unicode's confusable characters replaced by the letters they imitate
 * (Cyrillic “а” for Latin “a”, Greek “ο” for “o” …, UTS #39 data from the `confusables` package), case and
 * spacing ignored. Two names with the same key can pass for each other on screen.
 */
export function lookalikeKey(name: string): string {
  return withoutConfusables(normalizeConnectionName(name)).toLowerCase().replace(/\s+/gu, ' ').trim();
}
