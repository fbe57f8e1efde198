import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelOutput, Connection, Settings } from '../../../electron/contract';
import { budgetly } from '../bridge';
import { askConnectionsNow, askInfoNow, askSettingsNow, arrivedEarly, dropEarly, takeEarly, type EarlyAnswers, type EarlyKey } from './early-startup';
import { errorOf, unwrap, type BridgeError } from './result';
import { useBridgeEvent } from './use-event';

export type AppInfo = ChannelOutput<'app.info'>;

/**
 * A value the app loads from the main process when it starts: null until loaded, the error of a failed load, and
 * `reload` to ask again. `ask` must be stable (a module-level function).
 */
function useStartupLoad<K extends EarlyKey>(key: K, ask: () => Promise<EarlyAnswers[K]>) {
  type T = EarlyAnswers[K];
  // Already here (asked as the page started): the first render has it — no Loading screen first.
  const [arrived] = useState(() => arrivedEarly(key));
  const [value, setValue] = useState<T | null>(arrived);
  const [error, setError] = useState<BridgeError | null>(null);
  const load = useCallback(() => {
    // Through a promise so that a missing bridge (page opened outside the app) shows as an error.
    Promise.resolve()
      .then(ask)
      .then(setValue, (e: unknown) => setError(errorOf(e)));
  }, [ask]);
  const first = useRef(arrived !== null);
  useEffect(() => {
    // The arrived answer is the value: taken now, nothing to ask on mount.
    if (first.current) {
      first.current = false;
      dropEarly(key);
      return;
    }
    load();
  }, [load, key]);
  const reload = useCallback(() => {
    setError(null);
    load();
  }, [load]);
  return { value, setValue, error, setError, reload };
}

const askInfo = takeEarly('info', askInfoNow);
const askSettings = takeEarly('settings', askSettingsNow);
const askConnections = takeEarly('connections', askConnectionsNow);

export function useAppInfo(): { info: AppInfo | null; error: BridgeError | null } {
  const { value: info, error } = useStartupLoad('info', askInfo);
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
  const { value: settings, setValue: setSettings, error, reload } = useStartupLoad('settings', askSettings);
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
  const { value: connections, setValue: setConnections, error, setError, reload } = useStartupLoad('connections', askConnections);
  useBridgeEvent('connections.changed', (list) => {
    setConnections(list);
    setError(null);
  });
  return { connections, error, reload };
}
