/**
 * Words of the app's start (what it loads before any screen can show), kept in one module until the app's
 * i18next catalogue takes them.
 */
export const startupText = {
  loading: 'Loading…',
  couldNotStart: 'Budgetly could not start:',
  settingsFailed: 'Budgetly could not load your settings',
  connectionsFailed: 'Budgetly could not load your saved connections',
  nothingChanged: 'Nothing was changed: your connections and invoices are where you left them.',
  tryAgain: 'Try again',
} as const;
