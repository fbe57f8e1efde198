/** Words of the app frame: starting up, loading, the status bar. */
export const common = {
  loading: 'Loading…',
  couldNotStart: 'Budgetly could not start: {{reason}}',
  appVersion: 'Budgetly {{version}}',
  protectionOs: 'Sign-ins encrypted by your operating system',
  protectionBasicText: 'No system keyring: sign-ins kept for this session only',
  protectionUnavailable: 'Encryption unavailable: sign-ins kept for this session only',
  protectionWeakStored: 'No system keyring: sign-ins stored with weaker protection',
  settingsFailed: 'Budgetly could not load your settings',
  connectionsFailed: 'Budgetly could not load your saved connections',
  nothingChanged: 'Nothing was changed: your connections and invoices are where you left them.',
  tryAgain: 'Try again',
  /** Thousands in a chart label, where the locale's compact notation has none (German: 563,8 Tsd. €). */
  thousandsShort: 'K',
  /** The main process's application menu (standard roles are named by the OS in its own language). */
  menuView: 'View',
  /** The title of the app's own sign-in window (the page's origin is put in front of it). */
  loginWindowTitle: 'Sign in to Salesforce – Budgetly',
  menuHelpClientApp: 'Creating a Salesforce External Client App',
  /** The pages the browser shows at the end of a sign-in in the user's own browser (the loopback answer). */
  browserPageNotFoundTitle: 'Not found',
  browserPageNotFound: 'This address is only used by Budgetly’s sign-in.',
  browserPageOtherTitle: 'Not this sign-in',
  browserPageOther: 'This answer does not belong to the sign-in Budgetly is waiting for. Return to Budgetly.',
  browserPageFailedTitle: 'Sign-in not completed',
  browserPageFailed: 'You can close this tab and return to Budgetly.',
  browserPageDoneTitle: 'You are signed in',
  browserPageDone: 'You can return to Budgetly. This tab can be closed.',
  /** A date field (typed in the chosen language's order): the letters of its pattern, its hint and why a date was not taken. */
  dateDay: 'dd',
  dateMonth: 'mm',
  dateYear: 'yyyy',
  dateFormat: 'Format: {{pattern}}',
  dateInvalid: '“{{text}}” is not a date ({{pattern}}).',
  dateTooEarly: 'Choose {{date}} or later.',
  dateTooLate: 'Choose {{date}} or earlier.',
  dateKept: 'The date stays {{date}}.',
  /** The Control key's name on a keyboard in this language (macOS shows ⌘ instead: renderer/src/lib/shortcut-keys.ts). */
  ctrlKey: 'Ctrl',
  /** A part of the window loaded when first opened (a dialog, the report, an invoice's details) could not be loaded. */
  partFailed: 'This part of Budgetly could not be loaded.',
  partRetry: 'Try again',
  languageFailed: 'The words in {{language}} could not be loaded: Budgetly shows English until it is started again.',
} as const;
