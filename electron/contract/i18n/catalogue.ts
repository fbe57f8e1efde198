import type { TFunction } from 'i18next';
import type { Language } from './languages';
import type { Translation } from './translation';
import { de } from './locales/de';
import { en } from './locales/en';
import { es } from './locales/es';
import { fr } from './locales/fr';

/** English, the source: its namespaces and keys are the types every other language and every `t()` call is checked against. */
export type SourceCatalogue = typeof en;
export type Namespace = keyof SourceCatalogue;

/**
 * The one catalogue of every word Budgetly shows or says: renderer, core messages, menus, dialogs, export headers.
 * Pure data (no Electron, no React), imported by the renderer and the main process alike.
 */
export const resources = { en, de, fr, es } satisfies Record<Language, { [N in Namespace]: Translation<SourceCatalogue[N]> }>;

export const namespaces = Object.keys(en) as Namespace[];

/** A `t` that takes any key of the catalogue as `namespace:key` (and keys of `common` without a prefix). */
export type CatalogueT = TFunction<Namespace[]>;
