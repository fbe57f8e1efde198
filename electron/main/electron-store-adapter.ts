import ElectronStore from 'electron-store';
import type { KeyValueStore } from '../core/ports';
import { storeOptions } from './store-options';

/**
 * The KeyValueStore of the app: electron-store (JSON in the user-data folder). It holds settings,
 * connection records and sealed blobs only; nothing secret is ever stored readable. Its
 * `encryptionKey` option is obfuscation, not security, so it is not used.
 */
export function createElectronStoreAdapter(options: { name?: string; cwd?: string } = {}): KeyValueStore {
  const store = new ElectronStore<Record<string, unknown>>(storeOptions(options));
  return {
    get: <T>(key: string) => store.get(key) as T | undefined,
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
  };
}
