import { AppError } from '../../../contract';
import { assertIdentifier, assertRecordId } from '../sync/soql';

/**
 * The Lightning URL of a record, on the connection's own instance and nowhere else: https only,
 * except the exact extra origins the app trusts (the local development org on its http origin).
 */
export function recordUrl(instanceUrl: string, object: string, id: string, extraOrigins: readonly string[] = []): string {
  let instance: URL;
  try {
    instance = new URL(instanceUrl);
  } catch {
    throw new AppError('FORBIDDEN', 'This connection has no valid Salesforce address.');
  }
  const secure = instance.protocol === 'https:' || (instance.protocol === 'http:' && extraOrigins.includes(instance.origin));
  if (!secure || instance.username || instance.password) throw new AppError('FORBIDDEN', 'Only https Salesforce addresses can be opened.');
  const url = new URL(`/lightning/r/${assertIdentifier(object)}/${assertRecordId(id)}/view`, instance.origin);
  if (url.origin !== instance.origin) throw new AppError('FORBIDDEN', 'That link does not lead to your Salesforce org.');
  return url.toString();
}
