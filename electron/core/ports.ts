import type { EventName, EventPayload, SecretProtection } from '../contract';
import type { LaunchRequest } from './provisioning/launch-args';

/**
 * The ports the core depends on. The Electron shell implements them with Electron
 * (safeStorage, electron-store, BrowserWindow, shell, dialog); tests implement them
 * with plain Node and Playwright. Nothing in the core imports Electron.
 */

/** Seals and opens secrets. In the app: safeStorage. In tests: AES-256-GCM with a test key. */
export interface SecretBox {
  /** 'os' = real OS-backed encryption; 'basic_text' = Linux fallback with a hard-coded key; 'unavailable' = none. */
  protection(): SecretProtection;
  seal(plain: Uint8Array): Promise<Uint8Array>;
  /** Throws when the blob cannot be opened (corrupted, other machine, other user). */
  open(sealed: Uint8Array): Promise<Uint8Array>;
}

/** Non-secret settings and sealed blobs. In the app: electron-store. In tests: conf in a temp dir. */
export interface KeyValueStore {
  get<T = unknown>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

export interface LoginRequest {
  /** The full authorize URL to open. */
  authorizeUrl: string;
  /** Exact redirect URI registered for the app; the agent resolves with the first URL matching its origin and path. */
  redirectUri: string;
  /** Aborted on cancel (user clicked Cancel in the app) or timeout. */
  signal: AbortSignal;
  /** The connection signing in: the login window keeps one partition per connection, so two orgs never share cookies. */
  connectionId?: string;
}

/**
 * Opens the login page and resolves with the redirect URL that came back (query string intact).
 * Rejects with AppError('CANCELLED') when the user closes the window, and on abort.
 */
export interface LoginAgent {
  login(request: LoginRequest): Promise<string>;
  /** Forgets the login pages' cookies and storage (the login window's partition), on disconnect; all partitions without an id. */
  clearSession?(connectionId?: string): Promise<void>;
}

/** Tells the core when the computer wakes from sleep. In the app: Electron's `powerMonitor` 'resume'. */
export interface PowerEvents {
  /** Calls `listener` on every wake-up (the OS may report one more than once); returns the unsubscribe. */
  onResume(listener: () => void): () => void;
}

/**
 * Links (`budgetly://…`) and files (`.budgetly`) the OS hands to the app. In the app: `open-url`,
 * the second instance's argv and the first launch's argv, queued until the core listens. In tests: direct calls.
 */
export interface LaunchRequests {
  listen(listener: (request: LaunchRequest) => void): () => void;
}

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): () => void;
}

export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export interface Shell {
  /** Opens an https URL in the OS browser. */
  openExternal(url: string): Promise<void>;
  /** Opens a file the core wrote (an export) with the OS's program for it; rejects with the OS's reason when it cannot. */
  openPath(path: string): Promise<void>;
  /** Shows a file the core wrote in the OS's file manager, selected. */
  showItemInFolder(path: string): void;
}

/** A question the main process asks the user itself (never on the renderer's word). */
export interface ConfirmQuestion {
  title: string;
  message: string;
  detail: string;
  /** The button that says yes (the default button is always the other one). */
  confirm: string;
  cancel: string;
}

/** Asks the user in the main process. In the app: a native `dialog`. In tests: a scripted answer. */
export interface Confirm {
  ask(question: ConfirmQuestion): Promise<boolean>;
}

export interface SaveDialog {
  /** Asks where to save; null when the user cancels. */
  choosePath(options: { defaultName: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>;
}

/**
 * Turns a self-contained HTML page (inline CSS, no script, no network) into PDF bytes. In the app: a hidden, sandboxed
 * BrowserWindow with JavaScript off and `webContents.printToPDF`; in tests and headless: Chromium's `page.pdf()`
 * (the same engine), both with `statementPdfOptions` (electron/core/statements/pdf-options.ts).
 */
export interface PdfPrinter {
  print(html: string): Promise<Uint8Array>;
}

/** Asks for a folder (several files go into it); null when the user cancels. In the app: a native `dialog`. */
export interface FolderDialog {
  chooseFolder(options: { title: string }): Promise<string | null>;
}

/** Asks which file to open (Import views); null when the user cancels. In the app: a native dialog. In tests: a scripted answer. */
export interface OpenDialog {
  choosePath(options: { filters: { name: string; extensions: string[] }[] }): Promise<string | null>;
}

export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, ms) {
    const timer = setTimeout(callback, ms);
    timer.unref?.();
    return () => clearTimeout(timer);
  },
};
