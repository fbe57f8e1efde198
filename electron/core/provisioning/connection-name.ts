import { remove as withoutConfusables } from 'confusables';

/**
 * The name a link or `.budgetly` file gives its connection is shown to the user as the thing they are adding,
 * so it must read as what it is. Control and format characters (right-to-left overrides and isolates, zero-width
 * joiners and spaces, line breaks) can make a name display as something else, and so can characters that draw
 * nothing though they are not spaces (Unicode's default-ignorable ones such as the Hangul fillers, and the braille
 * blank), so a name carrying one is refused — also after NFKC, which turns some into others; the rest is
 * NFKC-normalised (full-width and styled letters become plain ones) with its spaces collapsed.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u2800]/u;

export function hasHiddenCharacters(name: string): boolean {
  return HIDDEN.test(name) || HIDDEN.test(name.normalize('NFKC'));
}

/** Text shown as it is (a file's name): each hidden character replaced by U+FFFD, so it cannot turn or hide what follows. */
export function withHiddenShown(text: string): string {
  return text.replace(new RegExp(HIDDEN.source, 'gu'), '\uFFFD');
}

export function normalizeConnectionName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/**
 * Letters and digits that Latin itself draws alike, as UTS #39's skeletons map them (the `confusables` package maps
 * other scripts only, and onto lower-case “l”: Greek “Ι” and Cyrillic “І” become “l”, Latin “I” stays “I”).
 * Applied before lower-casing: upper-case “I” passes for “l”, lower-case “i” does not.
 */
const LATIN_ALIKE: Record<string, string> = { I: 'l', '1': 'l', '|': 'l', '0': 'o', O: 'o' };

/**
 * Whether two names can pass for each other on screen: Unicode's confusable characters replaced by the letters
 * they imitate (Cyrillic “а” for Latin “a”, Greek “ο” for “o” …, UTS #39 data from the `confusables` package),
 * spacing ignored, and then either case ignored (“ACME” is “Acme”) or Latin's own I/l/1 and O/0 read as one
 * (“Acme Іnc” with a Cyrillic І is “Acme Inc”, and so is “Acme lnc”).
 */
export function looksLike(a: string, b: string): boolean {
  const [caseA, letterA] = lookalikeKeys(a);
  const [caseB, letterB] = lookalikeKeys(b);
  return caseA === caseB || letterA === letterB;
}

function lookalikeKeys(name: string): [string, string] {
  const plain = withoutConfusables(normalizeConnectionName(name)).replace(/\s+/gu, ' ').trim();
  return [plain.toLowerCase(), plain.replace(/[I1|0O]/g, (letter) => LATIN_ALIKE[letter]!).toLowerCase()];
}
