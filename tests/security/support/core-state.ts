import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TestCore } from '../../support/test-core';

/** Every file under `dir` (recursively) with its mode and a hash of its bytes, sorted by path. */
export function filesUnder(dir: string): { path: string; mode: number; sha256: string; bytes: Buffer }[] {
  const out: { path: string; mode: number; sha256: string; bytes: Buffer }[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const bytes = readFileSync(full);
        out.push({ path: relative(dir, full), mode: statSync(full).mode & 0o777, sha256: createHash('sha256').update(bytes).digest('hex'), bytes });
      }
    }
  };
  walk(dir);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * What a user could notice changing: settings, the connections list, the files in the data folder,
 * anything pushed to the window, opened in the browser or asked of the save dialog.
 */
export async function observableState(testCore: TestCore): Promise<string> {
  const settings = await testCore.call('settings.get');
  const connections = await testCore.call('connections.list');
  return JSON.stringify({
    settings,
    connections,
    files: filesUnder(testCore.dataDir).map(({ path, mode, sha256 }) => ({ path, mode, sha256 })),
    events: testCore.events.emitted.length,
    opened: testCore.shell.opened,
    asked: testCore.saveDialog.asked,
    openAsked: testCore.openDialog.asked,
  });
}
