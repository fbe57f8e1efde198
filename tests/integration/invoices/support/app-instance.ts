import { createCore, type Core } from '../../../../electron/core/create-core';
import { systemClock, type LoginAgent, type SecretBox } from '../../../../electron/core/ports';
import { TEST_RENDERER_URL } from '../../../support/test-core';
import { MemoryLogger, RecordingEvents, RecordingShell, ScriptedSaveDialog, createTestStore } from '../../../support/test-ports';

/** One run of the whole core on a data folder; a second one on the same folder and secret box is the app reopened. */
export interface AppInstance {
  core: Core;
  events: RecordingEvents;
  shell: RecordingShell;
  saveDialog: ScriptedSaveDialog;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read results of many channels
  call: (channel: string, input?: unknown) => Promise<{ ok: boolean; value?: any; error?: { code: string; message: string } }>;
}

export function startAppInstance(options: { dataDir: string; secretBox: SecretBox; agent: LoginAgent; orgUrl: string }): AppInstance {
  const events = new RecordingEvents();
  const shell = new RecordingShell();
  const saveDialog = new ScriptedSaveDialog();
  const core = createCore({
    identity: { version: '0.0.0-test', platform: process.platform, demo: null },
    rendererUrl: TEST_RENDERER_URL,
    dataDir: options.dataDir,
    secretBox: options.secretBox,
    store: createTestStore(options.dataDir),
    loginAgents: { window: options.agent, browser: options.agent },
    clock: systemClock,
    events,
    shell,
    saveDialog,
    logger: new MemoryLogger(),
    extraLoginOrigins: [options.orgUrl],
  });
  return { core, events, shell, saveDialog, call: (channel, input) => core.dispatch(channel, input, TEST_RENDERER_URL) as never };
}
