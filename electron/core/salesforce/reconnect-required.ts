import { AppError, type AppErrorValue } from '../../contract';

/** The ending of a "reconnect needed" message: what to do, and (where it is sure) that nothing downloaded is lost. */
const RECONNECT = 'Reconnect to continue; your downloaded invoices stay available.';
/** Where the saved sign-in itself is gone or unreadable, the offline copy may be too: no promise about it. */
const RECONNECT_ONLY = 'Reconnect to continue.';

/**
 * Why a connection needs the user to sign in again, in the words the user reads (the one home of every
 * RECONNECT_REQUIRED message, so their wording and, later, their translation is one place).
 */
const reasons = {
  /** Salesforce answered INVALID_SESSION_ID / invalid_grant, or the session was dropped meanwhile. */
  sessionEnded: `Your Salesforce session has ended. ${RECONNECT}`,
  /** The refresh token was refused (revoked, expired, used up by rotation). */
  signInEnded: `Salesforce ended this sign-in (it was revoked or expired). ${RECONNECT}`,
  /** A refresh answered with another instance than the one signed in to. */
  instanceMoved: `Salesforce moved this sign-in to another address. ${RECONNECT}`,
  /** A 401 again right after a successful refresh. */
  refusedAfterRenewal: `Salesforce keeps refusing this session even after renewing it. ${RECONNECT}`,
  /** The sealed tokens exist but the secret box cannot open them (another machine, another keyring). */
  savedUnreadable: `The saved sign-in could not be opened on this computer. ${RECONNECT_ONLY}`,
  /** The tokens are gone while the app runs (signed out elsewhere, wiped). */
  notSignedIn: `Budgetly is no longer signed in to this org. ${RECONNECT_ONLY}`,
  /** On start: the connection says connected, the sealed tokens are not there. */
  savedMissing: `The saved sign-in is missing. ${RECONNECT_ONLY}`,
  /** On start: the sign-in was kept in memory only (no keyring), so it ended with the app. */
  keptInMemoryOnly: `Budgetly kept this sign-in in memory only, so it ended when the app closed. ${RECONNECT_ONLY}`,
} as const;

export type ReconnectReason = keyof typeof reasons;

/** The message of a RECONNECT_REQUIRED error for `reason`. */
function reconnectMessage(reason: ReconnectReason): string {
  return reasons[reason];
}

/** A Salesforce answer named an address that is not a trusted Salesforce one (`described`: the host, quoted). */
export function untrustedAddressMessage(described: string, reconnect: boolean): string {
  const what = `Salesforce’s answer pointed Budgetly at ${described}, which is not a secure Salesforce address, so Budgetly did not use it.`;
  return `${what} ${reconnect ? RECONNECT : 'Please try again, or ask your Salesforce admin.'}`;
}

/** The AppError a caller throws when the connection needs a new sign-in. */
export function reconnectRequired(reason: ReconnectReason = 'sessionEnded', options?: { cause?: unknown }): AppError {
  return new AppError('RECONNECT_REQUIRED', reconnectMessage(reason), options);
}

/** The same as a plain value (a connection's `lastError`). */
export function reconnectRequiredValue(reason: ReconnectReason): AppErrorValue {
  return { code: 'RECONNECT_REQUIRED', message: reconnectMessage(reason) };
}
