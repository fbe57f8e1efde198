import { contextBridge, ipcRenderer } from 'electron';
// The contract's names and bridge builder only: its index would bundle the zod schemas (~190 KB) into the preload.
import { buildBridge, IPC_EVENT, IPC_INVOKE } from '../contract/bridge';
import { channelNames, eventNames } from '../contract/channel-names';

/**
 * Sandboxed preload (bundled to one CommonJS file): exposes `window.budgetly`, one function per
 * contract channel. The renderer never gets ipcRenderer itself, only these functions.
 */
const listeners = new Map<string, Set<(payload: unknown) => void>>();

const known = new Set<string>(eventNames);

ipcRenderer.on(IPC_EVENT, (_event, name: string, payload: unknown) => {
  if (!known.has(name)) return;
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const bridge = buildBridge(
  channelNames,
  (channel, input) => ipcRenderer.invoke(IPC_INVOKE, channel, input),
  (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
);

contextBridge.exposeInMainWorld('budgetly', bridge);
