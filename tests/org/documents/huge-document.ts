import { createHash } from 'node:crypto';

/** The size of a document under the 'huge' fault: a scanned archive nobody should download into an invoice app. */
export const HUGE_DOCUMENT_BYTES = 200 * 1024 * 1024;
const CHUNK = 1024 * 1024;

/**
 * A valid 200 MB PDF made of the invoice's real one, never built in memory: the real file, then comment lines of
 * padding (`%` … newline, which a PDF reader skips), then the real file's own `startxref … %%EOF` again, so a reader
 * that looks at the end finds the original cross-reference table where it was. Yielded in 1 MB chunks (one padding
 * buffer reused), exactly `HUGE_DOCUMENT_BYTES` in all.
 */
export function* hugeChunks(real: Buffer): Generator<Buffer> {
  const tail = real.subarray(real.lastIndexOf('startxref'));
  yield real;
  let left = HUGE_DOCUMENT_BYTES - real.length - tail.length;
  const padding = Buffer.alloc(CHUNK, 0x20);
  for (let i = 0; i < CHUNK; i += 64) {
    padding[i] = 0x25; // '%'
    padding[i + 63] = 0x0a; // '\n'
  }
  while (left > 0) {
    const n = Math.min(left, CHUNK);
    yield n === CHUNK ? padding : padding.subarray(0, n);
    left -= n;
  }
  yield tail;
}

/** Size and MD5 of the huge file, computed by streaming it once (ContentSize and Checksum stay honest). */
export function measureHuge(real: Buffer): { size: number; md5: string } {
  const md5 = createHash('md5');
  let size = 0;
  for (const chunk of hugeChunks(real)) {
    md5.update(chunk);
    size += chunk.length;
  }
  return { size, md5: md5.digest('hex') };
}
