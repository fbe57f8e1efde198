import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput, Connection, Settings } from '../../../electron/contract';
import { budgetly } from '../bridge';
import { errorOf, unwrap, type BridgeError } from './result';
import { useBridgeEvent } from './use-event';

export type AppInfo = ChannelOutput<'app.info'>;

export function useAppInfo(): { info: AppInfo | null; error: BridgeError | null } {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<BridgeError | null>(null);
  useEffect(() => {
    // Through a promise so that a missing bridge (page opened outside the app) shows as an error.
    Promise.resolve()
      .then(() => unwrap(budgetly().app.info()))
      .then(setInfo, (e: unknown) => setError(errorOf(e)));
  }, []);
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
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<BridgeError | null>(null);
  const load = useCallback(() => {
    Promise.resolve()
      .then(() => unwrap(budgetly().settings.get()))
      .then(setSettings, (e: unknown) => setError(errorOf(e)));
  }, []);
  useEffect(load, [load]);
  const reload = useCallback(() => {
    setError(null);
    load();
  }, [load]);
  const [saveError, setSaveError] = useState<string | null>(null);
  const update = useCallback(async (patch: Partial<Settings>) => {
    setSettings((current) => (current ? { ...current, ...patch } : current));
    try {
      setSettings(await unwrap(budgetly().settings.set(patch)));
      setSaveError(null);
    } catch (e) {
      // Not saved: show what is really stored, and why.
      setSaveError(errorOf(e).message);
      unwrap(budgetly().settings.get()).then(setSettings, () => undefined);
    }
  }, []);
  return { settings, error, reload, update, saveError };
}

/**
 * The saved connections, kept current by `connections.changed`. null until first loaded; a failed first load
 * leaves it null with the error (an empty list would be the first-run screen, which is not what happened).
 */
export function useConnections(): { connections: Connection[] | null; error: BridgeError | null; reload: () => void } {
  const [connections, setConnections] = useState<Connection[] | null>(null);
  const [error, setError] = useState<BridgeError | null>(null);
  const load = useCallback(() => {
    Promise.resolve()
      .then(() => unwrap(budgetly().connections.list()))
      .then(setConnections, (e: unknown) => setError(errorOf(e)));
  }, []);
  useEffect(load, [load]);
  const reload = useCallback(() => {
    setError(null);
    load();
  }, [load]);
  useBridgeEvent('connections.changed', (list) => {
    setConnections(list);
    setError(null);
  });
  return { connections, error, reload };
}
