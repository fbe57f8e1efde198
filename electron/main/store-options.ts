/**
 * The options the app's key-value store (electron-store, see electron-store-adapter.ts) is opened with,
 * Electron-free so the tests open their store (conf, electron-store's own base) with the very same ones.
 */
export function storeOptions(options: { name?: string; cwd?: string } = {}) {
  return {
    name: options.name ?? 'budgetly',
    // Owner-only: the file holds the sealed refresh token (conf's default mode 0o666 is world-readable after umask).
    configFileMode: 0o600,
    ...(options.cwd ? { cwd: options.cwd } : {}),
  };
}
