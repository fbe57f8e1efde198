import { namespaces, type CatalogueT } from '../../contract/i18n/catalogue';
import { createI18n } from '../../contract/i18n/create-i18n';
import { createMessageSpeaker } from '../../contract/i18n/spoken-messages';
import type { policy } from '../../contract/i18n/locales/en/policy';

/**
 * What the core says about the machine-wide policy file, from the catalogue's `policy` namespace. The file is
 * read before the core's words exist, so a message is kept as `Said` — words waiting for a `t` — and put into
 * the language the user sees when it is shown (policy.status, a refused settings.set); the log gets English.
 */
export type Said = (t: CatalogueT) => string;

/** English, for the log and for whatever speaks before the core's words are wired. */
export const englishT: CatalogueT = createI18n('en').getFixedT('en', namespaces);

// The key is checked against the catalogue here; i18next's overloads do not take a union of keys with values.
const say =
  (key: `policy:${keyof typeof policy}`, values: Record<string, string | number> = {}): Said =>
  (t) =>
    (t as unknown as (key: string, values: Record<string, string | number>) => string)(key, values);

export const POLICY_TEXT = {
  ignored: (path: string, why: Said): Said => (t) => t('policy:ignored', { path, why: why(t) }),
  tooLarge: (bytes: number) => say('policy:tooLarge', { kilobytes: Math.ceil(bytes / 1024).toLocaleString('en') }),
  notARegularFile: say('policy:notARegularFile'),
  unreadable: say('policy:unreadable'),
  brokenJson: say('policy:brokenJson'),
  notAnObject: say('policy:notAnObject'),
  noVersion: say('policy:noVersion'),
  newerVersion: (version: string) => say('policy:newerVersion', { version }),
  unknownField: (where: string, fields: string) => say('policy:unknownField', { where, fields }),
  badField: (where: string) => say('policy:badField', { where }),
  badSyncBounds: say('policy:badSyncBounds'),
  /** `why` comes from the connection rules shared with links and files: a core message in English, said in the same language. */
  badConnection:
    (index: number, why: string): Said =>
    (t) =>
      say('policy:badConnection', { number: index + 1, why: createMessageSpeaker(() => t)(why) })(t),
  repeatedConnection: (name: string) => say('policy:repeatedConnection', { name }),
  writableByOthers: (mode: string) => say('policy:writableByOthers', { mode }),
  folderWritableByOthers: (mode: string) => say('policy:folderWritableByOthers', { mode }),
  folderOwnedByOther: (uid: number) => say('policy:folderOwnedByOther', { uid }),
  wrongOwner: (uid: number) => say('policy:wrongOwner', { uid }),
  notConfirmedByAdmin: (value: string, key: string) => say('policy:notConfirmedByAdmin', { value, key }),
  changedSinceConfirmed: (value: string, key: string) => say('policy:changedSinceConfirmed', { value, key }),
  lockedSignInMethod: (path: string): Said => (t) => t('policy:locked', { setting: t('policy:settingSignInMethod'), path }),
  lockedWeakStorage: (path: string): Said => (t) => t('policy:locked', { setting: t('policy:settingWeakStorage'), path }),
  lockedUpdates: (path: string): Said => (t) => t('policy:locked', { setting: t('policy:settingUpdates'), path }),
  lockedInterval: (path: string) => say('policy:lockedInterval', { path }),
};
