import { englishMessage } from '../../../contract/i18n/spoken-messages';
import { AppError, type InvoiceRow } from '../../../contract';
import type { SecretBox } from '../../ports';
import { AtomicFile, makePrivateFolder } from './atomic-file';
import { baseEndRecord, baseSegmentRecord, ROWS_PER_SEGMENT, type CacheTail } from './cache-format';
import { relatedCsvRecord, relatedHeadRecord, relatedRowsRecord } from './cache-related';
import { newCacheFile, type CacheFileKey } from './cache-seal';
import type { Snapshot, SnapshotMeta } from '../snapshot/snapshot';
import { chunksOf, type ColumnChunk } from '../snapshot/row-columns';
import { recordsIdentity, type RelatedObjectDelta, type RelatedRecord } from '../related/related-copy';
import type { RelatedSink } from '../related/related-sync';
import { csvPartHead, type CsvParts } from '../related/related-csv';

/** A failure to write the offline copy, as the user is told it (the cause kept). */
export function storageError(error: unknown): AppError {
  return error instanceof AppError ? error : new AppError('STORAGE', englishMessage('offlineCopyNotSaved'), { cause: error });
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
