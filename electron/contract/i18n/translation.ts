/**
 * The shape of a namespace in a language other than English: every English key, each a string (a missing or
 * misspelled key is a compile error). A language may add the plural forms English lacks (French and Spanish
 * `_many`, used for millions); tests/unit/i18n/catalogue.test.ts checks each has the forms its plural rules need.
 */
export type Translation<Source> = { [K in keyof Source]: string } & { [plural: `${string}_many`]: string };
