/** Words the update core shows (problems and refusals). English until the i18n catalogue lands. */
export const updateTexts = {
  checkFailed: 'Budgetly could not reach the update server. It will try again later.',
  metadataBroken: 'The update server sent an answer Budgetly could not read. It will try again later.',
  downloadFailed: 'The update download was interrupted. Budgetly will start it again.',
  integrityFailed: 'The downloaded update did not match its published checksum, so it was deleted and not installed.',
  notPackaged: 'This copy of Budgetly was not installed from a package, so it does not update itself.',
  manualInstall: 'This installation is managed by your package manager: download the new version from the Budgetly website.',
  nothingToDownload: 'There is no update to download.',
  notReady: 'No update is ready to install yet.',
  locked: 'Your organisation manages updates on this computer.',
  offOnly: 'Updates are turned off in Settings.',
} as const;
