import zlib from 'node:zlib';

/**
 * A zip part's deflate in segments on the thread pool (pigz's way; issue #19). The part's bytes are
 * cut into segments of `segmentBytes`; each is deflated on its own by a gzip stream on the thread pool, which also
 * computes the segment's CRC-32 as it reads it (the trailer) — the segments' CRCs are combined here (crc32Combine), so
 * no CRC runs on the calling thread (zlib.crc32 of the 100k sheet's 37 MB: ~33 ms there, 2026-12-06). A segment other
 * than the last is sync-flushed (its deflate data ends byte-aligned) and then finished, which adds an empty final
 * block: its header, that block and its trailer are cut off, and what is left of every segment, joined in order, is
 * one valid raw deflate stream of the whole part — what the zip holds. Each segment starts with an empty window: the
 * 100k sheet deflates to 7,029,269 bytes in 1 MiB segments vs 7,022,997 in one stream (+0.09 %).
 *
 * Why: one deflate stream fed a chunk at a time made the JavaScript that writes the sheet wait for each chunk's deflate
 * and for each of its output's file writes (thread-pool round trips); here the writer only copies a chunk into the
 * segment being filled while the segment before it deflates beside it (IN_FLIGHT).
 */

/** Bytes of a segment: ~37 per 100,000 invoices (the sheet's 37 MB). */
export const SEGMENT_BYTES = 1024 * 1024;
/**
 * Segments deflating while the writer fills the next one, before it waits for the oldest: one. With three (the first
 * version, 8863ddf), the deflates piled up on a loaded machine and took the cores from the writer, which is the export's
 * critical path: 5 alternating rounds at load 6.4–7.6 (nice 19, fresh process each), main thread runnable but not
 * running 184–794 ms (median 453) vs 140–299 (222) before the segments, walls 663–1,360 (1,026) vs 679–799 (703); with
 * one, 175–236 (206) and 648–751 (684): the process runs about as many threads at once as one deflate stream did.
 */
const IN_FLIGHT = 1;
/** Deflate's output chunks (zlib's default is 16 KiB): three or four per MiB of the sheet's XML. */
const OUT_CHUNK = 64 * 1024;
/** A gzip stream's header as zlib writes it (no name, no extra field), and its trailer (CRC-32, size). */
const GZIP_HEADER = 10;
const GZIP_TRAILER = 8;
/** The empty final block (fixed Huffman: BFINAL, BTYPE 01, end of block) zlib writes when a stream is finished right after a sync flush. */
const EMPTY_FINAL_BLOCK = [0x03, 0x00] as const;

interface Segment {
  /** Settles once the segment is deflated (rejects if zlib fails). */
  done: Promise<void>;
  /** Its raw deflate data, in deflate's output chunks, once deflated. */
  output: Buffer[] | null;
  /** Its bytes' CRC-32 (zlib's, once deflated) and their count. */
  crc: number;
  size: number;
}

export class SegmentedDeflate {
  /** Bytes taken so far. */
  size = 0;
  /** CRC-32 of the bytes of the segments handed out so far: of all the part's bytes once `end` has answered. */
  crc = 0;
  private crcSize = 0;
  private segment: Buffer;
  private used = 0;
  /** Segments launched, in order, not yet handed out. */
  private readonly pending: Segment[] = [];
  private readonly spare: Buffer[] = [];

  constructor(
    private readonly level: number,
    private readonly segmentBytes = SEGMENT_BYTES,
  ) {
    this.segment = Buffer.allocUnsafeSlow(segmentBytes);
  }

  /**
   * Takes `bytes` (copied: the caller may reuse them at once). Resolves with the deflate data that is ready to be
   * written, in order (none most of the time); waits for the oldest segment only when more than IN_FLIGHT are deflating.
   */
  async take(bytes: Buffer): Promise<Buffer[]> {
    this.size += bytes.length;
    const ready: Buffer[] = [];
    for (let at = 0; at < bytes.length; ) {
      const n = bytes.copy(this.segment, this.used, at);
      this.used += n;
      at += n;
      if (this.used === this.segment.length) {
        this.launch(false);
        if (this.pending.length > IN_FLIGHT) await this.pending[0]!.done;
        this.collect(ready);
      }
    }
    return ready;
  }

  /** The last segment (its final block ends the stream), then every segment's data still pending, in order. */
  async end(): Promise<Buffer[]> {
    this.launch(true);
    const ready: Buffer[] = [];
    while (this.pending.length > 0) {
      await this.pending[0]!.done;
      this.collect(ready);
    }
    return ready;
  }

  /** Nothing more will be asked: the segments still deflating are let go (their rejections are handled: launch). */
  abandon(): void {
    this.pending.length = 0;
  }

  /** The deflated segments at the head of the queue, in order, into `ready`; their CRCs combined in that order. */
  private collect(ready: Buffer[]): void {
    while (this.pending.length > 0 && this.pending[0]!.output !== null) {
      const segment = this.pending.shift()!;
      ready.push(...segment.output!);
      this.crc = this.crcSize === 0 ? segment.crc : crc32Combine(this.crc, segment.crc, segment.size);
      this.crcSize += segment.size;
    }
  }

  private launch(last: boolean): void {
    const input = this.segment.subarray(0, this.used);
    const buffer = this.segment;
    const segment: Segment = { done: Promise.resolve(), output: null, crc: 0, size: input.length };
    // The segment's buffer is filled again once its deflate is done with it; a failure reaches the caller through the
    // `done` it awaits (and is handled here, so a segment let go never goes unhandled).
    segment.done = gzipSegment(input, this.level, last).then(({ data, crc }) => {
      segment.crc = crc;
      segment.output = data;
      this.spare.push(buffer);
    });
    segment.done.catch(() => undefined);
    this.pending.push(segment);
    this.segment = last ? Buffer.alloc(0) : (this.spare.pop() ?? Buffer.allocUnsafeSlow(this.segmentBytes));
    this.used = 0;
  }
}

/**
 * One segment's gzip on the thread pool: its raw deflate data (sync-flushed, or for the last one ending the stream)
 * and the CRC-32 zlib computed as it read it.
 */
function gzipSegment(input: Buffer, level: number, last: boolean): Promise<{ data: Buffer[]; crc: number }> {
  return new Promise((resolve, reject) => {
    const gzip = zlib.createGzip({ level, chunkSize: OUT_CHUNK });
    const output: Buffer[] = [];
    gzip.on('data', (chunk: Buffer) => output.push(chunk));
    gzip.once('error', reject);
    gzip.once('end', () => {
      try {
        resolve(rawDeflateOf(output, input.length, last));
      } catch (error) {
        reject(error as Error);
      }
    });
    gzip.write(input);
    // Ended once the flush is through: ended at once, the flush would be taken as the stream's finish (zlib.js merges
    // the last chunk's flush with the finish).
    if (last) gzip.end();
    else gzip.flush(zlib.constants.Z_SYNC_FLUSH, () => gzip.end());
  });
}

/** The raw deflate data inside a gzip stream's output chunks (and for a segment, without its empty final block), and the stream's CRC-32. */
function rawDeflateOf(chunks: readonly Buffer[], size: number, last: boolean): { data: Buffer[]; crc: number } {
  const all = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  const end = all.length - GZIP_TRAILER;
  if (all.length < GZIP_HEADER + GZIP_TRAILER + 2 || all[0] !== 0x1f || all[1] !== 0x8b || all[3] !== 0) throw new Error('zlib wrote an unexpected gzip stream');
  if (all.readUInt32LE(end + 4) !== size % 2 ** 32) throw new Error(`the deflate stream read ${all.readUInt32LE(end + 4)} bytes of ${size}`);
  let dataEnd = end;
  if (!last) {
    dataEnd -= EMPTY_FINAL_BLOCK.length;
    if (all[dataEnd] !== EMPTY_FINAL_BLOCK[0] || all[dataEnd + 1] !== EMPTY_FINAL_BLOCK[1]) throw new Error('zlib ended a deflate segment with an unexpected block');
  }
  return { data: [all.subarray(GZIP_HEADER, dataEnd)], crc: all.readUInt32LE(end) };
}

/** CRC-32 (the zip's polynomial, reflected). */
const POLY = 0xedb88320;

/** a(x) · b(x) modulo the CRC's polynomial (zlib's multmodp). */
function multModP(a: number, b: number): number {
  if (a === 0) return 0;
  let m = 2 ** 31;
  let p = 0;
  for (;;) {
    if (a & m) {
      p = (p ^ b) >>> 0;
      if ((a & (m - 1)) === 0) break;
    }
    m /= 2;
    b = b & 1 ? ((b >>> 1) ^ POLY) >>> 0 : b >>> 1;
  }
  return p;
}

/** x^(2^k) modulo the polynomial, k = 0 … 31 (zlib's x2n_table). */
const X2N: number[] = [];
for (let k = 0, p = 2 ** 30; k < 32; k++) {
  X2N.push(p);
  p = multModP(p, p);
}

/** The CRC-32 of A followed by B from A's CRC, B's CRC and B's length (zlib's crc32_combine). */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  // x^(8 · lengthB) modulo the polynomial.
  let p = 2 ** 31;
  for (let n = lengthB, k = 3; n > 0; n = Math.floor(n / 2), k++) {
    if (n % 2 === 1) p = multModP(X2N[k & 31]!, p);
  }
  return (multModP(p, crcA) ^ crcB) >>> 0;
}
