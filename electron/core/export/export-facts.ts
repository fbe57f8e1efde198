import { userInfo } from 'node:os';
import type { Connection } from '../../contract';
import type { ExportFacts } from './export-report';

/** The computer's user name, '' when the OS does not say (a user without a passwd entry). */
function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

/**
 * Who exported, for the Summary sheet: the Salesforce user signed in on the connection (name and username), else
 * the computer's user; with the connection, when its copy was synced and the moment of the export.
 */
export function exportFacts(connection: Connection | undefined, syncedAt: string | null, now: number): ExportFacts {
  const salesforceUser = connection?.username
    ? connection.displayName && connection.displayName !== connection.username
      ? `${connection.displayName} (${connection.username})`
      : connection.username
    : '';
  return {
    connection: connection && {
      label: connection.label,
      ...(connection.username ? { username: connection.username } : {}),
      ...(connection.displayName ? { displayName: connection.displayName } : {}),
      ...(connection.orgId ? { orgId: connection.orgId } : {}),
      ...(connection.instanceUrl ? { instanceUrl: connection.instanceUrl } : {}),
    },
    syncedAt,
    exportedBy: salesforceUser || osUser(),
    exportedAt: new Date(now).toISOString(),
  };
}
