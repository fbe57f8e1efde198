import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { KeyValueStore } from '../core/ports';

/** What the app's store (electron-store) and the tests' (conf, its base) both are: one JSON file, read and written whole. */
export interface ConfStore {
  readonly path: string;
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

/** conf's atomic write (the `atomically` package): `<file>.tmp-<10 digits of the clock><6 hex>` beside the file. */
const tempOf = (file: string) => new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.tmp-\\d{10}[0-9a-f]{6}$`);

/**
 * The app's KeyValueStore over a conf store that has just been opened, with the temp files a killed write of this store
 * left beside it removed. conf writes atomically (temp file, fsync, rename): a process killed between the write and the
 * rename leaves the temp, which holds what the store holds (the sealed tokens, the settings), and nothing removed it
 * (review30: 3 of 37 kills right after an incremental's answer). Only this file's own temps, by conf's exact pattern: the
 * store is opened once, before anything writes it, and the single-instance lock (electron/main/index.ts) keeps a second
 * app's writes out of the folder. Best effort: a temp that cannot be removed is left as it was.
 */
export function keyValueStoreOver(store: ConfStore): KeyValueStore {
  removeLeftTemps(store.path);
  return {
    get: <T>(key: string) => store.get(key) as T | undefined,
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
  };
}

function removeLeftTemps(file: string): void {
  const folder = dirname(file);
  const own = tempOf(basename(file));
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (!own.test(name)) continue;
    try {
      rmSync(join(folder, name), { force: true });
    } catch {
      // Not removable (a folder of that name, no permission): left as it was; the store opens all the same.
    }
  }
}
