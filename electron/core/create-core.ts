import type { SignInMethod } from '../contract';
import { appHandlers, type AppIdentity } from './app/app-handlers';
import { createConnectionsModule } from './connections/connections-module';
import { createFreshnessModule, type FreshnessModule } from './freshness/freshness-module';
import { createInvoicesModule } from './invoices/invoices-module';
import { createDispatcher, type Dispatch, type Handlers } from './ipc/dispatcher';
import { EventTap } from './ipc/event-tap';
import { createSenderCheck } from './ipc/sender-check';
import type { Clock, EventSink, KeyValueStore, LoginAgent, Logger, PowerEvents, SaveDialog, SecretBox, Shell } from './ports';
import type { ConnectionDirectory, SalesforceSessions } from './salesforce/sessions';
import { SettingsService } from './settings/settings-service';
import { createUpdatesModule, type UpdatesModule } from './updates/updates-module';
import { noUpdater, type UpdaterPort } from './updates/updater-port';

/** Everything the core needs from the outside world; the Electron shell and the tests each provide one. */
export interface CoreDeps {
  identity: AppIdentity;
  /** URL the renderer is served from; only frames on its origin may call the core. */
  rendererUrl: string;
  /** Folder for the app's own files (invoice cache). */
  dataDir: string;
  secretBox: SecretBox;
  store: KeyValueStore;
  loginAgents: Record<SignInMethod, LoginAgent>;
  clock: Clock;
  events: EventSink;
  shell: Shell;
  saveDialog: SaveDialog;
  logger: Logger;
  /** Origins accepted as login hosts besides Salesforce's own domains (e.g. the local org). */
  extraLoginOrigins: string[];
  /** Wake-ups from sleep (a sync of what fell due meanwhile); absent in cores without a power monitor (tests, benchmarks). */
  power?: PowerEvents;
  /** The app's own updates (electron-updater in the app, the same adapter over a local server in tests); none in other test cores. */
  updater?: UpdaterPort;
}

export interface Core {
  handlers: Partial<Handlers>;
  dispatch: Dispatch;
  settings: SettingsService;
  /** Authenticated Salesforce access per connection (refresh owned by the connections module). */
  sessions: SalesforceSessions;
  directory: ConnectionDirectory;
  freshness: FreshnessModule['scheduler'];
  updates: UpdatesModule['service'];
  /**
   * Starts the background work: loading the offline copy the window will ask for first (in parallel
   * with the window loading), the launch sync of every connected org, then syncs on reconnect,
   * back online and every `settings.syncInterval` minutes. The app calls it once; cores built for
   * tests run without it unless a test starts it.
   */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

/** The composition root of the Electron-free core. */
export function createCore(deps: CoreDeps): Core {
  // Modules emit through a tap so the freshness scheduler hears what the window hears.
  const events = new EventTap(deps.events, deps.logger);
  const tapped: CoreDeps = { ...deps, events };
  const settings = new SettingsService(deps.store);
  const connections = createConnectionsModule(tapped, settings);
  const { sessions, directory } = connections;
  const invoices = createInvoicesModule(tapped, { sessions, directory, settings });
  const freshness = createFreshnessModule({ clock: deps.clock, power: deps.power, events, logger: deps.logger, settings, connections, invoices });
  const updates = createUpdatesModule({
    port: deps.updater ?? noUpdater(),
    currentVersion: deps.identity.version,
    settings,
    clock: deps.clock,
    events,
    logger: deps.logger,
    shell: deps.shell,
    syncs: invoices.syncs,
    connections: () => connections.list(),
  });
  const handlers: Partial<Handlers> = {
    ...appHandlers(deps.identity, deps.secretBox, deps.shell),
    ...connections.handlers,
    ...invoices.handlers,
    // A restart the user asks for waits for a running export.
    'invoices.export': updates.trackExport(invoices.handlers['invoices.export']),
    ...freshness.handlers,
    ...updates.handlers,
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.update(patch),
  };
  return {
    handlers,
    settings,
    sessions,
    directory,
    freshness: freshness.scheduler,
    updates: updates.service,
    // The launch sync waits for the start-up load (it needs the same copy for an incremental sync) and
    // until the window has every invoice or 5 s passed: its network, merge and cache rewrite would
    // otherwise compete with the window's first rows and the loading of the rest.
    start: () => {
      updates.start();
      return invoices.warmUp(connections.list()).then(() => freshness.start());
    },
    dispatch: createDispatcher(handlers, createSenderCheck(deps.rendererUrl), deps.logger),
    async dispose() {
      freshness.dispose();
      updates.dispose();
      await invoices.dispose();
      await connections.dispose();
    },
  };
}
