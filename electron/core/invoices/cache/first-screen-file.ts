import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { InvoiceListRow, PaymentFiguresState } from '../../../contract';
import type { SecretBox } from '../../ports';
import { MAGIC } from './cache-seal';

/**
 * The first screen of an offline copy (issue #19): the first window of `invoices.list` in the default order and
 * what the window needs beside it (the copy's length, version, sync time, object, payment figures' state, status
 * values), so the app's first rows need no decode of the whole copy (~0.3–0.8 s at 100k invoices on two cores).
 */
export interface FirstScreen {
  rows: InvoiceListRow[];
  total: number;
  version: string;
  syncedAt: string;
  object: string;
  payments: PaymentFiguresState;
  statuses: string[];
}

/** The copy a first screen belongs to: its header (a fresh data key at every full write) and its length (every journal append moves it). */
export interface CopyIdentity {
  header: Buffer;
  length: number;
}

/**
 * The file beside the copy (`<hash>.first`):
 *
 *   "BDLYFST1" | u32 header length | header JSON {format: 1, key} | 12-byte IV | AES-256-GCM ciphertext | 16-byte tag
 *
 * `key`: a fresh 256-bit key sealed by the same SecretBox as the copy. The plaintext is the FirstScreen as JSON. The
 * additional data binds it to the connection and to the exact copy it was made from — SHA-256 of the copy's header
 * and the copy's length — so a first screen of an older copy (a sync or a compaction since, a crash between the copy's
 * write and this one's), of another connection, or a damaged one does not open, and the app decodes the whole copy
 * instead. Nothing else reads it; an app without it never looks at it.
 */
const MAGIC_FIRST = Buffer.from('BDLYFST1', 'ascii');
const FORMAT = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The copy's header is a few hundred bytes (cache-format refuses more than 64 KiB). */
const MAX_HEADER_BYTES = 64 * 1024;

function additionalData(connectionId: string, copy: CopyIdentity): Buffer {
  const length = Buffer.alloc(8);
  length.writeBigUInt64BE(BigInt(copy.length));
  return Buffer.concat([
    createHash('sha256').update(`budgetly-first-screen:${connectionId}`).digest(),
    createHash('sha256').update(copy.header).digest(),
    length,
  ]);
}

export async function encodeFirstScreen(screen: FirstScreen, secretBox: SecretBox, connectionId: string, copy: CopyIdentity): Promise<Buffer> {
  const key = randomBytes(32);
  try {
    const sealed = await secretBox.seal(key);
    const json = Buffer.from(JSON.stringify({ format: FORMAT, key: Buffer.from(sealed).toString('base64') }), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(json.length);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(additionalData(connectionId, copy));
    const body = Buffer.concat([cipher.update(JSON.stringify(screen), 'utf8'), cipher.final()]);
    return Buffer.concat([MAGIC_FIRST, length, json, iv, body, cipher.getAuthTag()]);
  } finally {
    key.fill(0);
  }
}

/** Why a first screen is not used (logged; the app then decodes the whole copy, as without one). */
export class FirstScreenMismatch extends Error {}

/** The first screen in `bytes`, if it is this connection's and made from exactly `copy`; throws FirstScreenMismatch otherwise. */
export async function decodeFirstScreen(bytes: Buffer, secretBox: SecretBox, connectionId: string, copy: CopyIdentity): Promise<FirstScreen> {
  if (bytes.length < MAGIC_FIRST.length + 4 || !bytes.subarray(0, MAGIC_FIRST.length).equals(MAGIC_FIRST)) throw new FirstScreenMismatch('not a first screen');
  const headerEnd = MAGIC_FIRST.length + 4 + bytes.readUInt32BE(MAGIC_FIRST.length);
  if (headerEnd + IV_BYTES + TAG_BYTES > bytes.length) throw new FirstScreenMismatch('cut short');
  let key: Buffer;
  try {
    const header = JSON.parse(bytes.subarray(MAGIC_FIRST.length + 4, headerEnd).toString('utf8')) as { format?: unknown; key?: unknown };
    if (header.format !== FORMAT || typeof header.key !== 'string') throw new Error(`format ${String(header.format)}`);
    key = Buffer.from(await secretBox.open(Buffer.from(header.key, 'base64')));
  } catch (error) {
    throw new FirstScreenMismatch('its key does not open', { cause: error });
  }
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(headerEnd, headerEnd + IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(connectionId, copy));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    plain = Buffer.concat([decipher.update(bytes.subarray(headerEnd + IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
  } catch (error) {
    // Another copy (changed since), another connection, or damage: all look the same here.
    throw new FirstScreenMismatch('made from another copy, or damaged', { cause: error });
  } finally {
    key.fill(0);
  }
  const screen = JSON.parse(plain.toString('utf8')) as Partial<FirstScreen>;
  if (!isFirstScreen(screen)) throw new FirstScreenMismatch('unexpected shape');
  return screen;
}

function isFirstScreen(value: Partial<FirstScreen>): value is FirstScreen {
  return (
    Array.isArray(value.rows) &&
    Number.isInteger(value.total) &&
    value.total! >= value.rows.length &&
    typeof value.version === 'string' &&
    typeof value.syncedAt === 'string' &&
    typeof value.object === 'string' &&
    typeof value.payments === 'string' &&
    Array.isArray(value.statuses)
  );
}

/** The header and length of the copy at `path` as they are now (one handle: both of the same file); null when there is none. */
export async function copyIdentityAt(path: string): Promise<CopyIdentity | null> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const start = Buffer.alloc(MAGIC.length + 4);
    if (size < start.length || (await handle.read(start, 0, start.length, 0)).bytesRead !== start.length) return null;
    if (!start.subarray(0, MAGIC.length).equals(MAGIC)) return null;
    const headerLength = start.readUInt32BE(MAGIC.length);
    if (headerLength > MAX_HEADER_BYTES || start.length + headerLength > size) return null;
    const header = Buffer.alloc(start.length + headerLength);
    start.copy(header);
    if ((await handle.read(header, start.length, headerLength, start.length)).bytesRead !== headerLength) return null;
    return { header, length: size };
  } finally {
    await handle.close();
  }
}
