import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput, Connection, Settings } from '../../../electron/contract';
import { budgetly } from '../bridge';
import { errorOf, unwrap, type BridgeError } from './result';
import { useBridgeEvent } from './use-event';

export type AppInfo = ChannelOutput<'app.info'>;

/**
 * A value the app loads from the main process when it starts: null until loaded, the error of a failed load, and
 * `reload` to ask again. `ask` must be stable (a module-level function).
 */
function useStartupLoad<T>(ask: () => Promise<T>) {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<BridgeError | null>(null);
  const load = useCallback(() => {
    // Through a promise so that a missing bridge (page opened outside the app) shows as an error.
    Promise.resolve()
      .then(ask)
      .then(setValue, (e: unknown) => setError(errorOf(e)));
  }, [ask]);
  useEffect(load, [load]);
  const reload = useCallback(() => {
    setError(null);
    load();
  }, [load]);
  return { value, setValue, error, setError, reload };
}

const askInfoNow = () => unwrap(budgetly().app.info());
const askSettingsNow = () => unwrap(budgetly().settings.get());
const askConnectionsNow = () => unwrap(budgetly().connections.list());

/** The answers asked for as the page starts (`askStartupEarly`), each taken once by the App's first load of it. */
const early: { info?: Promise<AppInfo>; settings?: Promise<Settings>; connections?: Promise<Connection[]> } = {};

/**
 * Issue #19 (cold start): what the App needs before it shows the workspace — app info, settings, connections — is
 * asked for as the page starts, with the first rows (early-first-window.ts), instead of after React's first render:
 * the workspace mounts as soon as the page is free to take the answers. A `connections.changed` before the App
 * listens replaces the early answer. Never throws: a page opened without the bridge asks nothing.
 */
export function askStartupEarly(): void {
  if (!window.budgetly) return;
  early.info = askInfoNow();
  early.settings = askSettingsNow();
  early.connections = askConnectionsNow();
  for (const answer of [early.info, early.settings, early.connections]) answer.catch(() => undefined);
  budgetly().on('connections.changed', (list) => {
    if (early.connections) early.connections = Promise.resolve(list);
  });
}

/** The early answer once (then gone: a reload asks again), else a new ask. */
function takeEarly<K extends keyof typeof early>(key: K, ask: () => NonNullable<(typeof early)[K]>): () => NonNullable<(typeof early)[K]> {
  return () => {
    const answer = early[key];
    delete early[key];
    return (answer as NonNullable<(typeof early)[K]> | undefined) ?? ask();
  };
}

const askInfo = takeEarly('info', askInfoNow);
const askSettings = takeEarly('settings', askSettingsNow);
const askConnections = takeEarly('connections', askConnectionsNow);

export function useAppInfo(): { info: AppInfo | null; error: BridgeError | null } {
  const { value: info, error } = useStartupLoad(askInfo);
  return { info, error };
}

export interface SettingsState {
  /** null until loaded (and while a failed load is asked again). */
  settings: Settings | null;
  /** Why the settings could not be loaded (nothing else can show without them). */
  error: BridgeError | null;
  /** Asks for the settings again after a failure. */
  reload: () => void;
  update: (patch: Partial<Settings>) => Promise<void>;
  /** Why the last change was not saved (the main process refused it), until a change is saved. */
  saveError: string | null;
}

export function useSettings(): SettingsState {
  const { value: settings, setValue: setSettings, error, reload } = useStartupLoad(askSettings);
  const [saveError, setSaveError] = useState<string | null>(null);
  const update = useCallback(
    async (patch: Partial<Settings>) => {
      setSettings((current) => (current ? { ...current, ...patch } : current));
      try {
        setSettings(await unwrap(budgetly().settings.set(patch)));
        setSaveError(null);
      } catch (e) {
        // Not saved: show what is really stored, and why.
        setSaveError(errorOf(e).message);
        askSettingsNow().then(setSettings, () => undefined);
      }
    },
    [setSettings],
  );
  return { settings, error, reload, update, saveError };
}

/**
 * The saved connections, kept current by `connections.changed`. null until first loaded; a failed first load
 * leaves it null with the error (an empty list would be the first-run screen, which is not what happened).
 */
export function useConnections(): { connections: Connection[] | null; error: BridgeError | null; reload: () => void } {
  const { value: connections, setValue: setConnections, error, setError, reload } = useStartupLoad(askConnections);
  useBridgeEvent('connections.changed', (list) => {
    setConnections(list);
    setError(null);
  });
  return { connections, error, reload };
}
