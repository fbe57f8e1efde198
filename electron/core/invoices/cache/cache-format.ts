import type { InvoiceRow } from '../../../contract';
import type { SecretBox } from '../../ports';
import { decodeSnapshotV1, MAGIC_V1 } from './cache-format-v1';
import { CACHE_COLUMNS, CACHE_COLUMNS_BEFORE_ACCOUNT, rowFromCells, rowsToJson, UnreadableCacheError } from './cache-rows';
import { deltaSize, RowsFold, type Delta, type Snapshot, type SnapshotMeta } from '../snapshot/snapshot';
import { ColumnsFold } from '../snapshot/columns-fold';
import { columnTable } from '../snapshot/row-table';
import { applyRelatedDelta, relatedDeltaFrom, type RelatedCopy } from '../related/related-copy';
import { RelatedSegments, relatedHeadRecord, relatedRowsRecord } from './cache-related';
import { chunksOf, RowColumns, type ColumnChunk } from '../snapshot/row-columns';
import { columnSnapshot, columnsOf, rowCount } from '../snapshot/snapshot';
import { decodeColumnSegment, encodeColumnSegment } from './column-segment';
import { spanOf } from '../sync/overlap';
import { newCacheFile, readCacheHeader, RecordKind, RecordReader, sealRecord, type CacheCodec, type CacheFileKey } from './cache-seal';

export { RecordKind, UnreadableCacheError };

/**
 * The offline copy's file format (append-only):
 *
 *   "BDLYINV2" | u32 header length | header JSON {format: 5, key}
 *   record*    where record = u32 length | u8 kind | 12-byte IV | AES-256-GCM ciphertext | 16-byte tag
 *
 * The header holds a random 256-bit data key sealed by the SecretBox (safeStorage in the app), fresh
 * for every full write. Every record is encrypted on its own (own IV and tag, always 16 bytes); its
 * additional data binds it to this header (SHA-256 of the header bytes), its position (sequence number),
 * its kind and the connection it belongs to (SHA-256 of the connection id), so records cannot be moved,
 * swapped or spliced in from another file, and a file copied over another connection's does not open.
 * Format 2 (the same without the connection) is still read; it cannot be appended to, so the next sync
 * writes format 3 or 5. Plaintexts are compressed: Zstandard in formats 4 and 5 (5 is what a new file is written in),
 * raw deflate in formats 2 and 3 (still read; a format-3 file is appended to in deflate). The records are:
 *
 *   base columns (kind 6)  format 5: a segment of ROWS_PER_SEGMENT rows (or more) as columns, bytes not JSON
 *                       (column-segment.ts). An older app cannot read format 5: it discards the copy with a warning
 *                       and syncs again
 *   base rows (kind 1)  formats 2–4 (and 3 still written by a runtime without zstd): a segment of rows, JSON cell
 *                       arrays in CACHE_COLUMNS order
 *   related rows (kind 5)  up to ROWS_PER_SEGMENT records of one related object (payments, credit notes,
 *                       applications …): its role and object, its keys once, then each record as cells in that
 *                       order (cache-related.ts); written as each related query completes, among the row segments
 *   related CSV (kind 7)  one Bulk API 2.0 results part of a related object as Salesforce sent it: a line of JSON (role,
 *                       object, how to read it: paths, cell kinds, modstamp), then the CSV text (header and rows) as it
 *                       came, read back by the sync's own CSV reader (related-csv-table.ts) into the same records; written by
 *                       a full sync for the objects it fetched through jobs (no second encoding of ~300k records at
 *                       100k invoices). An older app meets kind 7, discards the copy and syncs again
 *   related   (kind 4)  the related copy's head, before the base end: every object's role, object, signature,
 *                       watermark and record count (its records are the kind-5 segments before it), the warnings.
 *                       Files written before the segments hold every object's whole set here instead (a
 *                       RelatedDelta that replaces): still read; an older app meets kind 5, discards the copy and
 *                       syncs again
 *   base end  (kind 2)  the base is complete: its metadata, row count and whether a related record came
 *   journal   (kind 3)  an incremental sync: upserted rows, deleted ids, the snapshot metadata, and
 *                       the related objects' changes of the same sync (`related`, optional)
 *
 * A base that does not open completely makes the file unreadable (UnreadableCacheError). A journal
 * record that does not open (cut short by a crash mid-append, or damaged) ends the file there: the
 * previous record's metadata governs, so the next incremental sync starts from the older watermark
 * and fetches those changes again.
 */

/**
 * Rows per base segment (a full sync's pages are gathered into segments of this size). Each segment is one
 * JSON.stringify, one zstd context, one AES-GCM record and one write: at 2,000 rows (a page each) the per-call
 * costs on the main thread (zstd's context set-up, cipher, the write) were ~1 ms a segment, 50 per 100k rows.
 */
export const ROWS_PER_SEGMENT = 10_000;

/** Where a readable file ends and what it holds: enough to append to it. */
export interface CacheTail {
  file: CacheFileKey;
  nextSeq: number;
  /** Bytes up to the end of the last readable record (anything after it is a torn / damaged tail). */
  length: number;
  /** Invoice rows of the base (the journal's records, related ones included, are weighed against them). */
  baseRows: number;
  journalRecords: number;
  journalRows: number;
}

/** One base segment of rows: as columns in a format-5 file, as JSON rows in a format-3 one. */
export function baseSegmentRecord(file: CacheFileKey, seq: number, chunks: readonly ColumnChunk[], into?: (size: number) => Buffer): Promise<Buffer> {
  if (file.columns) return sealRecord(file, seq, RecordKind.baseColumns, encodeColumnSegment(chunks, into));
  return sealRecord(file, seq, RecordKind.baseRows, rowsToJson(new RowColumns(chunks).materialize()));
}

/** A snapshot's rows in base segments of ROWS_PER_SEGMENT rows (or more: whole chunks of a columnar copy). */
export function segmentsOf(snapshot: Snapshot): ColumnChunk[][] {
  const columns = columnsOf(snapshot);
  if (!columns) return chunksOf(snapshot.rows, ROWS_PER_SEGMENT).map((chunk) => [chunk]);
  const segments: ColumnChunk[][] = [];
  let gathered: ColumnChunk[] = [];
  let rows = 0;
  for (const chunk of columns.chunks) {
    gathered.push(chunk);
    rows += chunk.rows;
    if (rows >= ROWS_PER_SEGMENT) {
      segments.push(gathered);
      gathered = [];
      rows = 0;
    }
  }
  if (gathered.length > 0) segments.push(gathered);
  return segments;
}

/** The base's columns: today's, or those of a copy written before the customer's account id (read as they are). */
const knownColumns = (columns: string | undefined) => columns === CACHE_COLUMNS.join() || columns === CACHE_COLUMNS_BEFORE_ACCOUNT.join();

export function baseEndRecord(file: CacheFileKey, seq: number, meta: SnapshotMeta, rows: number, related = false): Promise<Buffer> {
  return sealRecord(file, seq, RecordKind.baseEnd, JSON.stringify({ ...metaOf(meta), columns: CACHE_COLUMNS, rows, ...(related ? { related } : {}) }));
}

export function journalRecord(file: CacheFileKey, seq: number, meta: SnapshotMeta, delta: Delta): Promise<Buffer> {
  const related = delta.related ? `,"related":${JSON.stringify(delta.related)}` : '';
  const json = `{"meta":${JSON.stringify(metaOf(meta))},"deleted":${JSON.stringify(delta.deleted)},"upserts":${rowsToJson(delta.upserts)}${related}}`;
  return sealRecord(file, seq, RecordKind.journal, json);
}

function metaOf({ object, signature, syncedAt, watermark, spanMs }: SnapshotMeta): SnapshotMeta {
  // A span of another shape (a damaged or foreign record) is left out: the next sync then uses the plain overlap.
  const span = spanOf(spanMs);
  return { object, signature, syncedAt, watermark, ...(span === undefined ? {} : { spanMs: span }) };
}

/**
 * A whole snapshot as one new file (fresh data key): header, base segments, base end. The app writes
 * its copy page by page instead; this is the bench's baseline and the format tests' fixture.
 * @internal
 */
export async function encodeSnapshot(snapshot: Snapshot, secretBox: SecretBox, connectionId: string, codec?: CacheCodec): Promise<Buffer> {
  const file = await newCacheFile(secretBox, connectionId, codec);
  const parts = [file.header];
  let seq = 0;
  for (const segment of segmentsOf(snapshot)) parts.push(await baseSegmentRecord(file, seq++, segment));
  if (snapshot.related) {
    for (const object of snapshot.related.objects) {
      for (let start = 0; start < object.records.length; start += ROWS_PER_SEGMENT) {
        parts.push(await relatedRowsRecord(file, seq++, object, object.records.slice(start, start + ROWS_PER_SEGMENT)));
      }
    }
    parts.push(await relatedHeadRecord(file, seq++, snapshot.related));
  }
  parts.push(await baseEndRecord(file, seq, snapshot, rowCount(snapshot), !!snapshot.related));
  return Buffer.concat(parts);
}

export interface DecodedCache {
  snapshot: Snapshot;
  /** null for a file in the first format (it cannot be appended to: the next write replaces it). */
  tail: CacheTail | null;
  /** Why the file's last records were left out (a torn or damaged journal record), or null. */
  ignoredTail: string | null;
}

/** Opens the file of `connectionId`: a file written for another connection does not open (UnreadableCacheError). */
export async function decodeCache(bytes: Buffer, secretBox: SecretBox, connectionId: string): Promise<DecodedCache> {
  if (bytes.length >= MAGIC_V1.length + 4 && bytes.subarray(0, MAGIC_V1.length).equals(MAGIC_V1)) {
    return { snapshot: await decodeSnapshotV1(bytes, secretBox), tail: null, ignoredTail: null };
  }
  const { file, headerEnd } = await readCacheHeader(bytes, secretBox, connectionId);

  const records = new RecordReader(bytes, headerEnd, file);
  // The base: every segment, then its end record. Anything wrong here and nothing can be trusted.
  // Rows of a JSON base (formats 2–4), chunks of a columnar one (format 5).
  const rows: InvoiceRow[] = [];
  const chunks: ColumnChunk[] = [];
  let chunkRows = 0;
  let meta: SnapshotMeta;
  let related: RelatedCopy | null = null;
  const segments = new RelatedSegments();
  for (;;) {
    const record = await records.next().catch((error: unknown) => {
      throw new UnreadableCacheError('cacheDamaged', { cause: error });
    });
    if (!record) throw new UnreadableCacheError('cacheIncomplete');
    if (record.kind === RecordKind.baseColumns && file.columns) {
      const chunk = decodeColumnSegment(record.payload as Buffer);
      chunks.push(chunk);
      chunkRows += chunk.rows;
      continue;
    }
    if (record.kind === RecordKind.baseRows && !file.columns) {
      const cells = record.payload;
      if (!Array.isArray(cells)) throw new UnreadableCacheError('cacheUnexpectedShape');
      for (const row of cells) rows.push(rowFromCells(row));
      continue;
    }
    if (record.kind === RecordKind.relatedRows && related === null) {
      try {
        segments.add(record.payload);
      } catch (error) {
        throw new UnreadableCacheError('cacheUnexpectedShape', { cause: error });
      }
      continue;
    }
    if (record.kind === RecordKind.relatedCsv && related === null) {
      try {
        segments.addCsv(record.payload as Buffer);
      } catch (error) {
        throw new UnreadableCacheError('cacheUnexpectedShape', { cause: error });
      }
      continue;
    }
    if (record.kind === RecordKind.related && related === null) {
      try {
        related = RelatedSegments.isHead(record.payload) ? segments.copy(record.payload) : applyRelatedDelta(null, relatedDeltaFrom(record.payload));
      } catch (error) {
        throw new UnreadableCacheError('cacheUnexpectedShape', { cause: error });
      }
      continue;
    }
    const end = record.payload as Partial<Record<string, unknown>>;
    if (record.kind !== RecordKind.baseEnd || !isMeta(end) || !knownColumns((end.columns as unknown[] | undefined)?.join()) || end.rows !== rows.length + chunkRows
      || (end.related === true) !== (related !== null) || (related === null && !segments.empty())) {
      throw new UnreadableCacheError('cacheUnexpectedShape');
    }
    meta = metaOf(end);
    break;
  }
  const baseRows = rows.length + chunkRows;
  const columns = file.columns ? new RowColumns(chunks) : null;

  // The journal, record by record, until the end of the file or the first record that does not open.
  // Changes are folded into the base as it is: over its columns (no row object per invoice), or over its rows.
  let fold: RowsFold | ColumnsFold | null = null;
  let journalRecords = 0;
  let journalRows = 0;
  let ignoredTail: string | null = null;
  for (;;) {
    const start = records.offset;
    let delta: Delta;
    let recordMeta: SnapshotMeta;
    try {
      const record = await records.next();
      if (!record) break;
      ({ delta, meta: recordMeta } = journalPayload(record.kind, record.payload));
    } catch (error) {
      records.offset = start;
      ignoredTail = error instanceof Error ? error.message : String(error);
      break;
    }
    fold ??= columns ? new ColumnsFold(columns, columnTable(columns)) : new RowsFold(rows);
    fold.apply(delta);
    if (delta.related) related = applyRelatedDelta(related, delta.related);
    meta = recordMeta;
    journalRecords++;
    journalRows += deltaSize(delta);
  }
  const snapshot: Snapshot = columns
    ? columnSnapshot(meta, fold instanceof ColumnsFold ? fold.result() : columns)
    : { ...meta, rows: fold instanceof RowsFold ? fold.result() : rows };
  if (related) snapshot.related = related;
  // A format-2 file is not appended to: the next sync writes a bound (format 3) file in its place.
  const tail: CacheTail | null = file.binding ? { file, nextSeq: records.seq, length: records.offset, baseRows, journalRecords, journalRows } : null;
  if (!tail) file.key.fill(0);
  return { snapshot, tail, ignoredTail };
}

function isMeta(value: Partial<Record<string, unknown>>): value is Partial<Record<string, unknown>> & SnapshotMeta {
  return (
    typeof value.object === 'string' &&
    typeof value.signature === 'string' &&
    typeof value.syncedAt === 'string' &&
    (value.watermark === null || typeof value.watermark === 'number')
  );
}

function journalPayload(kind: number, payload: unknown): { delta: Delta; meta: SnapshotMeta } {
  const value = payload as Partial<Record<string, unknown>> | null;
  const meta = value?.meta as Partial<Record<string, unknown>> | undefined;
  if (kind !== RecordKind.journal || !meta || !isMeta(meta) || !Array.isArray(value!.upserts) || !Array.isArray(value!.deleted)) {
    throw new Error('a journal record has an unexpected shape');
  }
  const deleted = value!.deleted as unknown[];
  if (!deleted.every((id) => typeof id === 'string')) throw new Error('a journal record has an unexpected shape');
  const related = value!.related === undefined ? undefined : relatedDeltaFrom(value!.related);
  return { meta: metaOf(meta), delta: { upserts: (value!.upserts as unknown[]).map(rowFromCells), deleted: deleted as string[], ...(related ? { related } : {}) } };
}

