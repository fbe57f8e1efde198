import type { ConfirmQuestion } from '../ports';

/** The words of the settings the main process says itself (English; moved into the i18n catalogue once it lands). */
export const weakStorageQuestion: ConfirmQuestion = {
  title: 'Store sign-ins with weaker protection?',
  message: 'This computer has no system keyring, so Budgetly can only protect what it saves with a key that other programs on this computer could also use.',
  detail:
    'If you allow it, your Salesforce sign-ins and the offline copy of your invoices are saved with this weaker protection, so you stay signed in after restarting Budgetly. If you do not, they are kept in memory only and you sign in again each time you open Budgetly.',
  confirm: 'Allow weaker storage',
  cancel: 'Keep in memory only',
};

/** Said when the renderer asks again after the user declined weaker storage (the question is not asked twice). */
export const weakStorageDeclinedThisSession =
  'You chose to keep sign-ins in memory only, so Budgetly does not ask again until it restarts. To allow weaker storage, restart Budgetly and switch it on again.';
