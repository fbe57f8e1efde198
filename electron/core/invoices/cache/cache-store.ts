import { englishMessage } from '../../../contract/i18n/spoken-messages';
import { AppError } from '../../../contract';
import { createHash } from 'node:crypto';
import { open, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger, SecretBox } from '../../ports';
import { removeStrayTemps, writeAtAndSync } from './atomic-file';
import { BaseWriter, storageError } from './base-writer';
import { decodeCache, journalRecord, segmentsOf, UnreadableCacheError, type CacheTail } from './cache-format';
import { deltaSize, type Delta, type Snapshot, type SnapshotMeta } from '../snapshot/snapshot';
import type { CopyIdentity } from './first-screen-file';

export type CacheRead = { snapshot: Snapshot | null; warning: string | null };

/** Compact (write a new base) once the journal holds more than this share of the base's rows … */
export const COMPACT_JOURNAL_SHARE = 0.2;
/** … or more records than this (each one is decrypted and applied when the app opens the copy). */
export const COMPACT_JOURNAL_RECORDS = 64;

/** The name (without its ending) of a connection's files in the invoices folder: its copy, first screen, open Bulk jobs. */
export function copyFileStem(connectionId: string): string {
  return createHash('sha256').update(connectionId).digest('hex').slice(0, 32);
}

/**
 * The encrypted offline copy of each connection's invoices, one append-only file per connection
 * under dataDir (format in cache-format.ts). A full sync writes a new file (fresh data key) beside
 * the old one and renames it over it; an incremental sync appends one journal record. The data key
 * of each file read or written stays in memory (as the invoices do) to append to it.
 */
export class InvoiceCacheStore {
  private readonly folder: string;
  private readonly tails = new Map<string, CacheTail>();

  constructor(
    dataDir: string,
    private readonly secretBox: SecretBox,
    private readonly logger: Logger,
  ) {
    this.folder = join(dataDir, 'invoices');
  }

  pathFor(connectionId: string): string {
    return join(this.folder, `${copyFileStem(connectionId)}.cache`);
  }

  /** The copy's first screen (first-screens.ts), beside it. */
  firstScreenPathFor(connectionId: string): string {
    return join(this.folder, `${copyFileStem(connectionId)}.first`);
  }

  /** The copy as last read or written (its header and length), what its first screen is bound to; null when it cannot be appended to. */
  identity(connectionId: string): CopyIdentity | null {
    const tail = this.tails.get(connectionId);
    return tail ? { header: tail.file.header, length: tail.length } : null;
  }

  /** The saved snapshot; an unreadable file is deleted and reported (the next sync rebuilds it). */
  async read(connectionId: string): Promise<CacheRead> {
    const path = this.pathFor(connectionId);
    this.forgetTail(connectionId);
    await removeStrayTemps(path);
    // The first screen beside it is written after a sync has answered: a kill then left its temp file, which nothing
    // else removed (review27: one more stray file per such crash). The repository reads a copy only while it holds
    // none in memory, so before this process has written one: no first screen of its own is being written now.
    await removeStrayTemps(this.firstScreenPathFor(connectionId));
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { snapshot: null, warning: null };
      throw new AppError('STORAGE', englishMessage('offlineCopyUnreadable'), { cause: error });
    }
    try {
      const decoded = await decodeCache(bytes, this.secretBox, connectionId);
      if (decoded.tail) this.tails.set(connectionId, decoded.tail);
      if (decoded.ignoredTail) {
        // A crash mid-append (or damage) after the last good record: that sync's changes are fetched again.
        this.logger.warn('Ignored the unreadable end of an invoice cache', { reason: decoded.ignoredTail });
      }
      return { snapshot: decoded.snapshot, warning: null };
    } catch (error) {
      if (!(error instanceof UnreadableCacheError)) throw error;
      this.logger.warn('Discarded an unreadable invoice cache', { reason: error.message });
      await rm(path, { force: true });
      return {
        snapshot: null,
        warning: englishMessage('offlineCopyDeleted', { reason: error.message }),
      };
    }
  }

  /** Starts a new file for a full sync; its rows are written as they come, the old file stays until `commit`. */
  beginBase(connectionId: string): BaseWriter {
    return new BaseWriter(this.pathFor(connectionId), this.folder, this.secretBox, connectionId, (tail) => {
      this.forgetTail(connectionId);
      this.tails.set(connectionId, tail);
    });
  }

  /** The whole snapshot as a new file (fresh data key), put in place atomically. */
  async write(connectionId: string, snapshot: Snapshot): Promise<void> {
    const writer = this.beginBase(connectionId);
    for (const segment of segmentsOf(snapshot)) for (const chunk of segment) writer.addChunk(chunk);
    await writer.commit(snapshot);
  }

  /**
   * Appends an incremental sync's changes as one journal record and flushes it to disk. false when
   * there is no file of this format to append to (none yet, a first-format file, or the file is not
   * the one last read or written): the caller writes the whole snapshot instead.
   */
  async append(connectionId: string, meta: SnapshotMeta, delta: Delta): Promise<boolean> {
    const tail = this.tails.get(connectionId);
    if (!tail) return false;
    let handle;
    try {
      handle = await open(this.pathFor(connectionId), 'r+');
    } catch (error) {
      // Gone (false: the caller writes the whole copy), or not to be opened: forgotten either way, as below.
      this.forgetTail(connectionId);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw storageError(error);
    }
    try {
      const { size } = await handle.stat();
      if (size < tail.length) {
        this.forgetTail(connectionId);
        return false;
      }
      const record = await journalRecord(tail.file, tail.nextSeq, meta, delta);
      // Bytes past the last good record are a torn append (a crash): cut them off before appending.
      if (size > tail.length) await handle.truncate(tail.length);
      await writeAtAndSync(handle, record, tail.length);
      tail.nextSeq++;
      tail.length += record.length;
      tail.journalRecords++;
      tail.journalRows += deltaSize(delta);
      return true;
    } catch (error) {
      // Where the file ends is not known any more (a record may be partly written): the next write is the whole copy,
      // never a record after one that is missing (the caller's copy in memory has this sync's changes; the file may not).
      this.forgetTail(connectionId);
      throw storageError(error);
    } finally {
      await handle.close();
    }
  }

  /** Whether the journal has grown large enough, next to the base, to write a new base. */
  needsCompaction(connectionId: string): boolean {
    const tail = this.tails.get(connectionId);
    return tail !== undefined && (tail.journalRecords > COMPACT_JOURNAL_RECORDS || tail.journalRows > tail.baseRows * COMPACT_JOURNAL_SHARE);
  }

  async remove(connectionId: string): Promise<void> {
    this.forgetTail(connectionId);
    for (const path of [this.pathFor(connectionId), this.firstScreenPathFor(connectionId)]) {
      await rm(path, { force: true });
      await removeStrayTemps(path);
    }
  }

  /** Deletes every connection's file (and stray temp files) in the folder. */
  async removeAll(): Promise<void> {
    for (const connectionId of [...this.tails.keys()]) this.forgetTail(connectionId);
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    // Folders too: the invoices' documents (`<hash>.documents/`, sealed with the same key) go with the copies.
    await Promise.all(names.map((name) => rm(join(this.folder, name), { force: true, recursive: true })));
  }

  private forgetTail(connectionId: string): void {
    this.tails.get(connectionId)?.file.key.fill(0);
    this.tails.delete(connectionId);
  }
}
