import { englishMessage } from '../../../contract/i18n/spoken-messages';
import { createHash } from 'node:crypto';
import { open, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, type InvoiceRow } from '../../../contract';
import type { Logger, SecretBox } from '../../ports';
import { AtomicFile, makePrivateFolder, removeStrayTemps, writeAtAndSync } from './atomic-file';
import { baseEndRecord, baseSegmentRecord, decodeCache, journalRecord, ROWS_PER_SEGMENT, segmentsOf, UnreadableCacheError, type CacheTail } from './cache-format';
import { relatedCsvRecord, relatedHeadRecord, relatedRowsRecord } from './cache-related';
import { newCacheFile, type CacheFileKey } from './cache-seal';
import { deltaSize, type Delta, type Snapshot, type SnapshotMeta } from '../snapshot/snapshot';
import { chunksOf, type ColumnChunk } from '../snapshot/row-columns';
import { recordsIdentity, type RelatedObjectDelta, type RelatedRecord } from '../related/related-copy';
import type { RelatedSink } from '../related/related-sync';
import { csvPartHead, type CsvParts } from '../related/related-csv';
import type { CopyIdentity } from './first-screen-file';

export type CacheRead = { snapshot: Snapshot | null; warning: string | null };

/** Compact (write a new base) once the journal holds more than this share of the base's rows … */
export const COMPACT_JOURNAL_SHARE = 0.2;
/** … or more records than this (each one is decrypted and applied when the app opens the copy). */
export const COMPACT_JOURNAL_RECORDS = 64;

function fileNameOf(connectionId: string): string {
  return createHash('sha256').update(connectionId).digest('hex').slice(0, 32);
}

function storageError(error: unknown): AppError {
  return error instanceof AppError ? error : new AppError('STORAGE', englishMessage('offlineCopyNotSaved'), { cause: error });
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
    return join(this.folder, `${fileNameOf(connectionId)}.cache`);
  }

  /** The copy's first screen (first-screens.ts), beside it. */
  firstScreenPathFor(connectionId: string): string {
    return join(this.folder, `${fileNameOf(connectionId)}.first`);
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
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.forgetTail(connectionId);
        return false;
      }
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

interface WrittenObject {
  role: string;
  object: string;
  /** Its records (read only when written as cells: an object that came as CSV parts is written as those). */
  records: () => readonly RelatedRecord[];
  /** What stands for its records (related-copy.ts recordsIdentity), to tell at `commit` which objects are written. */
  identity: object;
  csv?: CsvParts;
  /** Of `csv`'s parts, how many are handed to the file (written or on their way). */
  sent?: number;
}

/**
 * A new cache file being written: header first, then the rows as they are added (chunks of columns: a sync's
 * pages), gathered into segments of at least `ROWS_PER_SEGMENT` rows (each encoded and written in the background, in order), each related object's records in
 * segments as soon as its query is complete (`object`), then the last segment, the related objects not written
 * yet, the related head and the base's end record at `commit`, which flushes the file and renames it over the
 * previous one. `abort` deletes it: the previous file stays byte-for-byte. `add` and `object` do not wait; a
 * write error surfaces at `commit`.
 */
export class BaseWriter implements RelatedSink {
  private work: Promise<void>;
  private file: CacheFileKey | null = null;
  private out: AtomicFile | null = null;
  private position = 0;
  private seq = 0;
  private rows = 0;
  /** Rows added but not yet handed to a segment. */
  private gathered: ColumnChunk[] = [];
  private gatheredRows = 0;
  private finished = false;
  /**
   * One buffer every segment is encoded into and every Bulk part's record sealed into, in turn (the steps run one after
   * the other: the next one starts once the last one's record is written), grown when one needs more; dropped when the
   * file is done.
   */
  private scratchBytes: Buffer | null = null;
  private readonly scratch = (size: number): Buffer => {
    if (!this.scratchBytes || this.scratchBytes.length < size) this.scratchBytes = Buffer.allocUnsafeSlow(Math.ceil(size * 1.25));
    return this.scratchBytes.subarray(0, size);
  };
  /** Related objects written whole (their records arrays, or CSV parts), in the order written: written again after a restart. */
  private readonly related: WrittenObject[] = [];
  /** Those of them whose parts came one by one (`part`), by their parts. */
  private readonly streamed = new Map<CsvParts, WrittenObject>();

  constructor(
    target: string,
    folder: string,
    secretBox: SecretBox,
    connectionId: string,
    private readonly committed: (tail: CacheTail) => void,
  ) {
    this.work = (async () => {
      await makePrivateFolder(folder);
      this.file = await newCacheFile(secretBox, connectionId);
      this.out = await AtomicFile.create(target);
      await this.out.write(this.file.header, 0);
      this.position = this.file.header.length;
    })();
    this.work.catch(() => undefined);
  }

  /** Rows as objects (a test, a caller without columns). */
  add(rows: readonly InvoiceRow[]): void {
    for (const chunk of chunksOf(rows, ROWS_PER_SEGMENT)) this.addChunk(chunk);
  }

  /** The next rows, as columns; a segment is written once ROWS_PER_SEGMENT rows or more are gathered. */
  addChunk(chunk: ColumnChunk): void {
    this.rows += chunk.rows;
    this.gathered.push(chunk);
    this.gatheredRows += chunk.rows;
    if (this.gatheredRows >= ROWS_PER_SEGMENT) this.writeSegment();
  }

  /** The rows gathered so far as the next segment (encoded and written in the background). */
  private writeSegment(): void {
    if (this.gatheredRows === 0) return;
    const chunks = this.gathered;
    this.gathered = [];
    this.gatheredRows = 0;
    const seq = this.seq++;
    this.then(async () => {
      const record = await baseSegmentRecord(this.file!, seq, chunks, this.scratch);
      await this.out!.write(record, this.position);
      this.position += record.length;
    });
  }

  /**
   * A related object's whole set (its query is complete): its records go in segments now, in the background — as the
   * CSV parts they came in when fetched through Bulk API 2.0 (kind 7: no second encoding), else as cells (kind 5).
   */
  object(change: Pick<RelatedObjectDelta, 'role' | 'object' | 'upserts'>, csv?: CsvParts): void {
    const streamed = csv && this.streamed.get(csv);
    if (streamed) {
      streamed.records = () => change.upserts;
      streamed.identity = recordsIdentity(change);
      this.writeRelated(streamed);
      return;
    }
    const written: WrittenObject = { role: change.role, object: change.object, records: () => change.upserts, identity: recordsIdentity(change), ...(csv ? { csv } : {}) };
    this.related.push(written);
    this.writeRelated(written);
  }

  /**
   * A Bulk object's part as it comes: sealed and written now, not with the others once the object is complete (their zstd
   * and AES in turn then held back the invoices' last segments: the sync's tail, BENCHMARKS.md session 27).
   */
  part(object: Pick<RelatedObjectDelta, 'role' | 'object'>, csv: CsvParts): void {
    let streamed = this.streamed.get(csv);
    if (!streamed) {
      streamed = { role: object.role, object: object.object, records: () => [], identity: csv, csv };
      this.streamed.set(csv, streamed);
      this.related.push(streamed);
    }
    this.writeRelated(streamed);
  }

  private writeRelated(object: WrittenObject): void {
    if (object.csv) {
      const { reading, parts, payloads } = object.csv;
      const from = object.sent ?? 0;
      object.sent = parts.length;
      for (let i = from; i < parts.length; i++) {
        const seq = this.seq++;
        this.then(async () => {
          // The part's bytes as they came, behind their line; once sealed, the table's are what is kept (its columns read them).
          const payload = payloads[i] ?? Buffer.concat([csvPartHead(object, reading), parts[i]!]);
          payloads[i] = null;
          // Sealed into the scratch buffer: written before the next step uses it.
          const record = await relatedCsvRecord(this.file!, seq, payload, this.scratch);
          await this.out!.write(record, this.position);
          this.position += record.length;
        });
      }
      return;
    }
    const all = object.records();
    for (let start = 0; start < all.length; start += ROWS_PER_SEGMENT) {
      const seq = this.seq++;
      const records = all.length <= ROWS_PER_SEGMENT ? all : all.slice(start, start + ROWS_PER_SEGMENT);
      this.then(async () => {
        const record = await relatedRowsRecord(this.file!, seq, object, records);
        await this.out!.write(record, this.position);
        this.position += record.length;
      });
    }
  }

  /**
   * The invoices' query starts over (its cursor expired): forget the rows written so far. The file starts again
   * after its header, so the related objects already complete are written again.
   */
  restart(): void {
    this.seq = 0;
    this.rows = 0;
    this.gathered = [];
    this.gatheredRows = 0;
    this.then(async () => {
      this.position = this.file!.header.length;
      await this.out!.truncate(this.position);
    });
    for (const object of this.related) {
      object.sent = 0;
      this.writeRelated(object);
    }
  }

  /** Writes the related records (if the snapshot has them) and the base's end, then puts the file in place. */
  async commit(meta: SnapshotMeta & Pick<Snapshot, 'related'>): Promise<void> {
    this.finished = true;
    this.writeSegment();
    if (meta.related) {
      // What was not handed over while paging (a compaction, a copy folded from a journal): written now.
      const written = new Set(this.related.map((o) => o.identity));
      for (const object of meta.related.objects) {
        const identity = recordsIdentity(object);
        if (!written.has(identity)) this.writeRelated({ role: object.role, object: object.object, records: () => object.records, identity });
      }
    }
    try {
      await this.work;
      this.scratchBytes = null;
      if (meta.related) {
        const record = await relatedHeadRecord(this.file!, this.seq++, meta.related);
        await this.out!.write(record, this.position);
        this.position += record.length;
      }
      const end = await baseEndRecord(this.file!, this.seq, meta, this.rows, !!meta.related);
      await this.out!.write(end, this.position);
      await this.out!.commit();
      this.committed({ file: this.file!, nextSeq: this.seq + 1, length: this.position + end.length, baseRows: this.rows, journalRecords: 0, journalRows: 0 });
    } catch (error) {
      await this.out?.discard();
      throw storageError(error);
    }
  }

  async abort(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    await this.work.catch(() => undefined);
    this.scratchBytes = null;
    await this.out?.discard();
    this.file?.key.fill(0);
  }

  private then(step: () => Promise<void>): void {
    this.work = this.work.then(step);
    this.work.catch(() => undefined);
  }
}
