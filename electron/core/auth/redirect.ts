import { englishMessage } from '../../contract/i18n/spoken-messages';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../../contract';
import { withHiddenShown } from '../provisioning/connection-name';

/** Defined once, with the other login-host rules, in the contract (the renderer shows it to admins). */
export { REDIRECT_URI } from '../../contract/login-host';

/**
 * Whether `candidate` is the redirect URI: same scheme, host, port and path, exactly.
 * Never a prefix or pattern: intermediate pages that carry `code=` elsewhere must not match.
 */
export function matchesRedirectUri(candidate: string, redirectUri: string): boolean {
  let actual: URL;
  let expected: URL;
  try {
    actual = new URL(candidate);
    expected = new URL(redirectUri);
  } catch {
    return false;
  }
  return (
    actual.protocol === expected.protocol &&
    actual.hostname === expected.hostname &&
    actual.port === expected.port &&
    actual.pathname === expected.pathname &&
    actual.username === '' &&
    actual.password === ''
  );
}

/**
 * Reads the authorization code out of the URL the login agent caught, failing closed:
 * wrong origin or path, missing or different state, `error=` (turned into a human message), missing code.
 */
export function parseRedirect(redirectedTo: string, expected: { redirectUri: string; state: string }): { code: string } {
  if (!matchesRedirectUri(redirectedTo, expected.redirectUri)) {
    throw new AppError('LOGIN_FAILED', englishMessage('loginWrongAddress'));
  }
  const params = new URL(redirectedTo).searchParams;
  const state = params.get('state');
  if (state === null || !sameText(state, expected.state)) {
    throw new AppError('LOGIN_FAILED', englishMessage('loginOtherAttempt'));
  }
  const error = params.get('error');
  if (error !== null) throw loginErrorFor(error, params.get('error_description'));
  const code = params.get('code');
  if (!code) throw new AppError('LOGIN_FAILED', englishMessage('loginNoCode'));
  return { code };
}

/** Salesforce's `error=` values as messages an accountant understands. */
export function loginErrorFor(error: string, description: string | null): AppError {
  const normalized = error.toLowerCase().replace(/-/g, '_');
  if (normalized === 'access_denied') {
    return new AppError('ACCESS_DENIED', englishMessage('loginAccessDenied'));
  }
  // Whatever page sent the browser back wrote it: a right-to-left override or zero-width mark in it is shown as �.
  const detail = description ? withHiddenShown(description.replace(/\s+/g, ' ')).slice(0, 200) : '';
  switch (normalized) {
    case 'invalid_client_id':
    case 'invalid_client':
      return new AppError('LOGIN_FAILED', detail ? englishMessage('loginUnknownClientSaid', { detail }) : englishMessage('loginUnknownClient'));
    case 'redirect_uri_mismatch':
      return new AppError('LOGIN_FAILED', detail ? englishMessage('loginCallbackNotListedSaid', { detail }) : englishMessage('loginCallbackNotListed'));
    case 'immediate_unsuccessful':
    case 'login_required':
      return new AppError('LOGIN_FAILED', englishMessage('loginAgain'));
    default:
      return new AppError('LOGIN_FAILED', englishMessage(detail ? 'loginNotCompletedSaid' : 'loginNotCompleted', { error: withHiddenShown(error.slice(0, 60)), detail }));
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
