import type { Connection } from '../../contract';
import type { ConnectionRecord } from './connection-records';

/** A record as the renderer sees it: no secrets, no user id, plus whether tokens live in memory only. */
export function toConnectionView(record: ConnectionRecord, sessionOnly: boolean, say: (message: string) => string = (m) => m): Connection {
  return {
    id: record.id,
    label: record.label,
    loginUrl: record.loginUrl,
    clientId: record.clientId,
    hasClientSecret: record.hasClientSecret,
    signInMethod: record.signInMethod,
    status: record.status,
    sessionOnly,
    ...(record.username !== undefined ? { username: record.username } : {}),
    ...(record.displayName !== undefined ? { displayName: record.displayName } : {}),
    ...(record.orgId !== undefined ? { orgId: record.orgId } : {}),
    ...(record.instanceUrl !== undefined ? { instanceUrl: record.instanceUrl } : {}),
    ...(record.lastSyncAt !== undefined ? { lastSyncAt: record.lastSyncAt } : {}),
    ...(record.lastError !== undefined ? { lastError: { ...record.lastError, message: say(record.lastError.message) } } : {}),
    ...(record.policyName !== undefined ? { fromPolicy: true } : {}),
  };
}
