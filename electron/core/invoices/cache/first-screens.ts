import { readFile } from 'node:fs/promises';
import type { Logger, SecretBox } from '../../ports';
import { writeBytesAtomically } from './atomic-file';
import type { InvoiceCacheStore } from './cache-store';
import { copyIdentityAt, decodeFirstScreen, encodeFirstScreen, FirstScreenMismatch, type FirstScreen } from './first-screen-file';

/**
 * Each copy's first screen on disk (first-screen-file.ts), beside the copy and sealed by the same SecretBox: written
 * after every write of the copy (a full sync, an incremental append, a compaction), read at start-up before the copy.
 * A first screen that is missing, damaged or made from another copy is not used (logged), never an error: the app
 * then decodes the whole copy, as it did before there were first screens.
 */
export class FirstScreens {
  constructor(
    private readonly store: InvoiceCacheStore,
    private readonly secretBox: SecretBox,
    private readonly logger: Logger,
  ) {}

  /** The first screen of the copy as the store last wrote it (none for a copy it cannot append to: an old format). */
  async write(connectionId: string, screen: FirstScreen): Promise<void> {
    const copy = this.store.identity(connectionId);
    if (!copy) return;
    await writeBytesAtomically(this.store.firstScreenPathFor(connectionId), await encodeFirstScreen(screen, this.secretBox, connectionId, copy));
  }

  /** The first screen of the copy on disk now, or null (none, damaged, of another copy: see the class). */
  async read(connectionId: string): Promise<FirstScreen | null> {
    try {
      const copy = await copyIdentityAt(this.store.pathFor(connectionId));
      if (!copy) return null;
      const bytes = await readFile(this.store.firstScreenPathFor(connectionId)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      return bytes && (await decodeFirstScreen(bytes, this.secretBox, connectionId, copy));
    } catch (error) {
      const reason = error instanceof FirstScreenMismatch ? error.message : ((error as NodeJS.ErrnoException).code ?? 'unreadable');
      this.logger.info('Not using the first screen beside the offline copy; reading the whole copy', { reason });
      return null;
    }
  }
}
