import { createCipheriv, createDecipheriv } from 'node:crypto';
import type { Connection, Result } from '../../../electron/contract';
import { createCore, type Core } from '../../../electron/core/create-core';
import { systemClock, type SecretBox } from '../../../electron/core/ports';
import { MemoryLogger, RecordingEvents, RecordingShell, ScriptedSaveDialog, createTestStore } from '../../../tests/support/test-ports';
import { HttpLoginAgent } from './http-login-agent';

/** AES-256-GCM with a key the runner hands to every worker, so a data folder opens in any of them (as safeStorage would). */
export class BenchSecretBox implements SecretBox {
  private readonly key: Buffer;
  constructor(keyHex: string) {
    this.key = Buffer.from(keyHex, 'hex');
  }
  protection() {
    return 'os' as const;
  }
  async seal(plain: Uint8Array): Promise<Uint8Array> {
    const iv = Buffer.from(crypto.getRandomValues(new Uint8Array(12)));
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }
  async open(sealed: Uint8Array): Promise<Uint8Array> {
    const buffer = Buffer.from(sealed);
    const decipher = createDecipheriv('aes-256-gcm', this.key, buffer.subarray(0, 12));
    decipher.setAuthTag(buffer.subarray(12, 28));
    return Buffer.concat([decipher.update(buffer.subarray(28)), decipher.final()]);
  }
}

export interface BenchCore {
  core: Core;
  events: RecordingEvents;
  saveDialog: ScriptedSaveDialog;
  /** Calls a channel as the renderer would; throws on an error result. */
  call<T = unknown>(channel: string, input?: unknown): Promise<T>;
}

/** The app's real core (createCore) on headless ports: the same composition root the Electron shell uses. */
export function createBenchCore(options: { dataDir: string; keyHex: string; orgUrl: string; rendererUrl?: string }): BenchCore {
  const rendererUrl = options.rendererUrl ?? 'http://127.0.0.1:1/index.html';
  const events = new RecordingEvents();
  const saveDialog = new ScriptedSaveDialog();
  const agent = new HttpLoginAgent();
  const core = createCore({
    identity: { version: '0.0.0-bench', platform: process.platform, demo: null },
    rendererUrl,
    dataDir: options.dataDir,
    secretBox: new BenchSecretBox(options.keyHex),
    store: createTestStore(options.dataDir),
    loginAgents: { window: agent, browser: agent },
    clock: systemClock,
    events,
    shell: new RecordingShell(),
    saveDialog,
    logger: new MemoryLogger(),
    extraLoginOrigins: [options.orgUrl],
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
