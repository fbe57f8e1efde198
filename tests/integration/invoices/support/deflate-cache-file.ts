import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { deflateRawSync, zstdCompressSync } from 'node:zlib';
import type { TestSecretBox } from '../../../support/test-ports';

/**
 * A cache file as the append-only format wrote it in deflate ("BDLYINV2", header format 2 or 3): records whose
 * additional data is SHA-256(header) + sequence number + kind, and for format 3 the connection it is bound to
 * (+ SHA-256 of "budgetly-cache:" + its id). The records' payloads are given as they were written. With `zstd`, as
 * format 4 wrote it (sessions 4–10): bound, the same JSON records compressed with Zstandard.
 */
export async function deflateCacheFile(box: TestSecretBox, boundTo: string | undefined, records: { kind: number; payload: unknown }[], zstd = false): Promise<Buffer> {
  const key = randomBytes(32);
  const binding = boundTo === undefined ? Buffer.alloc(0) : createHash('sha256').update(`budgetly-cache:${boundTo}`).digest();
  const json = Buffer.from(JSON.stringify({ format: zstd ? 4 : boundTo === undefined ? 2 : 3, key: Buffer.from(await box.seal(key)).toString('base64') }));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  const header = Buffer.concat([Buffer.from('BDLYINV2', 'ascii'), length, json]);
  const digest = createHash('sha256').update(header).digest();
  const record = (seq: number, kind: number, payload: unknown) => {
    const aad = Buffer.alloc(37);
    digest.copy(aad);
    aad.writeUInt32BE(seq, 32);
    aad.writeUInt8(kind, 36);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.concat([aad, binding]));
    const body = Buffer.concat([cipher.update((zstd ? zstdCompressSync : deflateRawSync)(Buffer.from(JSON.stringify(payload)))), cipher.final()]);
    const frame = Buffer.alloc(5);
    frame.writeUInt32BE(1 + 12 + body.length + 16);
    frame.writeUInt8(kind, 4);
    return Buffer.concat([frame, iv, body, cipher.getAuthTag()]);
  };
  return Buffer.concat([header, ...records.map((r, seq) => record(seq, r.kind, r.payload))]);
}
