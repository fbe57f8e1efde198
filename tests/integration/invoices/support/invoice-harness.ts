import jsforce from 'jsforce';
import { AppError, type Connection as ConnectionInfo } from '../../../../electron/contract';
import { createMessageSpeaker } from '../../../../electron/contract/i18n/spoken-messages';
import { createCoreWords } from '../../../../electron/core/i18n/core-words';
import { createInvoicesModule, type InvoicesDeps, type InvoicesModule } from '../../../../electron/core/invoices/invoices-module';
import type { SyncTuning } from '../../../../electron/core/invoices/sync/sync-coordinator';
import type { RecordWriteTuning } from '../../../../electron/core/invoices/record/record-build';
import { checkedDispatch } from '../../../support/contract-check';
import { createDispatcher } from '../../../../electron/core/ipc/dispatcher';
import { systemClock, type Clock, type SecretBox } from '../../../../electron/core/ports';
import type { ConnectionDirectory, SalesforceSessions } from '../../../../electron/core/module-links';
import { SettingsService } from '../../../../electron/core/settings/settings-service';
import { startOrg, type OrgOptions, type RunningOrg } from '../../../org';
import { MemoryLogger, RecordingEvents, RecordingShell, ScriptedSaveDialog, TestSecretBox, createTestStore, tempDir } from '../../../support/test-ports';
import { CLIENT_ID, loginToOrg, type OrgTokens } from './org-login';

export const CONNECTION_ID = 'c-test';

/** A connection directory in memory: one connection, records what the module reports. */
export class MemoryDirectory implements ConnectionDirectory {
  readonly outcomes: { at?: string; error?: unknown }[] = [];
  private readonly listeners = new Set<(id: string) => Promise<void> | void>();
  constructor(public connection: ConnectionInfo | undefined) {}
  get(connectionId: string) {
    return this.connection?.id === connectionId ? this.connection : undefined;
  }
  recordSync(_id: string, outcome: { at?: string; error?: unknown }) {
    this.outcomes.push(outcome);
  }
  onForget(listener: (id: string) => Promise<void> | void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  async forget(id: string) {
    for (const listener of this.listeners) await listener(id);
  }
}

/** Plain jsforce connections on the org's tokens; jsforce's own refresh handles a 401. */
export class TokenSessions implements SalesforceSessions {
  opened: string[] = [];
  /** Salesforce out of reach (the computer offline): every session fails as the app's does without a network. */
  offline = false;
  constructor(private readonly tokens: OrgTokens) {}
  async open(_connectionId: string, apiVersion: string) {
    if (this.offline) throw new AppError('NETWORK', 'Salesforce cannot be reached (the test took the network away).');
    this.opened.push(apiVersion);
    return new jsforce.Connection({
      oauth2: { clientId: CLIENT_ID, loginUrl: this.tokens.instanceUrl, redirectUri: 'http://localhost:1717/OauthRedirect' },
      instanceUrl: this.tokens.instanceUrl,
      accessToken: this.tokens.accessToken,
      refreshToken: this.tokens.refreshToken,
      version: apiVersion,
    });
  }
}

export interface Harness {
  module: InvoicesModule;
  sessions: TokenSessions;
  /** The org session this harness signed in with (share it to open a second app on the same org). */
  tokens: OrgTokens;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read results of many channels
  call: (channel: string, input?: unknown) => Promise<{ ok: boolean; value?: any; error?: { code: string; message: string } }>;
  events: RecordingEvents;
  shell: RecordingShell;
  saveDialog: ScriptedSaveDialog;
  directory: MemoryDirectory;
  dataDir: string;
  /** Settings as the module reads them (Settings → Language: the words it says; an English computer). */
  settings: SettingsService;
  dispose(): Promise<void>;
}

/** How a harness starts: small pages and short retries (`tuning`), the keychain, an org session to share, the clock, the record phase. */
export interface InvoiceHarnessOptions {
  tuning?: Partial<SyncTuning> & { record?: Partial<RecordWriteTuning> };
  secretBox?: SecretBox;
  tokens?: OrgTokens;
  clock?: Clock;
  recordPhase?: boolean;
}

/** The invoices module wired to headless ports and the local org, called through the real dispatcher. */
export async function startHarness(org: RunningOrg, dataDir: string, options: InvoiceHarnessOptions = {}): Promise<Harness> {
  const tokens = options.tokens ?? (await loginToOrg(org));
  const events = new RecordingEvents();
  const shell = new RecordingShell();
  const saveDialog = new ScriptedSaveDialog();
  const logger = new MemoryLogger();
  const store = createTestStore(dataDir);
  const directory = new MemoryDirectory({
    id: CONNECTION_ID, label: 'Local org', loginUrl: org.url, clientId: CLIENT_ID, hasClientSecret: false,
    signInMethod: 'window', status: 'connected', sessionOnly: false, instanceUrl: tokens.instanceUrl,
  });
  const deps = {
    dataDir,
    secretBox: options.secretBox ?? new TestSecretBox(),
    store,
    clock: options.clock ?? systemClock,
    events,
    shell,
    saveDialog,
    logger,
    // The local org is the connection's instance: record links to it are allowed on its exact http origin.
    extraLoginOrigins: [org.url],
    // Every invoice's whole record after each sync (issue #13): only where a test asks (CoreDeps.recordPhase).
    recordPhase: options.recordPhase ?? false,
  } satisfies InvoicesDeps;
  const settings = new SettingsService(store);
  const words = createCoreWords(settings, 'en-US');
  const sessions = new TokenSessions(tokens);
  const module = createInvoicesModule(deps, { sessions, directory, settings, words, say: createMessageSpeaker(() => words.t) }, {
    retryDelaysMs: [5, 10, 20],
    ...options.tuning,
  });
  const dispatch = checkedDispatch(createDispatcher(module.handlers, () => true, logger));
  return {
    module,
    sessions,
    tokens,
    call: (channel, input) => dispatch(channel, input, 'http://127.0.0.1:1/') as never,
    events,
    shell,
    saveDialog,
    settings,
    directory,
    dataDir,
    dispose: () => module.dispose(),
  };
}

/** A fresh org and harness for one test: runs `body`, then disposes the harness, stops the org and removes the data folder, pass or fail. */
export async function withOrgHarness(orgOptions: OrgOptions, body: (harness: Harness, org: RunningOrg) => Promise<void>, harnessOptions: InvoiceHarnessOptions = {}): Promise<void> {
  const temp = tempDir();
  const org = await startOrg(orgOptions);
  try {
    const harness = await startHarness(org, temp.dir, harnessOptions);
    try {
      await body(harness, org);
    } finally {
      await harness.dispose();
    }
  } finally {
    await org.stop();
    temp.remove();
  }
}
