import { AppError, type ApiUsage, type ConnectionDetails, type Mapping } from '../../contract';
import type { ConnectionRecord } from '../connections/connection-records';
import type { AppIdentity } from '../core-deps';
import type { Handlers } from '../ipc/dispatcher';
import type { CoreWords } from '../i18n/core-words';
import { englishMessage } from '../../contract/i18n/spoken-messages';
import { detailsText } from './details-text';

export interface DetailsDeps {
  identity: Pick<AppIdentity, 'version' | 'platform'>;
  /** The saved record: never holds a token (those live sealed in the vault, which this module cannot reach). */
  record(connectionId: string): ConnectionRecord | undefined;
  apiUsage(connectionId: string): ApiUsage | null;
  mapping(connectionId: string): Mapping | null;
  /** The diagnostics are written in the language of Settings. */
  words: Pick<CoreWords, 't' | 'locale'>;
  /** The core's message speaker: the last error (kept in English in the record) in the user's language. */
  say: (message: string) => string;
}

/**
 * `connections.details`: one connection's health — who, which org and instance, the API version and invoice
 * object in use, the org's API requests used/allowed (its `Sforce-Limit-Info`), the last sync and how long it
 * took — and the same as plain text for "Copy diagnostics". Built only from what is shown: no token, no secret.
 */
export function detailsHandlers(deps: DetailsDeps): Pick<Handlers, 'connections.details'> {
  return {
    'connections.details': ({ id }) => {
      const record = deps.record(id);
      if (!record) throw new AppError('NOT_FOUND', englishMessage('connectionGone'));
      const mapping = deps.mapping(id);
      const details: Omit<ConnectionDetails, 'diagnostics'> = {
        id: record.id,
        label: record.label,
        status: record.status,
        loginUrl: record.loginUrl,
        clientId: record.clientId,
        signInMethod: record.signInMethod,
        username: record.username ?? null,
        displayName: record.displayName ?? null,
        orgId: record.orgId ?? null,
        instanceUrl: record.instanceUrl ?? null,
        apiVersion: record.apiVersion ?? null,
        invoiceObject: mapping?.object ?? null,
        mapping: mapping?.fields ?? {},
        apiUsage: deps.apiUsage(id),
        lastSyncAt: record.lastSyncAt ?? null,
        lastSyncDurationMs: record.lastSyncDurationMs ?? null,
        lastError: record.lastError ? { ...record.lastError, message: deps.say(record.lastError.message) } : null,
        fromPolicy: record.policyName !== undefined,
      };
      return { ...details, diagnostics: diagnosticsText(details, deps.identity, detailsText(deps.words.t, deps.words.locale())) };
    },
  };
}

/** Plain text, one "label: value" a line, for a support ticket. */
export function diagnosticsText(
  details: Omit<ConnectionDetails, 'diagnostics'>,
  identity: Pick<AppIdentity, 'version' | 'platform'>,
  T: ReturnType<typeof detailsText>,
): string {
  const L = T.labels;
  const or = (value: string | null) => value ?? T.none;
  const usage = details.apiUsage;
  const lines: [string, string][] = [
    [L.connection, details.label],
    [L.status, details.status],
    [L.loginUrl, details.loginUrl],
    [L.clientId, details.clientId],
    [L.signInMethod, details.signInMethod],
    ...(details.fromPolicy ? ([[L.fromPolicy, T.policy]] as [string, string][]) : []),
    [L.user, details.username ? `${details.username}${details.displayName ? ` (${details.displayName})` : ''}` : T.none],
    [L.orgId, or(details.orgId)],
    [L.instance, or(details.instanceUrl)],
    [L.apiVersion, or(details.apiVersion)],
    [L.invoiceObject, or(details.invoiceObject)],
    [L.mapping, Object.entries(details.mapping).map(([key, field]) => `${key}=${field}`).join(', ') || T.none],
    [L.apiUsage, usage ? `${T.apiUsage(usage.used, usage.max, usage.at)}${usage.low ? ` — ${T.apiLow}` : ''}` : T.none],
    [L.lastSync, details.lastSyncAt ? `${details.lastSyncAt}${details.lastSyncDurationMs !== null ? ` (${T.seconds(details.lastSyncDurationMs)})` : ''}` : T.none],
    [L.lastError, details.lastError ? `${details.lastError.code}: ${details.lastError.message}` : T.none],
  ];
  return [T.heading(identity.version, identity.platform), ...lines.map(([label, value]) => `${label}: ${value}`)].join('\n');
}
