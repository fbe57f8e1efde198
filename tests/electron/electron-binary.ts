import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/**
 * Where a real Electron binary is, without importing or downloading `electron`:
 * ELECTRON_OVERRIDE_DIST_PATH, else one that `npx install-electron` already put in node_modules.
 */
export function findElectronBinary(): string | null {
  const pathFile = join(root, 'node_modules/electron/path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? join(override, name) : join(root, 'node_modules/electron/dist', name);
  return existsSync(candidate) ? candidate : null;
}
