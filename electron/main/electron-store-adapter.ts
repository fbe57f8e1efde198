import ElectronStore from 'electron-store';
import type { KeyValueStore } from '../core/ports';
import { storeOptions } from './store-options';
import { keyValueStoreOver } from './store-over-conf';

/**
 * The KeyValueStore of the app: electron-store (JSON in the user-data folder). It holds settings,
 * connection records and sealed blobs only; nothing secret is ever stored readable. Its
 * `encryptionKey` option is obfuscation, not security, so it is not used. Opened with the temp files a
 * killed write left removed (store-over-conf.ts).
 */
export function createElectronStoreAdapter(options: { name?: string; cwd?: string } = {}): KeyValueStore {
  return keyValueStoreOver(new ElectronStore<Record<string, unknown>>(storeOptions(options)));
}
