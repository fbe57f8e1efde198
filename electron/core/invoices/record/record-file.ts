import { promisify } from 'node:util';
import { deflateRaw, inflateRaw } from 'node:zlib';
import type { SecretBox } from '../../ports';
import type { Cell, LineCells } from './record-fetch';
import type { DescribeMeta } from './record-plan';

// On libuv's thread pool, as the offline copy's records are: the main process keeps answering IPC meanwhile.
const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);

/**
 * The whole record of every invoice (issue #13), `invoices/<hash>.record`: the magic, then sealed chunks (each
 * deflated JSON sealed by the secret box on its own), then the sealed head, then the head's length (u32 LE). The head
 * lists each chunk's place, kind and invoice ids, so one invoice is read by opening its chunks, not the file.
 *
 * Format 2 (streamed, record13 session 11): a chunk holds either invoices' field values (`fields`: up to
 * `chunkEntries` invoices) or lines (`lines`: up to `chunkEntries` lines, each with its invoice's id), written as the
 * two queries' pages come, so a phase holds a few chunks whatever the org's size. The head's chunk order is the order
 * of precedence: an invoice's lines are those of its line chunks folded in that order (a line keeps the place it had
 * first and the values it had last; a marker — a line with its id only — keeps a place for values that come later).
 * Format 1 (one chunk per 1,000 invoices with fields and lines together) is still read, until a full phase replaces it.
 */
export const RECORD_MAGIC = Buffer.from('BDLYREC1', 'latin1');
export const RECORD_FORMAT = 2;
/** Format 1's chunks: invoices with their fields and lines together. */
export const RECORD_FORMAT_COMBINED = 1;
/** Entries per chunk (invoices in a field chunk, lines in a line chunk); tests inject fewer. */
export const CHUNK_ENTRIES = 1000;

/** One invoice in a format-1 chunk, and as `RecordCopies.get` answers: its id, its field values (cells in the head's `select` order; null when not readable), its lines. */
export type RecordEntry = [id: string, fields: Cell[] | null, lines: LineCells[]];
/** An invoice's field values in a field chunk. */
export type FieldEntry = [id: string, fields: Cell[]];
/** A line in a line chunk, with its invoice; `[lineId]` alone is a marker (its values are in a later chunk). */
export type LineEntry = [invoiceId: string, line: LineCells];

export type ChunkKind = 'fields' | 'lines';

export interface ChunkRef {
  offset: number;
  length: number;
  /** Format 2; a format-1 chunk has none (fields and lines together). */
  kind?: ChunkKind;
  /** The invoices it holds: field values (`fields`), lines (`lines`), both (format 1). */
  ids: string[];
  /**
   * Entries that hold values (a field chunk: its invoices; a line chunk: its lines, markers not counted), for compaction
   * (record-build.ts). Absent in chunks written before session 12: a field chunk counts its ids, a line chunk as full.
   */
  entries?: number;
}

export interface RecordHead {
  format: number;
  /** When the phase that wrote it ended (ISO instant): what `keptAt` says offline. */
  syncedAt: string;
  /**
   * `spanMs`: how long the query that set the watermark was being read (sync/overlap.ts); absent in copies written
   * before (the next phase over such a copy of more than a page is a full one, record-phase.ts).
   */
  fields: { object: string; signature: string; watermark: number | null; spanMs?: number; select: string[]; describe: DescribeMeta; named: string[] };
  lines: { object: string; signature: string; watermark: number | null; spanMs?: number } | null;
  chunks: ChunkRef[];
  /** What the copy leaves out and why (English core messages); absent in copies written before session 11. */
  warnings?: string[];
  /**
   * The connection it was written for (a hash of its id, record-copy.ts): a copy at another connection's path is not
   * read as that connection's (as the offline copy is bound to its connection). Absent in copies written before: they
   * still open, and the next phase writes the head bound.
   */
  connection?: string;
}

async function seal(box: SecretBox, value: unknown): Promise<Uint8Array> {
  return box.seal(await deflate(Buffer.from(JSON.stringify(value), 'utf8')));
}

async function unseal(box: SecretBox, sealed: Uint8Array): Promise<unknown> {
  return JSON.parse((await inflate(await box.open(sealed))).toString('utf8')) as unknown;
}

/**
 * A format-1 chunk: the app no longer writes them; the format tests' fixture (an older copy still opens).
 * @internal
 */
export async function encodeChunk(box: SecretBox, entries: RecordEntry[]): Promise<Uint8Array> {
  return seal(box, entries);
}

export async function decodeChunk(box: SecretBox, sealed: Uint8Array): Promise<RecordEntry[]> {
  const entries = await unseal(box, sealed);
  if (!Array.isArray(entries) || !entries.every(isEntry)) throw new Error('record chunk of an unexpected shape');
  return entries;
}

export const encodeFieldChunk = (box: SecretBox, entries: FieldEntry[]): Promise<Uint8Array> => seal(box, entries);
export const encodeLineChunk = (box: SecretBox, entries: LineEntry[]): Promise<Uint8Array> => seal(box, entries);

export async function decodeFieldChunk(box: SecretBox, sealed: Uint8Array): Promise<FieldEntry[]> {
  const entries = await unseal(box, sealed);
  if (!Array.isArray(entries) || !entries.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && isCells(e[1]))) throw new Error('record chunk of an unexpected shape');
  return entries as FieldEntry[];
}

export async function decodeLineChunk(box: SecretBox, sealed: Uint8Array): Promise<LineEntry[]> {
  const entries = await unseal(box, sealed);
  if (!Array.isArray(entries) || !entries.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && isLine(e[1]))) throw new Error('record chunk of an unexpected shape');
  return entries as LineEntry[];
}

const isCell = (v: unknown) => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const isCells = (v: unknown) => Array.isArray(v) && v.every(isCell);
const isLine = (line: unknown) => Array.isArray(line) && typeof line[0] === 'string' && line.every(isCell);
function isEntry(value: unknown): value is RecordEntry {
  if (!Array.isArray(value) || value.length !== 3 || typeof value[0] !== 'string') return false;
  const [, fields, lines] = value as unknown[];
  return (fields === null || isCells(fields)) && Array.isArray(lines) && lines.every(isLine);
}

export async function encodeHead(box: SecretBox, head: RecordHead): Promise<Uint8Array> {
  const sealed = await box.seal(Buffer.from(JSON.stringify(head), 'utf8'));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(sealed.length);
  return Buffer.concat([sealed, length]);
}

/** The head from a whole file's last bytes; anything of another shape throws (the copy is then dropped). */
export async function decodeHead(box: SecretBox, read: (offset: number, length: number) => Promise<Buffer>, size: number): Promise<RecordHead> {
  if (size < RECORD_MAGIC.length + 4 || !(await read(0, RECORD_MAGIC.length)).equals(RECORD_MAGIC)) throw new Error('not a record copy');
  const length = (await read(size - 4, 4)).readUInt32LE(0);
  if (length > size - RECORD_MAGIC.length - 4) throw new Error('record head out of bounds');
  const head = JSON.parse(Buffer.from(await box.open(await read(size - 4 - length, length))).toString('utf8')) as RecordHead;
  const end = size - 4 - length;
  const ok = (head?.format === RECORD_FORMAT || head?.format === RECORD_FORMAT_COMBINED) && typeof head.syncedAt === 'string' && typeof head.fields?.signature === 'string'
    && Array.isArray(head.fields.select) && Array.isArray(head.fields.describe?.fields) && Array.isArray(head.fields.named)
    && (head.lines === null || typeof head.lines?.signature === 'string') && Array.isArray(head.chunks)
    && (head.warnings === undefined || (Array.isArray(head.warnings) && head.warnings.every((w) => typeof w === 'string')))
    && (head.connection === undefined || typeof head.connection === 'string')
    && head.chunks.every((c) => Number.isInteger(c.offset) && Number.isInteger(c.length) && c.offset >= RECORD_MAGIC.length && c.offset + c.length <= end && Array.isArray(c.ids)
      && (head.format === RECORD_FORMAT_COMBINED ? c.kind === undefined : c.kind === 'fields' || c.kind === 'lines'));
  if (!ok) throw new Error('record head of an unexpected shape');
  return head;
}
