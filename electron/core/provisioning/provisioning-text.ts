/** Messages for refused links and connection files (English; one module until the i18next catalogue lands). */
export const PROVISIONING_TEXT = {
  notALink: 'This is not a Budgetly link.',
  linkTooLong: 'This link is too long to be a Budgetly connection link.',
  otherScheme: (scheme: string) => `Only budgetly:// links can add a connection; this one starts with ${scheme.slice(0, 20)}//.`,
  credentialsInLink: 'This link carries a user name or password. Budgetly never takes sign-in details from a link.',
  unknownAction: 'This Budgetly link asks for something other than adding a connection (budgetly://connect?…).',
  fragmentInLink: 'This link has a # part that Budgetly links never have.',
  repeatedField: (field: string) => `This link gives “${field.slice(0, 40)}” more than once.`,
  fileTooLarge: (bytes: number) => `This file is ${Math.ceil(bytes / 1024).toLocaleString('en')} KB; a Budgetly connection file is a few hundred bytes.`,
  brokenJson: 'This file is damaged or is not a Budgetly connection file (it is not valid JSON text).',
  notAnObject: 'This file is not a Budgetly connection file (it holds no connection).',
  noVersion: 'This file is not a Budgetly connection file (it has no "budgetly" version).',
  newerVersion: (version: string) => `This connection file is format ${version}, which this version of Budgetly does not know. Update Budgetly, or ask your admin for a format 1 file.`,
  unknownField: (fields: string) => `It has a field Budgetly does not know: ${fields}. Nothing was added.`,
  missingField: (field: string) => `It has no “${field}”.`,
  badField: (field: string) => `Its “${field}” is not valid.`,
  badLoginHost: (why: string) => `Its sign-in address is not accepted: ${why}`,
  invalid: 'It is not valid.',
  hiddenCharactersInName:
    'Its name contains invisible or text-direction characters, which can make it display as something other than what it is. Nothing was added.',
  nameLikeExisting: (existing: string) =>
    `Its name looks the same as your connection “${existing.slice(0, 80)}”, so the two could be mistaken for each other. Nothing was added; ask your admin for a link with a different name.`,
  unreadableFile: 'Budgetly could not read this file.',
  notARegularFile: 'This is not an ordinary file (a folder, a pipe or a device), so Budgetly does not read it.',
  notAConnectionFile: 'Only .budgetly files can add a connection.',
  noClientId: 'It names no client id, and this copy of Budgetly has none built in. Ask your admin for a link or file with the client id.',
  policyNoClientId: (loginUrl: string) =>
    `it has no “clientId”, and this build of Budgetly has none built in for ${loginUrl.slice(0, 120)}. Add the External Client App's Consumer Key as "clientId", or deploy a build that carries one.`,
  policyUnsafe: 'The policy file can be changed by other users of this computer, so Budgetly ignores it. Ask IT to make it writable by administrators only.',
};
