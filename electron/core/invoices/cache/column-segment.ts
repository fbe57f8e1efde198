import { chunkText, NULL_BITS, TEXT_CELL_COUNT, type ColumnChunk } from '../snapshot/row-columns';
import { UnreadableCacheError } from './cache-rows';

/**
 * A base segment of the copy as columns (format 5, record kind 6): the plaintext is the chunks' columns as bytes, no
 * JSON. Little-endian:
 *
 *   u32 rows | u32 text length (UTF-16 code units) | u8 text encoding (0 latin1, 1 UTF-16LE) | u8 cell length width
 *   (2 or 4 bytes) | u16 0 | u32 text bytes
 *   cell lengths (rows × TEXT_CELL_COUNT, in TEXT_CELLS order) | null bits (u16 per row) | totals (f64 per row) |
 *   balances (f64 per row) | text
 *
 * Latin-1 when every character of the text fits a byte (one byte each, exact), UTF-16LE otherwise (exact for any
 * JavaScript string, lone surrogates included: nothing is re-encoded). A segment of any other shape is unreadable.
 */

const HEAD_BYTES = 16;
const LATIN1 = 0;
const UTF16 = 1;
/** The cells a row always has (id, number, currency): a null one is damage. */
const REQUIRED = (1 << 0) | (1 << 1) | (1 << 6);
/** A character that does not fit Latin-1. */
const WIDE = /[\u0100-\uffff]/;

/**
 * `into(size)`: where the segment is written (a buffer of exactly `size` bytes): a full sync's writer hands the same
 * scratch buffer for every segment it encodes one after the other (~1.9 MB per 10,000 rows that would otherwise wait
 * for the collector, a hundred of them at a million invoices). A new buffer by default.
 */
export function encodeColumnSegment(chunks: readonly ColumnChunk[], into: (size: number) => Buffer = Buffer.allocUnsafe): Buffer {
  let rows = 0;
  let chars = 0;
  let wide = false;
  let longCell = false;
  // A view's cells are a run of its chunk's text (row-columns.ts chunkView): only that run is written.
  const texts = chunks.map(chunkText);
  for (const [c, chunk] of chunks.entries()) {
    rows += chunk.rows;
    chars += texts[c]!.length;
    if (!wide && WIDE.test(texts[c]!)) wide = true;
    for (let k = 1; k < chunk.starts.length && !longCell; k++) if (chunk.starts[k]! - chunk.starts[k - 1]! > 0xffff) longCell = true;
  }
  const width = longCell ? 4 : 2;
  const textBytes = wide ? chars * 2 : chars;
  const cells = rows * TEXT_CELL_COUNT;
  const lengthsAt = HEAD_BYTES;
  const nullsAt = lengthsAt + cells * width;
  const totalsAt = nullsAt + rows * 2;
  const balancesAt = totalsAt + rows * 8;
  const textAt = balancesAt + rows * 8;
  const out = into(textAt + textBytes);
  out.writeUInt32LE(rows, 0);
  out.writeUInt32LE(chars, 4);
  out.writeUInt8(wide ? UTF16 : LATIN1, 8);
  out.writeUInt8(width, 9);
  out.writeUInt16LE(0, 10);
  out.writeUInt32LE(textBytes, 12);
  let cell = 0;
  let row = 0;
  let text = textAt;
  for (const [c, chunk] of chunks.entries()) {
    const { starts } = chunk;
    const lengths = width === 2 ? new Uint16Array(chunk.rows * TEXT_CELL_COUNT) : new Uint32Array(chunk.rows * TEXT_CELL_COUNT);
    for (let k = 0; k < lengths.length; k++) lengths[k] = starts[k + 1]! - starts[k]!;
    out.set(new Uint8Array(lengths.buffer, lengths.byteOffset, lengths.byteLength), lengthsAt + cell * width);
    out.set(new Uint8Array(chunk.nulls.buffer, chunk.nulls.byteOffset, chunk.nulls.byteLength), nullsAt + row * 2);
    out.set(new Uint8Array(chunk.total.buffer, chunk.total.byteOffset, chunk.total.byteLength), totalsAt + row * 8);
    out.set(new Uint8Array(chunk.balance.buffer, chunk.balance.byteOffset, chunk.balance.byteLength), balancesAt + row * 8);
    text += out.write(texts[c]!, text, wide ? 'utf16le' : 'latin1');
    cell += lengths.length;
    row += chunk.rows;
  }
  return out;
}

/** One segment back as one chunk; anything of another shape makes the copy unreadable. */
export function decodeColumnSegment(bytes: Buffer): ColumnChunk {
  const shape = () => new UnreadableCacheError('cacheRowShape');
  if (bytes.length < HEAD_BYTES) throw shape();
  const rows = bytes.readUInt32LE(0);
  const chars = bytes.readUInt32LE(4);
  const encoding = bytes.readUInt8(8);
  const width = bytes.readUInt8(9);
  const textBytes = bytes.readUInt32LE(12);
  if ((encoding !== LATIN1 && encoding !== UTF16) || (width !== 2 && width !== 4) || textBytes !== (encoding === UTF16 ? chars * 2 : chars)) throw shape();
  const cells = rows * TEXT_CELL_COUNT;
  const nullsAt = HEAD_BYTES + cells * width;
  const totalsAt = nullsAt + rows * 2;
  const balancesAt = totalsAt + rows * 8;
  const textAt = balancesAt + rows * 8;
  if (textAt + textBytes !== bytes.length) throw shape();
  // Copied out of the decompressed buffer (aligned, and the buffer can go).
  const copy = (at: number, length: number) => new Uint8Array(bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + length));
  const lengths = width === 2 ? new Uint16Array(copy(HEAD_BYTES, cells * 2).buffer) : new Uint32Array(copy(HEAD_BYTES, cells * 4).buffer);
  const nulls = new Uint16Array(copy(nullsAt, rows * 2).buffer);
  const total = new Float64Array(copy(totalsAt, rows * 8).buffer);
  const balance = new Float64Array(copy(balancesAt, rows * 8).buffer);
  const text = bytes.toString(encoding === UTF16 ? 'utf16le' : 'latin1', textAt, textAt + textBytes);
  const starts = new Uint32Array(cells + 1);
  let at = 0;
  for (let k = 0; k < cells; k++) {
    const length = lengths[k]!;
    if (length !== 0 && nulls[(k / TEXT_CELL_COUNT) | 0]! & (1 << k % TEXT_CELL_COUNT)) throw shape();
    at += length;
    starts[k + 1] = at;
  }
  if (at !== chars || text.length !== chars) throw shape();
  for (let row = 0; row < rows; row++) {
    const bits = nulls[row]!;
    if (bits & ~NULL_BITS || bits & REQUIRED) throw shape();
  }
  return { rows, text, starts, nulls, total, balance };
}
