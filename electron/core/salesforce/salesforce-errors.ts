import { englishMessage, type CoreMessageKey } from '../../contract/i18n/spoken-messages';
import { AppError } from '../../contract';
import { withHiddenShown } from '../provisioning/connection-name';
import { errorFacts, type ErrorFacts } from './error-facts';
import { reconnectRequired } from './reconnect-required';

/**
 * Turns whatever jsforce, the token endpoint or the network threw into a typed AppError with a
 * message an accountant can act on. Shared by the connections and the invoices modules.
 *
 * - AppError → unchanged
 * - a certificate Node's TLS refused → NETWORK, saying it is the certificate (not the internet connection)
 * - INVALID_SESSION_ID / invalid_grant → RECONNECT_REQUIRED
 * - REQUEST_LIMIT_EXCEEDED → SALESFORCE_LIMIT
 * - FetchError, NetworkError (http-exchange.ts), ECONNREFUSED, ECONNRESET, DNS failures, timeouts, HTTP 502/503/504, SERVER_UNAVAILABLE → NETWORK
 * - AbortError → CANCELLED
 * - any other Salesforce errorCode → SALESFORCE_ERROR carrying Salesforce's own message
 * - anything else → INTERNAL (no details leak)
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const info = errorFacts(error);

  if (info.name === 'AbortError') return new AppError('CANCELLED', englishMessage('requestCancelled'), { cause: error });
  const certificate = certificateCodeIn(info);
  if (certificate) {
    // Still NETWORK (the request never reached Salesforce), but not "check your internet connection": the line works, the
    // certificate does not (self-signed, expired, another host's, or a TLS-inspecting proxy whose CA is in neither Node's
    // bundled list nor the OS's store, which the main process trusts since session 35: os-certificate-store.ts).
    return new AppError('NETWORK', englishMessage('salesforceCertificateRefused', { code: certificate }), { cause: error });
  }
  if (isNetworkFailure(error, info)) {
    return new AppError('NETWORK', englishMessage('salesforceUnreachable'), { cause: error });
  }
  const code = info.errorCode;
  if (code === 'INVALID_SESSION_ID' || code === 'invalid_grant') {
    return reconnectRequired('sessionEnded', { cause: error });
  }
  if (code === 'REQUEST_LIMIT_EXCEEDED') {
    return new AppError('SALESFORCE_LIMIT', withSalesforceMessage(info.message, 'apiLimitReached', 'apiLimitReachedSaid'), {
      cause: error,
    });
  }
  if (code === 'SERVER_UNAVAILABLE') {
    // Salesforce's REST answer to a 503 (maintenance, overload): passing, like any other 503.
    return new AppError('NETWORK', englishMessage('salesforceUnavailable'), { cause: error });
  }
  const http = /^ERROR_HTTP_(\d{3})$/.exec(code ?? '');
  if (http) {
    const status = Number(http[1]);
    if (status === 502 || status === 503 || status === 504) {
      return new AppError('NETWORK', englishMessage('salesforceUnavailableHttp', { status: String(status) }), { cause: error });
    }
    return new AppError('SALESFORCE_ERROR', englishMessage('salesforceUnexpectedHttp', { status: String(status) }), { cause: error });
  }
  if (code && /^[A-Za-z][A-Za-z0-9_]*$/.test(code) && code !== 'Error') {
    return new AppError('SALESFORCE_ERROR', withSalesforceMessage(info.message, 'salesforceRefused', 'salesforceRefusedSaid', { code }), { cause: error });
  }
  return new AppError('INTERNAL', englishMessage('salesforceTalkFailed'), { cause: error });
}

/** Removes anything shaped like a Salesforce access or refresh token from a message. */
export function redactTokens(text: string): string {
  return text.replace(/00D[A-Za-z0-9]{12,15}![A-Za-z0-9._-]+/g, '[token]').replace(/5Aep[A-Za-z0-9._-]+/g, '[token]');
}

/**
 * The code of a certificate Node's TLS refused, on the error, its cause chain, or the AppError made of it (toAppError keeps the
 * cause); undefined for any other failure. Not worth retrying: the certificate will be refused again (the sync's withRetries).
 */
export function refusedCertificateCode(error: unknown): string | undefined {
  return certificateCodeIn(errorFacts(error));
}

function certificateCodeIn(facts: ErrorFacts): string | undefined {
  return facts.systemCodes.find((code) => CERTIFICATE_CODES.test(code));
}

/**
 * The codes Node's TLS gives a certificate it refused (OpenSSL's X509 verify results, Node's host check), on the error
 * itself (https.request) or its cause (fetch's "fetch failed").
 */
const CERTIFICATE_CODES =
  /^(DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|UNABLE_TO_DECRYPT_CERT_SIGNATURE|UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY|CERT_[A-Z_]+|ERROR_IN_CERT_NOT_(BEFORE|AFTER)_FIELD|INVALID_CA|PATH_LENGTH_EXCEEDED|HOSTNAME_MISMATCH|ERR_TLS_CERT_ALTNAME_INVALID)$/;

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETDOWN',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

function isNetworkFailure(error: unknown, info: ErrorFacts): boolean {
  // NetworkError: the connection or the answer's bytes failed in http-exchange.ts (reset, refused, TLS, malformed).
  if (info.name === 'FetchError' || info.name === 'TimeoutError' || info.name === 'NetworkError') return true;
  if (info.systemCodes.some((code) => NETWORK_CODES.has(code))) return true;
  if (error instanceof Error && !info.errorCode) {
    // jsforce's own timeout ("Request Timeout") and undici's "fetch failed".
    return /request timeout|timed out|fetch failed|socket hang up/i.test(error.message);
  }
  return false;
}

/**
 * Our message, and Salesforce's own words after it when it sent some (tokens redacted, shortened; a right-to-left
 * override or zero-width mark in them shown as � so an org's text cannot turn or hide our sentence around it).
 */
function withSalesforceMessage(message: string | undefined, plain: CoreMessageKey, said: CoreMessageKey, values: Record<string, string> = {}): string {
  const detail = message ? withHiddenShown(redactTokens(message).replace(/\s+/g, ' ').trim()).slice(0, 300) : '';
  return detail ? englishMessage(said, { ...values, detail }) : englishMessage(plain, values);
}
