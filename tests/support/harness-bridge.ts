import { buildBridge, type BudgetlyBridge } from '../../electron/contract/bridge';
import { channelNames } from '../../electron/contract/channel-names';

/**
 * Bundled into the page before it loads (Playwright addInitScript): builds `window.budgetly`
 * exactly as the preload does, from the same contract, but routes calls through the
 * harness's exposed binding instead of Electron's ipcRenderer.
 */
declare global {
  interface Window {
    budgetly: BudgetlyBridge;
    __budgetlyInvoke(channel: string, input: unknown): Promise<unknown>;
    __budgetlyEmit(event: string, payload: unknown): void;
  }
}

const listeners = new Map<string, Set<(payload: unknown) => void>>();

Object.defineProperty(window, '__budgetlyEmit', {
  value: (event: string, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  },
});

const bridge = buildBridge(
  channelNames,
  (channel, input) => window.__budgetlyInvoke(channel, input),
  (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  },
);

Object.defineProperty(window, 'budgetly', { value: bridge, enumerable: true });
