/** What the core says about a connection (why it must sign in again, a sign-out Salesforce has not heard yet): built in English for the log and records, said in the user's language where it leaves the core (electron/core/i18n/core-messages.ts). */
export const coreMessages = {
  sessionEnded: 'Your Salesforce session has ended. Reconnect to continue; your downloaded invoices stay available.',
  signInEnded: 'Salesforce ended this sign-in (it was revoked or expired). Reconnect to continue; your downloaded invoices stay available.',
  instanceMoved: 'Salesforce moved this sign-in to another address. Reconnect to continue; your downloaded invoices stay available.',
  refusedAfterRenewal: 'Salesforce keeps refusing this session even after renewing it. Reconnect to continue; your downloaded invoices stay available.',
  savedUnreadable: 'The saved sign-in could not be opened on this computer. Reconnect to continue.',
  notSignedIn: 'Budgetly is no longer signed in to this org. Reconnect to continue.',
  savedMissing: 'The saved sign-in is missing. Reconnect to continue.',
  keptInMemoryOnly: 'Budgetly kept this sign-in in memory only, so it ended when the app closed. Reconnect to continue.',
  untrustedAddress: 'Salesforce’s answer pointed Budgetly at {{address}}, which is not a secure Salesforce address, so Budgetly did not use it. Reconnect to continue; your downloaded invoices stay available.',
  untrustedAddressRetry: 'Salesforce’s answer pointed Budgetly at {{address}}, which is not a secure Salesforce address, so Budgetly did not use it. Please try again, or ask your Salesforce admin.',
  signOutPending: 'You are signed out on this computer, but Salesforce could not be reached to end the sign-in there too. Budgetly will do it as soon as Salesforce can be reached.',
  signOutNotSent: 'You are signed out on this computer. Budgetly did not end the sign-in at Salesforce: the saved sign-in address is not a Salesforce address, so the token was not sent there. To be sure, revoke Budgetly’s access in Salesforce (your personal settings, OAuth Connected Apps).',
} as const;
