import type { CatalogueT } from '../../contract/i18n/catalogue';
import type { ConfirmQuestion } from '../ports';

/** The question about weaker storage the main process asks itself, in the user's language. */
export function weakStorageQuestion(t: CatalogueT): ConfirmQuestion {
  return {
    title: t('settings:weakQuestionTitle'),
    message: t('settings:weakQuestionMessage'),
    detail: t('settings:weakQuestionDetail'),
    confirm: t('settings:weakQuestionConfirm'),
    cancel: t('settings:weakQuestionCancel'),
  };
}

/** Said when the renderer asks again after the user declined weaker storage (the question is not asked twice). */
export function weakStorageDeclinedThisSession(t: CatalogueT): string {
  return t('settings:weakDeclinedThisSession');
}
