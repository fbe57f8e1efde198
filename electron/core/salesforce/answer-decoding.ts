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
 *
 * Every stage is bounded (session 35, review34's low): it holds at most its stream buffer (it waits while the next stage is
 * full — zlib's own streams do; the deflate reader below too), and it fails with `ExpandsTooFar` once it has made more than
 * `maxBytes` (and a slack, `STAGE_SLACK`) — so a stage in the middle of a list (`gzip, gzip`, `gzip, br`) cannot expand a small
 * answer without end before the caller's limit, counted on the last stage's output, applies. A valid answer's middle stage
 * makes the next coding's compressed bytes, never much more than the text itself: the slack covers the codings' own
 * overhead (stored blocks: 5 bytes in 64 KB; headers).
 */
export function answerDecoders(contentEncoding: string | undefined, maxBytes: number): Transform[] | Error {
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
    decoders.push(capped(decoder, maxBytes + maxBytes / 1024 + STAGE_SLACK));
  }
  return decoders;
}

/** A stage of the decoding made more than the answer may hold: the caller fails the request with its too-large error. */
export class ExpandsTooFar extends Error {
  override readonly name = 'ExpandsTooFar';
}

/** Bytes a stage may make past the answer's limit (beside 1/1024 of it): a coding's own header and framing. */
const STAGE_SLACK = 64 * 1024;

/** `stage` fails with ExpandsTooFar once it has put out more than `cap` bytes, counted as it makes them (before they are read). */
function capped(stage: Transform, cap: number): Transform {
  let made = 0;
  const push = stage.push.bind(stage);
  stage.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
    if (chunk !== null && chunk !== undefined) {
      made += (chunk as Buffer).length;
      if (made > cap) {
        stage.destroy(new ExpandsTooFar(`An encoding of the answer unpacked to more than ${Math.floor(cap)} bytes.`));
        return false;
      }
    }
    return push(chunk, encoding);
  };
  return stage;
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
      // Waits while this stream's reader is full (zlib's own streams do the same): never more than one buffer's worth held.
      inner.on('data', (data: Buffer) => {
        if (!this.push(data)) inner.pause();
      });
      inner.on('error', (error) => this.destroy(error));
      this.inner = inner;
    }
    this.inner.write(chunk, () => callback());
  }

  override _read(size: number): void {
    this.inner?.resume();
    super._read(size);
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
