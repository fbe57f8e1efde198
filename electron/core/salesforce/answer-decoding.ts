import { Transform, type TransformCallback } from 'node:stream';
import * as zlib from 'node:zlib';

/** The encodings asked for and unpacked (fetch's own list for https). */
export const ACCEPTED_ENCODINGS = 'gzip, deflate, br';
/** At most this many codings in one Content-Encoding (undici's limit: more is refused, a guard against a decompression chain). */
const MAX_CODINGS = 5;

/**
 * The streams an answer's body goes through, in order, to undo its `Content-Encoding` — read as fetch reads it (undici 7,
 * lib/web/fetch/index.js, the decoders of `onHeaders`), so the sync's reads (http-exchange.ts) take what the sign-in's take:
 * - a list of codings, case-insensitive, spaces around them ignored, the last applied undone first (`gzip, br`: brotli, then
 *   gzip), at most 5;
 * - `gzip` / `x-gzip`, `br`, and `deflate` with or without zlib's two-byte header (undici's InflateStream: raw deflate unless
 *   the first byte's low four bits are 8) — servers send both under that name;
 * - `identity` (and an empty header) is no coding.
 * Where this parts from undici: a coding it does not know is refused with an Error that names it (undici hands the body on
 * still encoded: the text would be bytes of compressed data), and a compressed body that ends early fails (undici's flush
 * options let a truncated stream pass as whole).
 * Empty list: the body as it came. An Error: the answer cannot be read (the caller fails the request).
 */
export function answerDecoders(contentEncoding: string | undefined): Transform[] | Error {
  const codings = (contentEncoding ?? '')
    .toLowerCase()
    .split(',')
    .map((coding) => coding.trim())
    .filter((coding) => coding !== '' && coding !== 'identity');
  if (codings.length > MAX_CODINGS) return new Error(`Salesforce sent its answer in ${codings.length} encodings, more than ${MAX_CODINGS}.`);
  const decoders: Transform[] = [];
  for (const coding of codings.reverse()) {
    const decoder = decoderOf(coding);
    if (!decoder) return new Error(`Salesforce sent its answer in an encoding Budgetly does not read (${coding.slice(0, 40)}).`);
    decoders.push(decoder);
  }
  return decoders;
}

function decoderOf(coding: string): Transform | null {
  if (coding === 'gzip' || coding === 'x-gzip') return zlib.createGunzip();
  if (coding === 'br') return zlib.createBrotliDecompress();
  if (coding === 'deflate') return new Inflate();
  return null;
}

/** `deflate` as undici reads it: zlib's format when the first byte says so (its low four bits are 8, "deflate"), else raw. */
class Inflate extends Transform {
  private inner: zlib.Inflate | zlib.InflateRaw | null = null;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (chunk.length === 0) return callback();
    if (!this.inner) {
      const inner = (chunk[0]! & 0x0f) === 0x08 ? zlib.createInflate() : zlib.createInflateRaw();
      inner.on('data', (data: Buffer) => this.push(data));
      inner.on('error', (error) => this.destroy(error));
      this.inner = inner;
    }
    this.inner.write(chunk, () => callback());
  }

  override _flush(callback: TransformCallback): void {
    if (!this.inner) return callback();
    this.inner.once('end', () => callback());
    this.inner.end();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.inner?.destroy();
    callback(error);
  }
}
