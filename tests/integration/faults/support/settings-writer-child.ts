/**
 * Child process for the crash test: rewrites the settings store (conf, electron-store's own base, in
 * <dir>) as fast as it can until it is killed. Each version carries its round and a large block of
 * text, so a torn write would show as unparseable JSON or a block of the wrong length.
 * Usage: tsx settings-writer-child.ts <dir>
 */
import { createTestStore } from '../../../support/test-ports';

const [dir] = process.argv.slice(2);
const store = createTestStore(dir!);
for (let round = 1; ; round++) {
  store.set('settings', { theme: round % 2 ? 'dark' : 'light', round, padding: String(round % 10).repeat(400_000) });
  process.stdout.write(`wrote ${round}\n`);
}
