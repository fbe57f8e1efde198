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

export function useSettings(): { settings: Settings | null; update: (patch: Partial<Settings>) => Promise<void> } {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    Promise.resolve()
      .then(() => unwrap(budgetly().settings.get()))
      .then(setSettings, () => undefined);
  }, []);
  const update = useCallback(async (patch: Partial<Settings>) => {
    setSettings((current) => (current ? { ...current, ...patch } : current));
    try {
      setSettings(await unwrap(budgetly().settings.set(patch)));
    } catch {
      // Not saved: show what is really stored.
      unwrap(budgetly().settings.get()).then(setSettings, () => undefined);
    }
  }, []);
  return { settings, update };
}

/** The saved connections, kept current by `connections.changed`. null until first loaded. */
export function useConnections(): { connections: Connection[] | null; error: BridgeError | null; reload: () => void } {
  const [connections, setConnections] = useState<Connection[] | null>(null);
  const [error, setError] = useState<BridgeError | null>(null);
  const reload = useCallback(() => {
    Promise.resolve()
      .then(() => unwrap(budgetly().connections.list()))
      .then(
      (list) => {
        setConnections(list);
        setError(null);
      },
      (e: unknown) => {
        setError(errorOf(e));
        setConnections((current) => current ?? []);
      },
    );
  }, []);
  useEffect(reload, [reload]);
  useBridgeEvent('connections.changed', setConnections);
  return { connections, error, reload };
}
