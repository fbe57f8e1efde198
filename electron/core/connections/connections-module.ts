import { isAllowedLoginUrl } from '../../contract/login-host';
import type { Connection } from '../../contract';
import { LoginFlow } from '../auth/login-flow';
import type { CoreDeps } from '../core-deps';
import type { Handlers } from '../ipc/dispatcher';
import { ApiUsageBook } from '../salesforce/api-usage';
import { SessionManager } from '../salesforce/session-manager';
import type { ConnectionDirectory, SalesforceSessions } from '../module-links';
import { TokenVault } from '../secrets/token-vault';
import type { SettingsService } from '../settings/settings-service';
import { ConnectionRecords } from './connection-records';
import { connectionsHandlers, type ConnectionsChannel } from './connections-handlers';
import { ConnectionsService, type NewConnection } from './connections-service';
import { PendingSignOuts } from './pending-sign-outs';
import { readOrgName } from './org-name';
import { createSessionSource } from './session-source';

export interface ConnectionsModule {
  handlers: Pick<Handlers, ConnectionsChannel>;
  /** The use cases behind the channels (links and policy files add through it: one validator). */
  service: ConnectionsService;
  sessions: SalesforceSessions;
  directory: ConnectionDirectory;
  /** The org's API requests used/allowed per connection, from the answers' `Sforce-Limit-Info`. */
  apiUsage: ApiUsageBook;
  /** Every saved connection as the renderer sees it. */
  list(): Connection[];
  /** Settles once the policy's connections were added and the saved sign-ins were checked at start (a missing one turns into "reconnect needed"). */
  ready: Promise<void>;
  /** Sends the sign-outs made while offline (called when the computer is back online; also once at start). */
  retryPendingSignOuts(): Promise<void>;
  dispose(): Promise<void>;
}

/** The ports the connections module uses. */
export type ConnectionsDeps = Pick<CoreDeps, 'store' | 'secretBox' | 'clock' | 'logger' | 'loginAgents' | 'events' | 'extraLoginOrigins' | 'identity'>;

/** Connections, sign-in, token vault and Salesforce sessions, wired from the core's ports. */
export function createConnectionsModule(
  deps: ConnectionsDeps,
  settings: SettingsService,
  predefined: readonly (NewConnection & { label: string })[] = [],
  say?: (message: string) => string,
): ConnectionsModule {
  const records = new ConnectionRecords(deps.store, deps.logger);
  // The connection's own login origin counts only while it passes the login-host rule (the saved list is plain JSON).
  const trustedFor = (id: string) => {
    const loginUrl = records.get(id)?.loginUrl;
    return [...(loginUrl !== undefined && isAllowedLoginUrl(loginUrl, deps.extraLoginOrigins) ? [loginUrl] : []), ...deps.extraLoginOrigins];
  };
  const vault = new TokenVault(deps.secretBox, deps.store, settings, deps.logger, trustedFor);
  const loginFlow = new LoginFlow({ clock: deps.clock, logger: deps.logger, extraOrigins: deps.extraLoginOrigins });
  const apiUsage = new ApiUsageBook(() => deps.clock.now());
  // The session manager tells the service when Salesforce refuses a refresh token (bound below).
  const late: { service?: ConnectionsService } = {};
  const sessions = new SessionManager(
    createSessionSource(records, vault, (id, error) => late.service?.markReconnectNeeded(id, error)),
    { logger: deps.logger, extraOrigins: deps.extraLoginOrigins, onApiUsage: (id, header) => apiUsage.record(id, header) },
  );
  const connections = new ConnectionsService({
    records,
    vault,
    loginFlow,
    sessions,
    loginAgents: deps.loginAgents,
    settings,
    events: deps.events,
    logger: deps.logger,
    extraLoginOrigins: deps.extraLoginOrigins,
    builtInClientIds: deps.identity.builtInClientIds,
    say,
    orgName: (id) => readOrgName(sessions, id),
  });
  late.service = connections;
  const stopWatchingSettings = settings.onChange((next, previous) => {
    if (next.allowWeakStorage !== previous.allowWeakStorage) connections.changed();
  });
  // The machine policy's connections are there before the first `connections.list` answers.
  const ready = connections
    .addPredefined(predefined)
    .then(() => connections.checkStoredSessions())
    .catch((error: unknown) => {
    deps.logger.error('Could not check the saved sign-ins', { error: error instanceof Error ? error.name : 'unknown' });
  });

  const pendingSignOuts = new PendingSignOuts(vault.pendingRevokes, records, deps.logger, () => connections.changed(), deps.extraLoginOrigins);
  void ready.then(() => pendingSignOuts.retry());

  const directory: ConnectionDirectory = {
    get: (id) => connections.view(id),
    recordSync: (id, outcome, savedAfter) => connections.recordSync(id, outcome, savedAfter),
    onForget: (listener) => connections.forgetListeners.add(listener),
  };
  connections.forgetListeners.add((id) => apiUsage.forget(id));

  return {
    handlers: connectionsHandlers(connections, ready),
    service: connections,
    apiUsage,
    sessions,
    directory,
    list: () => connections.list(),
    ready,
    retryPendingSignOuts: () => pendingSignOuts.retry(),
    async dispose() {
      stopWatchingSettings();
      loginFlow.cancelAll();
      records.flush();
      vault.dispose();
    },
  };
}
