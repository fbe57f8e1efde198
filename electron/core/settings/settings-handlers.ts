import { AppError } from '../../contract';
import type { CoreWords } from '../i18n/core-words';
import type { Handlers } from '../ipc/dispatcher';
import type { Confirm } from '../ports';
import type { SettingsService } from './settings-service';
import { weakStorageDeclinedThisSession, weakStorageQuestion } from './settings-text';

/**
 * `settings.get` / `settings.set`. Weaker storage is switched on only after the user said yes in a question
 * the main process asks itself (a compromised renderer cannot switch it on alone); declined, the rest of the
 * patch still applies. The renderer cannot nag the user into a yes: one question at a time (requests while it is
 * open share its answer), and once declined it is not asked again this session — later requests to switch it on
 * are refused (FORBIDDEN, saying how to be asked again). A setting the machine policy locks is refused (FORBIDDEN)
 * here, not only greyed out in the window. Switching it off resolves once the weakly stored data is gone (tokens,
 * offline copies).
 */
export function settingsHandlers(settings: SettingsService, confirm: Confirm, words: CoreWords): Pick<Handlers, 'settings.get' | 'settings.set'> {
  let declined = false;
  let asking: Promise<boolean> | null = null;
  const askOnce = async (): Promise<boolean> => {
    if (declined) throw new AppError('FORBIDDEN', weakStorageDeclinedThisSession(words.t));
    asking ??= confirm.ask(weakStorageQuestion(words.t)).finally(() => (asking = null));
    const yes = await asking;
    if (!yes) declined = true;
    return yes;
  };
  return {
    'settings.get': () => settings.get(),
    'settings.set': async (patch) => {
      // A locked setting is refused before anything is asked or saved (the whole patch, so nothing half-applies).
      settings.assertAllowed(patch);
      let applied = patch;
      if (patch.allowWeakStorage === true && !settings.get().allowWeakStorage && !(await askOnce())) {
        const { allowWeakStorage: _declined, ...rest } = patch;
        applied = rest;
      }
      const next = Object.keys(applied).length > 0 ? settings.update(applied) : settings.get();
      await settings.settled();
      return next;
    },
  };
}
