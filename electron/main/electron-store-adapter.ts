import ElectronStore from 'electron-store';
import type { KeyValueStore } from '../core/ports';

/**
 * The KeyValueStore of the app: electron-store (JSON in the user-data folder). It holds settings,
 * connection records and sealed blobs only; nothing secret is ever stored readable. Its
 * `encryptionKey` option is obfuscation, not security, so it is not used.
 */
export function createElectronStoreAdapter(options: { name?: string; cwd?: string } = {}): KeyValueStore {
  // Owner-only: the file holds the sealed refresh token (conf's default mode 0o666 is world-readable after umask).
  const store = new ElectronStore<Record<string, unknown>>({ name: options.name ?? 'budgetly', configFileMode: 0o600, ...(options.cwd ? { cwd: options.cwd } : {}) });
  return {
    get: <T>(key: string) => store.get(key) as T | undefined,
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
  };
}
