import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import type { SecretBox } from '../../ports';
import { UnreadableCacheError } from './cache-rows';

/**
 * The offline copy's file as sealed records (cache-format.ts says what the records hold): the header with the file's data
 * key sealed by the SecretBox, each record compressed, then encrypted and bound to the header, its place, its kind and the
 * connection; read back record by record (`RecordReader`).
 */

const deflate = promisify(zlib.deflateRaw);
const inflate = promisify(zlib.inflateRaw);
// Looked up on the namespace, not imported by name: a runtime whose zlib lacks zstd still loads this module.
const zstd = typeof zlib.zstdCompress === 'function' ? promisify(zlib.zstdCompress) : null;
const unzstd = typeof zlib.zstdDecompress === 'function' ? promisify(zlib.zstdDecompress) : null;

/**
 * How a file's record plaintexts are compressed. Zstandard at level 1 (Node's zlib, ≥ 22.15) instead of deflate
 * level 1: a full sync compresses every row it writes (~13 MB of JSON at 100k invoices), and deflate was ~105 ms of
 * the sync's CPU against ~50 ms for zstd, with smaller output (85 → 76 KiB per 2,000-row page) and ~3× faster
 * decompression at start-up (measured: 50 pages of the bench org's rows, BENCHMARKS.md "full sync 100k, session 4").
 * A runtime without zstd writes deflate (format 3), which every version reads.
 */
export type CacheCodec = 'zstd' | 'deflate';

export const MAGIC = Buffer.from('BDLYINV2', 'ascii');
/** Bound to the connection, records compressed with zstd, the base as columns (kind 6): what a new file is written in. */
const FORMAT_COLUMNS = 5;
/** Bound to the connection, records compressed with zstd, the base as JSON rows (still read and appended to). */
const FORMAT_ZSTD = 4;
/** Bound to the connection, records compressed with deflate (still read and appended to). */
const FORMAT_DEFLATE = 3;
/** Files written before the connection was bound (read only). */
const FORMAT_UNBOUND = 2;
const ZSTD_LEVEL = 1;
/**
 * How much compressed output zstd hands back at a time for a Bulk API 2.0 part (kind 7: ~8 MB of CSV, ~1.4 MB packed).
 * Node's default (16 KiB) took ~90 turns per part between the pool and the main thread, each a callback and a buffer of its
 * own; 256 KiB takes ~6. The packed bytes are the same. Sealing the 9 parts of a sync with payments (51.6 MB, level 1): 188–208
 * → 166–172 ms of CPU the first time in a process, as the sync does it (BENCHMARKS.md, session 23). Level 1 stays: level 3 packs
 * them 2 % smaller for ~40 % more CPU, levels −3/−5 save ~5–20 ms for 45–63 % more bytes on disk (measured the same way, load ~9).
 */
const PART_OUTPUT_CHUNK = 256 * 1024;
const DEFLATE_OUTPUT_CHUNK = 256 * 1024;
const zstdOptions = (chunkSize?: number): zlib.ZstdOptions => ({ params: { [zlib.constants.ZSTD_c_compressionLevel]: ZSTD_LEVEL }, ...(chunkSize ? { chunkSize } : {}) });

function compress(codec: CacheCodec, plain: Buffer): Promise<Buffer> {
  // Compression runs on libuv's thread pool: the main process keeps answering IPC meanwhile.
  if (codec === 'zstd') return zstd!(plain, zstdOptions());
  return deflate(plain, { level: 1, chunkSize: DEFLATE_OUTPUT_CHUNK });
}

/** `plain` compressed as `compress` does (the same stream, the same options, so the same bytes), its output left in the pieces it came in. */
function compressInPieces(codec: CacheCodec, plain: Buffer): Promise<Buffer[]> {
  const packer = codec === 'zstd' ? zlib.createZstdCompress(zstdOptions(PART_OUTPUT_CHUNK)) : zlib.createDeflateRaw({ level: 1, chunkSize: DEFLATE_OUTPUT_CHUNK });
  return new Promise((resolve, reject) => {
    const pieces: Buffer[] = [];
    packer.on('data', (piece: Buffer) => pieces.push(piece));
    packer.once('error', reject);
    packer.once('end', () => resolve(pieces));
    packer.end(plain);
  });
}

/**
 * The decompressor's output pieces for a base segment of columns: zlib's default (16 KiB) made a segment of 10,000 rows
 * (~1.5 MB) ~100 pieces, each a callback on the main thread, a buffer for the collector and a part of the concat at the
 * end (core26: ~25 % of the 1M copy's read). Only there: the segment is copied out at once (column-segment.ts), while a
 * smaller payload kept as it came (a CSV part) would hold the whole piece.
 */
const SEGMENT_UNPACK_CHUNK = 2 * 1024 * 1024;

function decompress(codec: CacheCodec, packed: Buffer, chunkSize?: number): Promise<Buffer> {
  const options = chunkSize ? { chunkSize } : {};
  if (codec === 'zstd') return unzstd!(packed, options);
  return inflate(packed, options);
}
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FRAME_BYTES = 4 + 1 + IV_BYTES + TAG_BYTES;
/** No record is this large (a journal of 20% of a million rows is ~20 MB): a larger length is damage. */
const MAX_RECORD_BYTES = 512 * 1024 * 1024;

export const RecordKind = { baseRows: 1, baseEnd: 2, journal: 3, related: 4, relatedRows: 5, baseColumns: 6, relatedCsv: 7 } as const;
type Kind = (typeof RecordKind)[keyof typeof RecordKind];
const KINDS = new Set<number>(Object.values(RecordKind));

/** One file's data key (in memory while the app runs, to append) and the header it was sealed into. */
export interface CacheFileKey {
  key: Buffer;
  header: Buffer;
  digest: Buffer;
  /** SHA-256 of the connection id, in every record's additional data; null for a format-2 file. */
  binding: Buffer | null;
  /** How the file's records are compressed (an append uses the file's own). */
  codec: CacheCodec;
  /** Whether a new base's rows are written as columns (format 5) or as JSON rows (format 3, a runtime without zstd). */
  columns: boolean;
}

function bindingOf(connectionId: string): Buffer {
  return createHash('sha256').update(`budgetly-cache:${connectionId}`).digest();
}

/** A new file's header with a fresh data key sealed by the SecretBox. */
export async function newCacheFile(secretBox: SecretBox, connectionId: string, codec: CacheCodec = zstd ? 'zstd' : 'deflate'): Promise<CacheFileKey> {
  const key = randomBytes(32);
  const sealed = await secretBox.seal(key);
  const format = codec === 'zstd' ? FORMAT_COLUMNS : FORMAT_DEFLATE;
  const json = Buffer.from(JSON.stringify({ format, key: Buffer.from(sealed).toString('base64') }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  const header = Buffer.concat([MAGIC, length, json]);
  return { key, header, digest: createHash('sha256').update(header).digest(), binding: bindingOf(connectionId), codec, columns: codec === 'zstd' };
}

function additionalData(file: CacheFileKey, seq: number, kind: Kind): Buffer {
  const aad = Buffer.alloc(file.digest.length + 5);
  file.digest.copy(aad);
  aad.writeUInt32BE(seq, file.digest.length);
  aad.writeUInt8(kind, file.digest.length + 4);
  return file.binding ? Buffer.concat([aad, file.binding]) : aad;
}

export async function sealRecord(file: CacheFileKey, seq: number, kind: Kind, content: string | Buffer): Promise<Buffer> {
  const packed = await compress(file.codec, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  return encryptInto(file, seq, kind, [packed], Buffer.allocUnsafe);
}

/**
 * A Bulk API 2.0 part's record (kind 7: ~8 MB of CSV, ~1.4 MB packed), sealed into `into(size)`: the caller's buffer, which
 * it may reuse once the record is written (the file's writer seals and writes one record after the other). The same record
 * as `sealRecord` makes — the same compression, encryption and frame (tests/unit/invoices/cache-part-seal.test.ts) — but
 * zstd's output is encrypted piece by piece into that buffer: no buffer of the packed part whole, of the cipher's output
 * whole, nor of the record, where `sealRecord` makes all three (~4.2 MB per part, ~38 MB a sync with payments: off-heap
 * memory that V8 counts towards its full collections; BENCHMARKS.md, session 24, churn13).
 */
export async function sealPartRecord(file: CacheFileKey, seq: number, payload: Buffer, into: (size: number) => Buffer): Promise<Buffer> {
  return encryptInto(file, seq, RecordKind.relatedCsv, await compressInPieces(file.codec, payload), into);
}

/** The record of `packed` (its pieces in order): length, kind, IV, the pieces encrypted one after the other, the tag. */
function encryptInto(file: CacheFileKey, seq: number, kind: Kind, packed: readonly Buffer[], into: (size: number) => Buffer): Buffer {
  let body = 0;
  for (const piece of packed) body += piece.length;
  const record = into(FRAME_BYTES + body);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', file.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(file, seq, kind));
  let at = 5 + IV_BYTES;
  // AES-GCM is a stream cipher: each piece's output is its length (checked below), so the record's size is known first.
  for (const piece of packed) at += cipher.update(piece).copy(record, at);
  at += cipher.final().copy(record, at);
  if (at !== 5 + IV_BYTES + body) throw new Error('the cipher output is not the length of its input');
  record.writeUInt32BE(1 + IV_BYTES + body + TAG_BYTES, 0);
  record.writeUInt8(kind, 4);
  iv.copy(record, 5);
  cipher.getAuthTag().copy(record, at);
  return record;
}

/** The file's header opened: its data key (sealed by the SecretBox), format and codec; where its records start. */
export async function readCacheHeader(bytes: Buffer, secretBox: SecretBox, connectionId: string): Promise<{ file: CacheFileKey; headerEnd: number }> {
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new UnreadableCacheError('cacheNotBudgetly');
  }
  const headerLength = bytes.readUInt32BE(MAGIC.length);
  const headerEnd = MAGIC.length + 4 + headerLength;
  if (headerLength > 64 * 1024 || headerEnd > bytes.length) throw new UnreadableCacheError('cacheTruncatedHeader');
  let file: CacheFileKey;
  try {
    const header = JSON.parse(bytes.subarray(MAGIC.length + 4, headerEnd).toString('utf8')) as { format?: unknown; key?: unknown };
    const zstdFormat = header.format === FORMAT_COLUMNS || header.format === FORMAT_ZSTD;
    const known = zstdFormat || header.format === FORMAT_DEFLATE || header.format === FORMAT_UNBOUND;
    if (!known || typeof header.key !== 'string') throw new Error(`format ${String(header.format)}`);
    if (zstdFormat && !unzstd) throw new Error('zstd is not available in this runtime');
    const key = Buffer.from(await secretBox.open(Buffer.from(header.key, 'base64')));
    if (key.length !== 32) throw new Error('data key of the wrong size');
    const headerBytes = Buffer.from(bytes.subarray(0, headerEnd));
    const binding = header.format === FORMAT_UNBOUND ? null : bindingOf(connectionId);
    const codec: CacheCodec = zstdFormat ? 'zstd' : 'deflate';
    file = { key, header: headerBytes, digest: createHash('sha256').update(headerBytes).digest(), binding, codec, columns: header.format === FORMAT_COLUMNS };
  } catch (error) {
    throw new UnreadableCacheError('cacheKeyUnopenable', { cause: error });
  }
  return { file, headerEnd };
}

/** Reads records in order, checking each one's length, kind, position and tag. */
export class RecordReader {
  seq = 0;
  constructor(
    private readonly bytes: Buffer,
    public offset: number,
    private readonly file: CacheFileKey,
  ) {}

  async next(): Promise<{ kind: number; payload: unknown } | null> {
    const { bytes, offset } = this;
    if (offset === bytes.length) return null;
    if (bytes.length - offset < FRAME_BYTES) throw new Error('a record is cut short');
    const length = bytes.readUInt32BE(offset);
    if (length < FRAME_BYTES - 4 || length > MAX_RECORD_BYTES || offset + 4 + length > bytes.length) throw new Error('a record is cut short');
    const kind = bytes.readUInt8(offset + 4) as Kind;
    if (!KINDS.has(kind)) throw new Error('a record of an unknown kind');
    const end = offset + 4 + length;
    const decipher = createDecipheriv('aes-256-gcm', this.file.key, bytes.subarray(offset + 5, offset + 5 + IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(this.file, this.seq, kind));
    decipher.setAuthTag(bytes.subarray(end - TAG_BYTES, end));
    const plain = Buffer.concat([decipher.update(bytes.subarray(offset + 5 + IV_BYTES, end - TAG_BYTES)), decipher.final()]);
    const unpacked = await decompress(this.file.codec, plain, kind === RecordKind.baseColumns ? SEGMENT_UNPACK_CHUNK : undefined);
    const payload: unknown = kind === RecordKind.baseColumns || kind === RecordKind.relatedCsv ? unpacked : JSON.parse(unpacked.toString('utf8'));
    this.offset = end;
    this.seq++;
    return { kind, payload };
  }
}
