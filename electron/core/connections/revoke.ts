import { isAllowedLoginUrl } from '../../contract/login-host';
import { createOAuth2, revokeToken } from '../auth/oauth-client';
import { REDIRECT_URI } from '../auth/redirect';
import type { Logger } from '../ports';
import { defaultHttpLimits } from '../salesforce/http-limits';
import { toAppError } from '../salesforce/salesforce-errors';

const REVOKE_LIMITS = { ...defaultHttpLimits, timeoutMs: 10_000, maxRetries: 0 };

/**
 * POST /services/oauth2/revoke with the refresh token (which kills its access tokens too).
 * True when Salesforce received it, including "already invalid"; false when it could not be sent (or may not be:
 * a login address that is not a Salesforce sign-in host).
 */
export async function revokeAtSalesforce(
  connection: { loginUrl: string; clientId: string },
  tokens: { refreshToken: string },
  logger: Logger,
  extraOrigins: readonly string[],
): Promise<boolean> {
  // Never to a login address that fails the rule (a rewritten store): not sent, as if Salesforce could not be reached.
  if (!isAllowedLoginUrl(connection.loginUrl, extraOrigins)) {
    logger.warn('Sign-out not sent: the login address is not a Salesforce sign-in host');
    return false;
  }
  const oauth2 = createOAuth2({ loginUrl: connection.loginUrl, clientId: connection.clientId, redirectUri: REDIRECT_URI }, REVOKE_LIMITS);
  try {
    await revokeToken(oauth2, tokens.refreshToken);
    return true;
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === 'NETWORK' || appError.code === 'INTERNAL') {
      logger.warn('Could not send the sign-out to Salesforce', { code: appError.code });
      return false;
    }
    // Salesforce answered (e.g. invalid_token: already revoked or expired): nothing left to revoke.
    return true;
  }
}
