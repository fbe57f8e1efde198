import type { Connection, Result } from '../../../electron/contract';
import { createCore, type Core } from '../../../electron/core/create-core';
import { systemClock } from '../../../electron/core/ports';
import { HttpLoginAgent, MemoryLogger, RecordingEvents, RecordingShell, ScriptedConfirm, ScriptedFolderDialog, ScriptedOpenDialog, ScriptedSaveDialog, createTestStore, noPdfPrinter, TestSecretBox } from '../../../tests/headless';

export interface BenchCore {
  core: Core;
  events: RecordingEvents;
  saveDialog: ScriptedSaveDialog;
  /** Calls a channel as the renderer would; throws on an error result. */
  call<T = unknown>(channel: string, input?: unknown): Promise<T>;
}

/** The app's real core (createCore) on headless ports: the same composition root the Electron shell uses. */
export function createBenchCore(options: { dataDir: string; keyHex: string; orgUrl: string; moreOrgUrls?: readonly string[]; rendererUrl?: string }): BenchCore {
  const rendererUrl = options.rendererUrl ?? 'http://127.0.0.1:1/index.html';
  const events = new RecordingEvents();
  const saveDialog = new ScriptedSaveDialog();
  const agent = new HttpLoginAgent();
  const core = createCore({
    identity: { version: '0.0.0-bench', platform: process.platform, locale: 'en-US', demo: null },
    rendererUrl,
    dataDir: options.dataDir,
    secretBox: new TestSecretBox('os', Buffer.from(options.keyHex, 'hex')),
    store: createTestStore(options.dataDir),
    loginAgents: { window: agent, browser: agent },
    clock: systemClock,
    events,
    shell: new RecordingShell(),
    saveDialog,
    folderDialog: new ScriptedFolderDialog(),
    pdfPrinter: noPdfPrinter,
    openDialog: new ScriptedOpenDialog(),
    confirm: new ScriptedConfirm(),
    logger: new MemoryLogger(),
    extraLoginOrigins: [options.orgUrl, ...(options.moreOrgUrls ?? [])],
  });
  return {
    core,
    events,
    saveDialog,
    async call<T>(channel: string, input?: unknown): Promise<T> {
      const result = (await core.dispatch(channel, input, rendererUrl)) as Result<T>;
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
  };
}

/** Adds the local org as a connection and signs in (login form + consent over HTTP); returns the connection id. */
export async function connectBenchCore(bench: BenchCore, orgUrl: string): Promise<string> {
  const added = await bench.call<Connection>('connections.add', { label: 'Local org', loginUrl: orgUrl, clientId: 'budgetly-demo' });
  const connected = await bench.call<Connection>('connections.connect', { id: added.id });
  if (connected.status !== 'connected') throw new Error(`sign-in ended as ${connected.status}`);
  return added.id;
}

/**
 * The next end of the core's background record phase (every invoice's whole record, fetched after each sync: issue
 * #13), with how it ended and how many records it fetched. Armed before the sync it follows: measurements taken after
 * a sync wait for it, so it never runs under them unseen.
 */
export function nextRecordPhaseEnd(bench: BenchCore): Promise<{ phase: string; fetched: number; at: number }> {
  return new Promise((resolve) => {
    const stop = bench.events.listen((event, payload) => {
      const { phase, fetched } = payload as { phase?: string; fetched?: number };
      if (event !== 'invoices.recordProgress' || (phase !== 'done' && phase !== 'failed' && phase !== 'cancelled')) return;
      stop();
      resolve({ phase, fetched: fetched ?? 0, at: performance.now() });
    });
  });
}
