import { createCore, type Core } from '../../../electron/core/create-core';
import { systemClock, type KeyValueStore, type LoginAgent } from '../../../electron/core/ports';
import { TEST_RENDERER_URL } from '../../support/test-core';
import { MemoryLogger, RecordingEvents, RecordingShell, ScriptedSaveDialog, TestSecretBox, createTestStore } from '../../support/test-ports';

/**
 * One run of the app on a data folder, with a secret box that can outlive it: starting a
 * second instance on the same folder and box models quitting and reopening Budgetly
 * (same OS keychain), a fresh box models another machine or user.
 */
export interface AppInstance {
  core: Core;
  store: KeyValueStore;
  events: RecordingEvents;
  logger: MemoryLogger;
  call: (channel: string, input?: unknown) => ReturnType<Core['dispatch']>;
}

export function startAppInstance(options: {
  dataDir: string;
  secretBox: TestSecretBox;
  agent: LoginAgent;
  extraLoginOrigins: string[];
}): AppInstance {
  const store = createTestStore(options.dataDir);
  const events = new RecordingEvents();
  const logger = new MemoryLogger();
  const core = createCore({
    identity: { version: '0.0.0-test', platform: process.platform, demo: null },
    rendererUrl: TEST_RENDERER_URL,
    dataDir: options.dataDir,
    secretBox: options.secretBox,
    store,
    loginAgents: { window: options.agent, browser: options.agent },
    clock: systemClock,
    events,
    shell: new RecordingShell(),
    saveDialog: new ScriptedSaveDialog(),
    logger,
    extraLoginOrigins: options.extraLoginOrigins,
  });
  return { core, store, events, logger, call: (channel, input) => core.dispatch(channel, input, TEST_RENDERER_URL) };
}

