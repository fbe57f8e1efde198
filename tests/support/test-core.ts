import type { SecretProtection } from '../../electron/contract';
import { createCore, type Core } from '../../electron/core/create-core';
import type { Clock, LoginAgent } from '../../electron/core/ports';
import { systemClock } from '../../electron/core/ports';
import {
  MemoryLogger,
  RecordingEvents,
  RecordingShell,
  ScriptedSaveDialog,
  TestSecretBox,
  createTestStore,
  tempDir,
} from './test-ports';

export const TEST_RENDERER_URL = 'http://127.0.0.1:1/index.html';

export interface TestCoreOptions {
  /** Origin the renderer is served from (the harness passes its static server's URL). */
  rendererUrl?: string;
  /** Reuse a data folder (to model an app restart); a fresh temp folder otherwise. */
  dataDir?: string;
  secretProtection?: SecretProtection;
  /** The login agent for both sign-in methods (tests use the Playwright agent). */
  loginAgent?: LoginAgent;
  clock?: Clock;
  extraLoginOrigins?: string[];
  demo?: { label: string; loginUrl: string; clientId: string } | null;
}

export interface TestCore {
  core: Core;
  /** Calls a channel as the app's renderer would (trusted sender). */
  call: (channel: string, input?: unknown) => ReturnType<Core['dispatch']>;
  dataDir: string;
  secretBox: TestSecretBox;
  events: RecordingEvents;
  shell: RecordingShell;
  saveDialog: ScriptedSaveDialog;
  logger: MemoryLogger;
  dispose(): Promise<void>;
}

const refuseLogin: LoginAgent = {
  login: () => Promise.reject(new Error('This test core has no login agent')),
};

/** The real core wired to headless ports (real crypto, real files in a temp folder). */
export function createTestCore(options: TestCoreOptions = {}): TestCore {
  const temp = options.dataDir ? null : tempDir();
  const dataDir = options.dataDir ?? temp!.dir;
  const secretBox = new TestSecretBox(options.secretProtection ?? 'os');
  const events = new RecordingEvents();
  const shell = new RecordingShell();
  const saveDialog = new ScriptedSaveDialog();
  const logger = new MemoryLogger();
  const rendererUrl = options.rendererUrl ?? TEST_RENDERER_URL;
  const agent = options.loginAgent ?? refuseLogin;
  const core = createCore({
    identity: { version: '0.0.0-test', platform: process.platform, demo: options.demo ?? null },
    rendererUrl,
    dataDir,
    secretBox,
    store: createTestStore(dataDir),
    loginAgents: { window: agent, browser: agent },
    clock: options.clock ?? systemClock,
    events,
    shell,
    saveDialog,
    logger,
    extraLoginOrigins: options.extraLoginOrigins ?? [],
  });
  return {
    core,
    call: (channel, input) => core.dispatch(channel, input, rendererUrl),
    dataDir,
    secretBox,
    events,
    shell,
    saveDialog,
    logger,
    async dispose() {
      await core.dispose();
      temp?.remove();
    },
  };
}
