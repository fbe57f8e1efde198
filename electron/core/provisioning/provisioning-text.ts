import { englishMessage } from '../../contract/i18n/spoken-messages';

/**
 * Why a link or connection file was refused: the catalogue's `coreMessages:offer…` words, built in English
 * (the log, the offer as kept) and said in the user's language where the offer leaves the core
 * (provisioning.pending, provisioning.changed, a refused provisioning.accept).
 */
export const PROVISIONING_TEXT = {
  notALink: englishMessage('offerNotALink'),
  linkTooLong: englishMessage('offerLinkTooLong'),
  otherScheme: (scheme: string) => englishMessage('offerOtherScheme', { scheme: scheme.slice(0, 20) }),
  credentialsInLink: englishMessage('offerCredentialsInLink'),
  unknownAction: englishMessage('offerUnknownAction'),
  fragmentInLink: englishMessage('offerFragmentInLink'),
  repeatedField: (field: string) => englishMessage('offerRepeatedField', { field: field.slice(0, 40) }),
  fileTooLarge: (bytes: number) => englishMessage('offerFileTooLarge', { kilobytes: String(Math.ceil(bytes / 1024)) }),
  brokenJson: englishMessage('offerBrokenJson'),
  notAnObject: englishMessage('offerNotAnObject'),
  noVersion: englishMessage('offerNoVersion'),
  newerVersion: (version: string) => englishMessage('offerNewerVersion', { version }),
  unknownField: (fields: string) => englishMessage('offerUnknownField', { fields }),
  missingField: (field: string) => englishMessage('offerMissingField', { field }),
  badField: (field: string) => englishMessage('offerBadField', { field }),
  badLoginHost: (why: string) => englishMessage('offerBadLoginHost', { why }),
  invalid: englishMessage('offerInvalid'),
  hiddenCharactersInName: englishMessage('offerHiddenCharacters'),
  nameLikeExisting: (existing: string) => englishMessage('offerNameLikeExisting', { existing: existing.slice(0, 80) }),
  unreadableFile: englishMessage('offerUnreadableFile'),
  notARegularFile: englishMessage('offerNotARegularFile'),
  notAConnectionFile: englishMessage('offerNotAConnectionFile'),
  noClientId: englishMessage('offerNoClientId'),
  policyNoClientId: (loginUrl: string) => englishMessage('offerPolicyNoClientId', { loginUrl: loginUrl.slice(0, 120) }),
};
