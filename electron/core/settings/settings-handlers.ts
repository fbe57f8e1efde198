import type { Handlers } from '../ipc/dispatcher';
import type { Confirm } from '../ports';
import type { SettingsService } from './settings-service';
import { weakStorageQuestion } from './settings-text';

/**
 * `settings.get` / `settings.set`. Weaker storage is switched on only after the user said yes in a question
 * the main process asks itself (a compromised renderer cannot switch it on alone); declined, the rest of the
 * patch still applies. A setting the machine policy locks is refused (FORBIDDEN) here, not only greyed out in the window. Switching it off resolves once the weakly stored data is gone (tokens, offline copies).
 */
export function settingsHandlers(settings: SettingsService, confirm: Confirm): Pick<Handlers, 'settings.get' | 'settings.set'> {
  return {
    'settings.get': () => settings.get(),
    'settings.set': async (patch) => {
      // A locked setting is refused before anything is asked or saved (the whole patch, so nothing half-applies).
      settings.assertAllowed(patch);
      let applied = patch;
      if (patch.allowWeakStorage === true && !settings.get().allowWeakStorage && !(await confirm.ask(weakStorageQuestion))) {
        const { allowWeakStorage: _declined, ...rest } = patch;
        applied = rest;
      }
      const next = Object.keys(applied).length > 0 ? settings.update(applied) : settings.get();
      await settings.settled();
      return next;
    },
  };
}
