import type { AppErrorValue, BuiltInClientIds, SecretProtection } from '../../electron/contract';
import { createCore, type Core } from '../../electron/core/create-core';
import type { Clock, KeyValueStore, LoginAgent, PdfPrinter } from '../../electron/core/ports';
import { ChromiumPdfPrinter } from './chromium-pdf-printer';
import { systemClock } from '../../electron/core/ports';
import { checkedDispatch, checkResult, takeContractMismatches } from './contract-check';
import type { UpdaterPort } from '../../electron/core/updates/updater-port';
import {
  DirectLaunchRequests,
  MemoryLogger,
  RecordingEvents,
  RecordingShell,
  ScriptedConfirm,
  ScriptedFolderDialog,
  ScriptedOpenDialog,
  ScriptedSaveDialog,
  TestSecretBox,
  createTestStore,
  tempDir,
} from './test-ports';

export const TEST_RENDERER_URL = 'http://127.0.0.1:1/index.html';

export interface TestCoreOptions {
  /** The background record phase after each sync (issue #13; CoreDeps.recordPhase): off unless a test asks. */
  recordPhase?: boolean;
  /** Origin the renderer is served from (the harness passes its static server's URL). */
  rendererUrl?: string;
  /**
   * Reuse a data folder (to model an app restart: a second core on the same folder and secret box is the
   * app reopened); a fresh temp folder otherwise, removed by `dispose()`.
   */
  dataDir?: string;
  secretProtection?: SecretProtection;
  /** The OS keychain of this user: pass one box to several cores to share the key; a fresh box models another machine. */
  secretBox?: TestSecretBox;
  /** The login agent for both sign-in methods (tests use the Playwright agent). */
  loginAgent?: LoginAgent;
  clock?: Clock;
  extraLoginOrigins?: string[];
  demo?: { label: string; loginUrl: string; clientId: string } | null;
  /** The client ids a build would carry (BUDGETLY_CLIENT_ID…); none by default, like a community build. */
  builtInClientIds?: BuiltInClientIds;
  /** The app's updater (the electron-updater adapter over a local update server); none by default. */
  updater?: UpdaterPort;
  /** The computer's locale (`app.getLocale()` in the app); 'en-US' by default. */
  locale?: string;
  /** The version this core runs as (the update tests pick it). */
  version?: string;
  /** The machine-wide policy file to read (a temp file); none by default. */
  policyFile?: string;
  /** HTML → PDF (statements); by default Chromium's page.pdf(), launched at the first print and closed by dispose(). */
  pdfPrinter?: PdfPrinter;
}

/**
 * A channel's answer as tests read it: `Result`, with the value left unchecked (each test knows the channel it
 * called); `ok` still narrows to the error.
 */
export type CallResult =
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read results of many channels
  { ok: true; value: any; error?: undefined } | { ok: false; value?: undefined; error: AppErrorValue };

export interface TestCore {
  /** The real core; its `dispatch` checks every answer against the contract (contract-check.ts). */
  core: Core;
  /** Calls a channel as the app's renderer would (trusted sender). */
  call: (channel: string, input?: unknown) => Promise<CallResult>;
  dataDir: string;
  secretBox: TestSecretBox;
  /** The key-value store (settings and sealed blobs) in `dataDir`. */
  store: KeyValueStore;
  events: RecordingEvents;
  shell: RecordingShell;
  saveDialog: ScriptedSaveDialog;
  folderDialog: ScriptedFolderDialog;
  pdfPrinter: PdfPrinter;
  /** Import views' file question: answers null (cancelled) unless the test sets `answer`. */
  openDialog: ScriptedOpenDialog;
  /** The main process's own questions (weaker storage): answers no unless the test sets `answer`. */
  confirm: ScriptedConfirm;
  logger: MemoryLogger;
  /** Hands the app a `budgetly://` link or a `.budgetly` file, as a double-click would. */
  launch: DirectLaunchRequests;
  dispose(): Promise<void>;
}

const refuseLogin: LoginAgent = {
  login: () => Promise.reject(new Error('This test core has no login agent')),
};

/** The real core wired to headless ports (real crypto, real files in a temp folder). */
export function createTestCore(options: TestCoreOptions = {}): TestCore {
  const temp = options.dataDir ? null : tempDir();
  const dataDir = options.dataDir ?? temp!.dir;
  const secretBox = options.secretBox ?? new TestSecretBox(options.secretProtection ?? 'os');
  const store = createTestStore(dataDir);
  const events = new RecordingEvents();
  const shell = new RecordingShell();
  const saveDialog = new ScriptedSaveDialog();
  const folderDialog = new ScriptedFolderDialog();
  const ownPrinter = options.pdfPrinter ? null : new ChromiumPdfPrinter();
  const pdfPrinter = options.pdfPrinter ?? ownPrinter!;
  const openDialog = new ScriptedOpenDialog();
  const confirm = new ScriptedConfirm();
  const logger = new MemoryLogger();
  const launch = new DirectLaunchRequests();
  const rendererUrl = options.rendererUrl ?? TEST_RENDERER_URL;
  const agent = options.loginAgent ?? refuseLogin;
  const real = createCore({
    identity: { version: options.version ?? '0.0.0-test', platform: process.platform, locale: options.locale ?? 'en-US', demo: options.demo ?? null, builtInClientIds: options.builtInClientIds },
    rendererUrl,
    dataDir,
    secretBox,
    store,
    loginAgents: { window: agent, browser: agent },
    clock: options.clock ?? systemClock,
    events,
    shell,
    saveDialog,
    folderDialog,
    pdfPrinter,
    openDialog,
    confirm,
    logger,
    extraLoginOrigins: options.extraLoginOrigins ?? [],
    launchRequests: launch,
    updater: options.updater,
    policyFile: options.policyFile,
    recordPhase: options.recordPhase ?? false,
  });
  const core: Core = { ...real, dispatch: checkedDispatch(real.dispatch) };
  return {
    core,
    async call(channel, input) {
      const result = await real.dispatch(channel, input, rendererUrl);
      const mismatch = checkResult(channel, result);
      if (mismatch) throw new Error(mismatch);
      return result as CallResult;
    },
    dataDir,
    secretBox,
    store,
    events,
    shell,
    saveDialog,
    folderDialog,
    pdfPrinter,
    openDialog,
    confirm,
    logger,
    launch,
    async dispose() {
      await core.dispose();
      await ownPrinter?.close();
      temp?.remove();
      const late = takeContractMismatches();
      if (late.length > 0) throw new Error(`The core broke the IPC contract:\n${late.join('\n')}`);
    },
  };
}
