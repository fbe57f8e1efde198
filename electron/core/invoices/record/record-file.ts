import { promisify } from 'node:util';
import { deflateRaw, inflateRaw } from 'node:zlib';
import type { SecretBox } from '../../ports';
import type { Cell, LineCells } from './record-fetch';
import type { DescribeMeta } from './record-plan';

// On libuv's thread pool, as the offline copy's records are: the main process keeps answering IPC meanwhile.
const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);

/**
 * The whole record of every invoice (issue #13), `invoices/<hash>.record`: the magic, then chunks of up to
 * CHUNK_INVOICES invoices (each deflated JSON sealed by the secret box on its own), then the sealed head, then the
 * head's length (u32 LE). The head lists each chunk's place and invoice ids, so one invoice is read by opening one
 * chunk; an incremental phase copies the chunks it does not change as they are (sealed bytes).
 */
export const RECORD_MAGIC = Buffer.from('BDLYREC1', 'latin1');
export const RECORD_FORMAT = 1;
export const CHUNK_INVOICES = 1000;

/** One invoice in the copy: its id, its field values (cells in the head's `select` order; null when not readable), its lines. */
export type RecordEntry = [id: string, fields: Cell[] | null, lines: LineCells[]];

export interface ChunkRef {
  offset: number;
  length: number;
  ids: string[];
}

export interface RecordHead {
  format: number;
  /** When the phase that wrote it ended (ISO instant): what `keptAt` says offline. */
  syncedAt: string;
  fields: { object: string; signature: string; watermark: number | null; select: string[]; describe: DescribeMeta; named: string[] };
  lines: { object: string; signature: string; watermark: number | null } | null;
  chunks: ChunkRef[];
}

export async function encodeChunk(box: SecretBox, entries: RecordEntry[]): Promise<Uint8Array> {
  return box.seal(await deflate(Buffer.from(JSON.stringify(entries), 'utf8')));
}

export async function decodeChunk(box: SecretBox, sealed: Uint8Array): Promise<RecordEntry[]> {
  const entries = JSON.parse((await inflate(await box.open(sealed))).toString('utf8')) as unknown;
  if (!Array.isArray(entries) || !entries.every(isEntry)) throw new Error('record chunk of an unexpected shape');
  return entries;
}

const isCell = (v: unknown) => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
function isEntry(value: unknown): value is RecordEntry {
  if (!Array.isArray(value) || value.length !== 3 || typeof value[0] !== 'string') return false;
  const [, fields, lines] = value as unknown[];
  return (fields === null || (Array.isArray(fields) && fields.every(isCell)))
    && Array.isArray(lines) && lines.every((line) => Array.isArray(line) && typeof line[0] === 'string' && line.every(isCell));
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
  const ok = head?.format === RECORD_FORMAT && typeof head.syncedAt === 'string' && typeof head.fields?.signature === 'string'
    && Array.isArray(head.fields.select) && Array.isArray(head.fields.describe?.fields) && Array.isArray(head.fields.named)
    && (head.lines === null || typeof head.lines?.signature === 'string') && Array.isArray(head.chunks)
    && head.chunks.every((c) => Number.isInteger(c.offset) && Number.isInteger(c.length) && c.offset >= RECORD_MAGIC.length && c.offset + c.length <= end && Array.isArray(c.ids));
  if (!ok) throw new Error('record head of an unexpected shape');
  return head;
}
