import { AppError } from '../../../contract';
import { assertIdentifier, assertRecordId } from '../sync/soql';

function isLoopback(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

/**
 * The Lightning URL of a record, on the connection's own instance and nowhere else: https only,
 * except a loopback instance (the local development org), which is allowed on its own http origin.
 */
export function recordUrl(instanceUrl: string, object: string, id: string): string {
  let instance: URL;
  try {
    instance = new URL(instanceUrl);
  } catch {
    throw new AppError('FORBIDDEN', 'This connection has no valid Salesforce address.');
  }
  const secure = instance.protocol === 'https:' || (instance.protocol === 'http:' && isLoopback(instance.hostname));
  if (!secure || instance.username || instance.password) throw new AppError('FORBIDDEN', 'Only https Salesforce addresses can be opened.');
  const url = new URL(`/lightning/r/${assertIdentifier(object)}/${assertRecordId(id)}/view`, instance.origin);
  if (url.origin !== instance.origin) throw new AppError('FORBIDDEN', 'That link does not lead to your Salesforce org.');
  return url.toString();
}
