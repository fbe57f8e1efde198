import { englishMessage } from '../../../contract/i18n/spoken-messages';
import { AppError } from '../../../contract';
import { isTrustedSalesforceUrl } from '../../salesforce/trusted-salesforce-url';
import { assertIdentifier, assertRecordId } from '../sync/soql';

/**
 * The Lightning URL of a record, on the connection's own instance and nowhere else: an https Salesforce
 * instance (the rule a bearer token follows: the instance address saved in the connection list is plain JSON),
 * or exactly one of the extra origins the app trusts (the local development org on its http origin).
 */
export function recordUrl(instanceUrl: string, object: string, id: string, extraOrigins: readonly string[] = []): string {
  let instance: URL;
  try {
    instance = new URL(instanceUrl);
  } catch {
    throw new AppError('FORBIDDEN', englishMessage('linkNoAddress'));
  }
  if (!isTrustedSalesforceUrl(instanceUrl, extraOrigins)) throw new AppError('FORBIDDEN', englishMessage('linkOnlyHttps'));
  const url = new URL(`/lightning/r/${assertIdentifier(object)}/${assertRecordId(id)}/view`, instance.origin);
  if (url.origin !== instance.origin) throw new AppError('FORBIDDEN', englishMessage('linkLeavesOrg'));
  return url.toString();
}
