import { createDecipheriv } from 'node:crypto';
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import type { SecretBox } from '../../ports';
import { CACHE_COLUMNS_BEFORE_ACCOUNT, rowFromCells, UnreadableCacheError } from './cache-rows';
import type { Snapshot } from '../snapshot/snapshot';

/**
 * Reads the first cache format (until the append-only one): `"BDLYINV1" | u32 header length |
 * header JSON {format, key, iv, tag} | AES-256-GCM(deflateRaw(JSON))`, one ciphertext for the whole
 * snapshot. Only read (a copy saved by an earlier version opens as before); the next sync writes
 * the new format.
 */

const inflate = promisify(inflateRaw);

export const MAGIC_V1 = Buffer.from('BDLYINV1', 'ascii');

interface HeaderV1 {
  format: number;
  key: string;
  iv: string;
  tag: string;
}

export async function decodeSnapshotV1(file: Buffer, secretBox: SecretBox): Promise<Snapshot> {
  const headerLength = file.length >= MAGIC_V1.length + 4 ? file.readUInt32BE(MAGIC_V1.length) : Number.POSITIVE_INFINITY;
  const bodyStart = MAGIC_V1.length + 4 + headerLength;
  if (headerLength > 64 * 1024 || bodyStart > file.length) throw new UnreadableCacheError('cacheTruncatedHeader');
  let header: HeaderV1;
  let dataKey: Uint8Array;
  try {
    header = JSON.parse(file.subarray(MAGIC_V1.length + 4, bodyStart).toString('utf8')) as HeaderV1;
    if (header.format !== 1) throw new Error(`format ${String(header.format)}`);
    dataKey = await secretBox.open(Buffer.from(header.key, 'base64'));
  } catch (error) {
    throw new UnreadableCacheError('cacheKeyUnopenable', { cause: error });
  }
  let payload: Partial<Record<string, unknown>>;
  try {
    // The tag length is fixed: a file whose header carries a shorter tag (4 bytes would be forgeable) is damaged.
    const decipher = createDecipheriv('aes-256-gcm', dataKey, Buffer.from(header.iv, 'base64'), { authTagLength: 16 });
    decipher.setAAD(MAGIC_V1);
    decipher.setAuthTag(Buffer.from(header.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(file.subarray(bodyStart)), decipher.final()]);
    payload = JSON.parse((await inflate(plain)).toString('utf8')) as Partial<Record<string, unknown>>;
  } catch (error) {
    throw new UnreadableCacheError('cacheDamaged', { cause: error });
  }
  const columns = payload.columns;
  if (
    payload.format !== 1 ||
    typeof payload.object !== 'string' ||
    typeof payload.signature !== 'string' ||
    typeof payload.syncedAt !== 'string' ||
    !(payload.watermark === null || typeof payload.watermark === 'number') ||
    !Array.isArray(columns) ||
    columns.join() !== CACHE_COLUMNS_BEFORE_ACCOUNT.join() ||
    !Array.isArray(payload.rows)
  ) {
    throw new UnreadableCacheError('cacheUnexpectedShape');
  }
  return { object: payload.object, signature: payload.signature, syncedAt: payload.syncedAt, watermark: payload.watermark, rows: payload.rows.map(rowFromCells) };
}
