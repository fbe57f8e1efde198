import { appHandlers } from './app/app-handlers';
import { createConnectionsModule } from './connections/connections-module';
import { createFreshnessModule, type FreshnessModule } from './freshness/freshness-module';
import { createMessageSpeaker } from '../contract/i18n/spoken-messages';
import { speakingErrors } from './i18n/core-messages';
import { createCoreWords, type CoreWords } from './i18n/core-words';
import { createInvoicesModule } from './invoices/invoices-module';
import { createDispatcher, type Dispatch, type Handlers } from './ipc/dispatcher';
import { EventTap } from './ipc/event-tap';
import { createSenderCheck } from './ipc/sender-check';
import type { CoreDeps } from './core-deps';
import type { ConnectionDirectory, SalesforceSessions } from './module-links';
import { detailsHandlers } from './health/connection-details';
import { createPolicyModule } from './policy/policy-module';
import { englishT } from './policy/policy-text';
import { createProvisioningModule } from './provisioning/provisioning-module';
import { settingsHandlers } from './settings/settings-handlers';
import { SettingsService } from './settings/settings-service';
import { createStatementsModule } from './statements/statements-module';
import { createUpdatesModule, type UpdatesModule } from './updates/updates-module';
import { noUpdater } from './updates/updater-port';
import { createViewsModule } from './views/views-module';

export interface Core {
  handlers: Handlers;
  dispatch: Dispatch;
  settings: SettingsService;
  /** The words the core says itself, in the language of Settings → Language (the computer's by default). */
  words: CoreWords;
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
  /** Resolves once no offline copy is being written in the background (a first screen after a sync, a compaction). */
  idle(): Promise<void>;
  dispose(): Promise<void>;
}

/** The composition root of the Electron-free core. */
export function createCore(deps: CoreDeps): Core {
  // Modules emit through a tap so the freshness scheduler hears what the window hears.
  const events = new EventTap(deps.events, deps.logger);
  const tapped: CoreDeps = { ...deps, events };
  // The policy locks settings, and the words follow settings: the policy's messages wait for the words (`late`).
  const late: { words?: CoreWords } = {};
  const said = () => late.words?.t ?? englishT;
  const policy = createPolicyModule({
    path: deps.policyFile,
    extraLoginOrigins: deps.extraLoginOrigins,
    builtInClientIds: deps.identity.builtInClientIds,
    logger: deps.logger,
    words: said,
  });
  const settings = new SettingsService(deps.store, deps.logger, policy.settings);
  const words = createCoreWords(settings, deps.identity.locale);
  late.words = words;
  settings.useWords(said);
  // Core messages (why to reconnect, a pending sign-out) are kept in English and said in the user's language on their way out.
  const say = createMessageSpeaker(() => words.t);
  const connections = createConnectionsModule(tapped, settings, policy.connections, say);
  const { sessions, directory } = connections;
  const invoices = createInvoicesModule(tapped, { sessions, directory, settings, words, say });
  const statements = createStatementsModule(deps, { copy: invoices.statementCopy, exported: invoices.exported, settings, words, directory });
  const provisioning = createProvisioningModule({
    connections: connections.service,
    events,
    logger: deps.logger,
    extraLoginOrigins: deps.extraLoginOrigins,
    builtInClientIds: deps.identity.builtInClientIds,
    launchRequests: deps.launchRequests,
    lockedSignInMethod: () => settings.locks().signInMethod,
    say,
  });
  const freshness = createFreshnessModule({
    clock: deps.clock,
    power: deps.power,
    events,
    logger: deps.logger,
    settings,
    connections: connections.list,
    connectionsReady: connections.ready,
    onForget: directory.onForget,
    syncs: invoices.syncs,
    retryPendingSignOuts: connections.retryPendingSignOuts,
    lowApiAllowance: (id) => connections.apiUsage.isLow(id),
  });
  const updates = createUpdatesModule({
    words,
    port: deps.updater ?? noUpdater(),
    currentVersion: deps.identity.version,
    settings,
    clock: deps.clock,
    events,
    logger: deps.logger,
    shell: deps.shell,
    syncs: invoices.syncs,
    connections: () => connections.list(),
    lockedPolicy: () => policy.settings.locks.updates,
  });
  const views = createViewsModule({
    store: deps.store,
    saveDialog: deps.saveDialog,
    openDialog: deps.openDialog,
    logger: deps.logger,
    knownConnection: (id) => connections.list().some((connection) => connection.id === id),
    onForget: directory.onForget,
    t: () => words.t,
  });
  // `satisfies`: a channel of the contract without its handler is a compile error, not an INTERNAL answer at run time.
  const handlers = speakingErrors({
    ...appHandlers(deps.identity, deps.secretBox),
    ...connections.handlers,
    ...invoices.handlers,
    ...statements.handlers,
    // A restart the user asks for waits for a running export.
    'invoices.export': updates.trackExport(invoices.handlers['invoices.export']),
    ...freshness.handlers,
    ...provisioning.handlers,
    ...updates.handlers,
    ...settingsHandlers(settings, deps.confirm, words),
    ...policy.handlers,
    ...views.handlers,
    ...detailsHandlers({
      identity: deps.identity,
      record: (id) => connections.service.record(id),
      apiUsage: (id) => connections.apiUsage.get(id),
      mapping: (id) => invoices.mappingOf(id),
      words,
      say,
    }),
  } satisfies Handlers, say);
  return {
    handlers,
    settings,
    words,
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
    dispatch: createDispatcher(handlers, createSenderCheck(deps.rendererUrl), deps.logger, say),
    idle: () => invoices.idle(),
    async dispose() {
      freshness.dispose();
      provisioning.dispose();
      updates.dispose();
      await statements.dispose();
      await invoices.dispose();
      await connections.dispose();
    },
  };
}
