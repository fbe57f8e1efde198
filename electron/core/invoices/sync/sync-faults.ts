import { englishMessage } from '../../../contract/i18n/spoken-messages';
import { AppError } from '../../../contract';
import { errorFacts } from '../../salesforce/error-facts';
import { refusedCertificateCode, toAppError } from '../../salesforce/salesforce-errors';

/** How the sync reacts to each failure (the facts read by error-facts.ts). */

/** The top error's Salesforce errorCode, or else its name. */
const errorCodeOf = (error: unknown): string | undefined => errorFacts(error).chainCodes[0];

const SERVER_SIDE_CODES = new Set(['SERVER_UNAVAILABLE', 'UNKNOWN_EXCEPTION']);

/** 5xx answers and dropped / refused connections: worth a bounded retry. */
export function isTransient(error: unknown): boolean {
  // A refused certificate is NETWORK (nothing reached Salesforce) but never goes away by trying again; retried, its own
  // message would end as "did not answer after 4 tries. Check your internet connection" (review34).
  if (refusedCertificateCode(error) !== undefined) return false;
  if (error instanceof AppError) return error.code === 'NETWORK';
  const code = errorCodeOf(error);
  if (code && (/^ERROR_HTTP_5\d\d$/.test(code) || SERVER_SIDE_CODES.has(code))) return true;
  return toAppError(error).code === 'NETWORK';
}

/** The query cursor expired or was lost: the query must start over. */
export function isInvalidLocator(error: unknown): boolean {
  return errorCodeOf(error) === 'INVALID_QUERY_LOCATOR';
}

export function retriesExhausted(attempts: number, cause: unknown): AppError {
  return new AppError(
    'NETWORK',
    englishMessage('syncRetriesExhausted', { attempts: String(attempts) }),
    { cause },
  );
}

export function cancelled(): AppError {
  return new AppError('CANCELLED', englishMessage('syncCancelled'));
}

/** Everything else, as a typed error the user can read. */
export function toSyncError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const mapped = toAppError(error);
  if (mapped.code === 'SALESFORCE_LIMIT') {
    return new AppError('SALESFORCE_LIMIT', englishMessage('syncStoppedBecause', { reason: mapped.message }), { cause: error });
  }
  return mapped;
}
