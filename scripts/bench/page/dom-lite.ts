/**
 * The few DOM types the page-side probe needs. The bench is type-checked with the Node config
 * (no DOM lib), so the probe declares what it touches instead of pulling the DOM lib into every script.
 */
export interface El {
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  addEventListener(type: string, listener: (event: { timeStamp: number; target: unknown }) => void, options?: { capture?: boolean; once?: boolean }): void;
  removeEventListener(type: string, listener: (event: { timeStamp: number; target: unknown }) => void, options?: { capture?: boolean }): void;
  contains(other: unknown): boolean;
  textContent: string | null;
  value?: string;
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
}

export interface MutationObserverLite {
  observe(target: El, options: { subtree?: boolean; childList?: boolean; attributes?: boolean; characterData?: boolean }): void;
  disconnect(): void;
}

export interface PerfEntryLite {
  duration: number;
  startTime: number;
}

export interface PageGlobal {
  document: El;
  MutationObserver: new (callback: () => void) => MutationObserverLite;
  PerformanceObserver: new (callback: (list: { getEntries(): PerfEntryLite[] }) => void) => { observe(options: { type: string; buffered?: boolean }): void; disconnect(): void };
  requestAnimationFrame(callback: (time: number) => void): number;
  addEventListener: El['addEventListener'];
  removeEventListener: El['removeEventListener'];
  performance: { now(): number };
  atob(data: string): string;
  fetch(url: string): Promise<{ ok: boolean; status: number; arrayBuffer(): Promise<ArrayBuffer> }>;
  __budgetlyInvoke?: (channel: string, input: unknown) => Promise<unknown>;
  __benchInvoke?: (channel: string, input: unknown) => Promise<unknown>;
  __bench?: unknown;
}

export const page = globalThis as unknown as PageGlobal;

/** Resolves inside the next animation frame callback with the time then (the frame that will paint what is in the DOM). */
export const nextFrame = (): Promise<number> => new Promise((resolve) => page.requestAnimationFrame(() => resolve(page.performance.now())));
