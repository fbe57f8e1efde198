import { describeLoginUrl } from '../../contract/login-host';
import type { SalesforceSessions } from '../module-links';
import { salesforceGet } from '../invoices/sync/salesforce-get';
import type { ConnectionRecord } from './connection-records';

/** Organization.Name is in every API version; pinned like the identity call (never jsforce's 50.0 default). */
const ORG_NAME_API_VERSION = '62.0';
/** A name is a nicety after sign-in: a slow org does not keep the request open for long. */
const ORG_NAME_TIMEOUT_MS = 20_000;
/** The contract's longest connection label. */
const MAX_LABEL = 80;

/** The org's name as Salesforce states it (`SELECT Name FROM Organization`), trimmed to a label's length; null when it says none. */
export async function readOrgName(sessions: SalesforceSessions, connectionId: string): Promise<string | null> {
  const conn = await sessions.open(connectionId, ORG_NAME_API_VERSION);
  const answer = await salesforceGet<{ records?: { Name?: unknown }[] }>(conn, `/query?q=${encodeURIComponent('SELECT Name FROM Organization')}`, {
    timeoutMs: ORG_NAME_TIMEOUT_MS,
  });
  const name = answer.records?.[0]?.Name;
  return typeof name === 'string' && name.trim() ? name.trim().slice(0, MAX_LABEL) : null;
}

/**
 * Whether the connection still carries the name Budgetly gave it (its login host, "127.0.0.1:44295" or "Production")
 * rather than one someone chose. Records from before `labelChosen` count as named by Budgetly when the label is
 * exactly the host's description (what the form used to fill in) and no policy file named them.
 */
export function hasHostLabel(record: ConnectionRecord): boolean {
  if (record.labelChosen !== undefined) return !record.labelChosen;
  return record.policyName === undefined && record.label === describeLoginUrl(record.loginUrl);
}
