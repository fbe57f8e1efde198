import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { storeOptions } from '../../electron/main/store-options';
import { keyValueStoreOver } from '../../electron/main/store-over-conf';
import type { EventName, EventPayload, SecretProtection } from '../../electron/contract';
import { checkEvent } from './contract-check';
import type { Clock, Confirm, ConfirmQuestion, EventSink, FolderDialog, KeyValueStore, LaunchRequests, Logger, OpenDialog, PdfPrinter, SaveDialog, SecretBox, Shell } from '../../electron/core/ports';
import type { LaunchRequest } from '../../electron/core/provisioning/launch-args';

/**
 * Headless implementations of the core's ports (see DESIGN.md): real crypto, real files,
 * a controllable clock. Used by integration and e2e tests in place of Electron.
 */

/**
 * AES-256-GCM; `protection` can be set to model each OS state. The key is random per box unless
 * given, so two processes (or two app starts) can share one, as safeStorage does for a user.
 */
export class TestSecretBox implements SecretBox {
  constructor(
    public level: SecretProtection = 'os',
    private readonly key: Buffer = randomBytes(32),
  ) {}

  get keyHex(): string {
    return this.key.toString('hex');
  }

  protection(): SecretProtection {
    return this.level;
  }

  async seal(plain: Uint8Array): Promise<Uint8Array> {
    if (this.level === 'unavailable') throw new Error('Encryption is not available');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  async open(sealed: Uint8Array): Promise<Uint8Array> {
    if (this.level === 'unavailable') throw new Error('Encryption is not available');
    const buffer = Buffer.from(sealed);
    const decipher = createDecipheriv('aes-256-gcm', this.key, buffer.subarray(0, 12));
    decipher.setAuthTag(buffer.subarray(12, 28));
    return Buffer.concat([decipher.update(buffer.subarray(28)), decipher.final()]);
  }
}

/** electron-store's own base (`conf`) in a folder of the test's, opened with the app's own store options. */
export function createTestStore(dir: string): KeyValueStore {
  return keyValueStoreOver(new Conf<Record<string, unknown>>({ ...storeOptions({ cwd: dir }), configName: 'settings', projectName: 'budgetly-test' }));
}

export class ManualClock implements Clock {
  private timers: { at: number; callback: () => void; id: number }[] = [];
  private nextId = 1;
  constructor(private current = Date.parse('2026-11-29T12:00:00Z')) {}

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): () => void {
    const id = this.nextId++;
    this.timers.push({ at: this.current + ms, callback, id });
    return () => {
      this.timers = this.timers.filter((timer) => timer.id !== id);
    };
  }

  /**
   * The machine sleeps for `ms`: the wall clock jumps, timers fire nothing and their remaining time is kept
   * (Node's timers count awake time only, as libuv's monotonic clock stops during suspend).
   */
  sleep(ms: number): void {
    this.current += ms;
    for (const timer of this.timers) timer.at += ms;
  }

  /** Timers set and not yet fired or cancelled: a test advances once the code under test has set the one it waits for. */
  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Moves time forward, firing due timers in order. */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.current = due.at;
      due.callback();
    }
    this.current = target;
  }
}

/** Records what the core pushes to the window, each payload checked against its contract schema. */
export class RecordingEvents implements EventSink {
  readonly emitted: { event: EventName; payload: unknown }[] = [];
  private readonly listeners = new Set<(event: EventName, payload: unknown) => void>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    checkEvent(event, payload);
    this.emitted.push({ event, payload });
    for (const listener of this.listeners) listener(event, payload);
  }

  listen(listener: (event: EventName, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  of<E extends EventName>(event: E): EventPayload<E>[] {
    return this.emitted.filter((entry) => entry.event === event).map((entry) => entry.payload as EventPayload<E>);
  }
}

export class RecordingShell implements Shell {
  readonly opened: string[] = [];
  /** Files opened with the OS's program, and shown in the file manager. */
  readonly openedPaths: string[] = [];
  readonly shownInFolder: string[] = [];
  /** What the OS says when it cannot open a file (like Electron's shell.openPath): '' opens it. */
  openPathError = '';
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  }
  async openPath(path: string): Promise<void> {
    if (this.openPathError) throw new Error(this.openPathError);
    this.openedPaths.push(path);
  }
  showItemInFolder(path: string): void {
    this.shownInFolder.push(path);
  }
}

/** Answers the main process's questions as the test says (no by default), and records what was asked. */
export class ScriptedConfirm implements Confirm {
  readonly asked: ConfirmQuestion[] = [];
  answer = false;
  async ask(question: ConfirmQuestion): Promise<boolean> {
    this.asked.push(question);
    return this.answer;
  }
}

/** Answers the save dialog with a path chosen by the test (null = the user cancelled). */
export class ScriptedSaveDialog implements SaveDialog {
  constructor(public answer: string | null = null) {}
  readonly asked: string[] = [];
  async choosePath(options: { defaultName: string }): Promise<string | null> {
    this.asked.push(options.defaultName);
    return this.answer;
  }
}

/** Answers the folder dialog with a folder chosen by the test (null = the user cancelled), and records the titles asked. */
export class ScriptedFolderDialog implements FolderDialog {
  constructor(public answer: string | null = null) {}
  readonly asked: string[] = [];
  async chooseFolder(options: { title: string }): Promise<string | null> {
    this.asked.push(options.title);
    return this.answer;
  }
}

/** Answers the open dialog with a path chosen by the test (null = the user cancelled), and counts the questions. */
export class ScriptedOpenDialog implements OpenDialog {
  constructor(public answer: string | null = null) {}
  asked = 0;
  async choosePath(): Promise<string | null> {
    this.asked++;
    return this.answer;
  }
}

/** For cores that make no PDF (the benchmarks): says so if ever asked. */
export const noPdfPrinter: PdfPrinter = {
  print: () => Promise.reject(new Error('This core has no PDF printer')),
};

export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  info(message: string, details?: Record<string, unknown>): void {
    this.lines.push(`info ${message} ${details ? JSON.stringify(details) : ''}`);
  }
  warn(message: string, details?: Record<string, unknown>): void {
    this.lines.push(`warn ${message} ${details ? JSON.stringify(details) : ''}`);
  }
  error(message: string, details?: Record<string, unknown>): void {
    this.lines.push(`error ${message} ${details ? JSON.stringify(details) : ''}`);
  }
}

/** A fresh temp folder and a function that removes it. */
export function tempDir(prefix = 'budgetly-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Links and files handed to the app, delivered by direct calls (the shell's open-url / argv in the app). */
export class DirectLaunchRequests implements LaunchRequests {
  private listener: ((request: LaunchRequest) => void) | null = null;
  listen(listener: (request: LaunchRequest) => void): () => void {
    this.listener = listener;
    return () => (this.listener = null);
  }
  deliver(request: LaunchRequest): void {
    if (!this.listener) throw new Error('DirectLaunchRequests: the core is not listening');
    this.listener(request);
  }
}
