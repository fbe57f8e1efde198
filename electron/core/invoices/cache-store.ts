import { createHash } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../contract';
import type { Logger, SecretBox } from '../ports';
import { removeStrayTemps, writeBytesAtomically } from './atomic-file';
import { decodeSnapshot, encodeSnapshot, UnreadableCacheError } from './cache-format';
import type { Snapshot } from './snapshot';

export type CacheRead = { snapshot: Snapshot | null; warning: string | null };

/** The encrypted offline copy of each connection's invoices, one file per connection under dataDir. */
export class InvoiceCacheStore {
  private readonly folder: string;

  constructor(
    dataDir: string,
    private readonly secretBox: SecretBox,
    private readonly logger: Logger,
  ) {
    this.folder = join(dataDir, 'invoices');
  }

  pathFor(connectionId: string): string {
    const name = createHash('sha256').update(connectionId).digest('hex').slice(0, 32);
    return join(this.folder, `${name}.cache`);
  }

  /** The saved snapshot; an unreadable file is deleted and reported (the next sync rebuilds it). */
  async read(connectionId: string): Promise<CacheRead> {
    const path = this.pathFor(connectionId);
    await removeStrayTemps(path);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { snapshot: null, warning: null };
      throw new AppError('STORAGE', 'The offline copy of your invoices could not be read from disk.', { cause: error });
    }
    try {
      return { snapshot: await decodeSnapshot(bytes, this.secretBox), warning: null };
    } catch (error) {
      if (!(error instanceof UnreadableCacheError)) throw error;
      this.logger.warn('Discarded an unreadable invoice cache', { reason: error.message });
      await rm(path, { force: true });
      return {
        snapshot: null,
        warning: `The offline copy of your invoices could not be opened (${error.message}) and was deleted. Sync to download them again.`,
      };
    }
  }

  async write(connectionId: string, snapshot: Snapshot): Promise<void> {
    try {
      await mkdir(this.folder, { recursive: true, mode: 0o700 });
      const bytes = await encodeSnapshot(snapshot, this.secretBox);
      await writeBytesAtomically(this.pathFor(connectionId), bytes);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('STORAGE', 'The invoices were downloaded but could not be saved for offline use. Check the free disk space and try again.', {
        cause: error,
      });
    }
  }

  async remove(connectionId: string): Promise<void> {
    const path = this.pathFor(connectionId);
    await rm(path, { force: true });
    await removeStrayTemps(path);
  }
}
