import type { CatalogueT } from '../../contract/i18n/catalogue';

/** Words the update core shows (problems and refusals), in the user's language at the moment they are said. */
export function updateTexts(t: CatalogueT) {
  return {
    checkFailed: t('updates:checkFailed'),
    metadataBroken: t('updates:metadataBroken'),
    downloadFailed: t('updates:downloadFailed'),
    integrityFailed: t('updates:integrityFailed'),
    notPackaged: t('updates:notPackaged'),
    manualInstall: t('updates:manualInstall'),
    nothingToDownload: t('updates:nothingToDownload'),
    notReady: t('updates:notReady'),
    locked: t('updates:locked'),
  };
}
