/**
 * Whether this locale writes decimals with a comma (de, fr, es …): its Excel then expects CSV with `;` between
 * fields and `1234,56` amounts, and the export menu offers "CSV (Excel, <locale>)" beside plain CSV.
 */
export function usesDecimalComma(locale: string): boolean {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value === ',';
}

/** The locale's language as it names itself ("Deutsch", "français"), for the menu item. */
export function localeName(locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(new Intl.Locale(locale).language) ?? locale;
  } catch {
    return locale;
  }
}
