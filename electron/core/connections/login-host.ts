import { AppError } from '../../contract';
import { loginHostOf } from '../../contract/login-host';

/**
 * The core's side of the one login-host rule (`electron/contract/login-host.ts`): the origin to
 * store, or INVALID_INPUT naming what was wrong. Only the exact `extraOrigins` (the local org) pass besides Salesforce.
 */
export function normalizeLoginUrl(input: string, extraOrigins: readonly string[] = []): string {
  const result = loginHostOf(input, { extraOrigins });
  if (!result.ok) throw new AppError('INVALID_INPUT', result.message);
  return result.url;
}
