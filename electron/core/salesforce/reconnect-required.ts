import { AppError, type AppErrorValue } from '../../contract';
import { englishMessage } from '../../contract/i18n/spoken-messages';

/**
 * Why a connection needs the user to sign in again: the one home of every RECONNECT_REQUIRED message.
 * The words are the catalogue's (`coreMessages`), built in English here for the records and the log, and
 * said in the user's language where they leave the core (core-messages.ts). Each ends with what to do, and,
 * where it is sure, that nothing downloaded is lost.
 */
const reasons = {
  /** Salesforce answered INVALID_SESSION_ID / invalid_grant, or the session was dropped meanwhile. */
  sessionEnded: 'sessionEnded',
  /** The refresh token was refused (revoked, expired, used up by rotation). */
  signInEnded: 'signInEnded',
  /** A refresh answered with another instance than the one signed in to. */
  instanceMoved: 'instanceMoved',
  /** A 401 again right after a successful refresh. */
  refusedAfterRenewal: 'refusedAfterRenewal',
  /** The sealed tokens exist but the secret box cannot open them (another machine, another keyring): no promise about the offline copy. */
  savedUnreadable: 'savedUnreadable',
  /** The tokens are gone while the app runs (signed out elsewhere, wiped). */
  notSignedIn: 'notSignedIn',
  /** On start: the connection says connected, the sealed tokens are not there. */
  savedMissing: 'savedMissing',
  /** On start: the sign-in was kept in memory only (no keyring), so it ended with the app. */
  keptInMemoryOnly: 'keptInMemoryOnly',
  /** The saved connection's login address fails the login-host rule (the store was changed): nothing is sent there. */
  untrustedLoginAddress: 'untrustedLoginAddress',
} as const;

export type ReconnectReason = keyof typeof reasons;

/** The message of a RECONNECT_REQUIRED error for `reason`. */
function reconnectMessage(reason: ReconnectReason): string {
  return englishMessage(reasons[reason]);
}

/** Why a connection whose saved login address fails the rule is not signed in, refreshed or signed out there. */
export const untrustedLoginAddressMessage = reconnectMessage('untrustedLoginAddress');

/** A Salesforce answer named an address that is not a trusted Salesforce one (`described`: the host, quoted). */
export function untrustedAddressMessage(described: string, reconnect: boolean): string {
  return englishMessage(reconnect ? 'untrustedAddress' : 'untrustedAddressRetry', { address: described });
}

/** The AppError a caller throws when the connection needs a new sign-in. */
export function reconnectRequired(reason: ReconnectReason = 'sessionEnded', options?: { cause?: unknown }): AppError {
  return new AppError('RECONNECT_REQUIRED', reconnectMessage(reason), options);
}

/** The same as a plain value (a connection's `lastError`). */
export function reconnectRequiredValue(reason: ReconnectReason): AppErrorValue {
  return { code: 'RECONNECT_REQUIRED', message: reconnectMessage(reason) };
}
