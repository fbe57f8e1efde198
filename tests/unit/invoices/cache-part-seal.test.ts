import { createDecipheriv, createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newCacheFile, RecordKind, RecordReader, sealPartRecord, sealRecord, type CacheCodec, type CacheFileKey } from '../../../electron/core/invoices/cache/cache-seal';
import { TestSecretBox } from '../../support/test-ports';

/**
 * A Bulk API 2.0 part's record (kind 7) sealed piece by piece into the caller's buffer (cache-seal.ts `sealPartRecord`, the
 * file's writer reusing one buffer record after record) is the record `sealRecord` makes of the same part: the same frame
 * and length, the same packed bytes under the cipher — decrypted here by the file format's own rules (README: length, kind,
 * IV, ciphertext, tag; bound to the header, the record's place, its kind and the connection), not by the app's reader — and
 * it reads back as the part. Sealed one after the other into one buffer that grows, each written before the next is sealed
 * (as the writer does), every record reads back.
 */

/** ~3.3 MB of CSV whose ids are hashes: ~1 MB packed, several of zstd's 256 KiB pieces. */
const partOf = (from: number, lines: number) =>
  Buffer.from(
    `{"role":"payments","object":"Payment"}\n"Id","Name","Amount"\n${Array.from({ length: lines }, (_, i) => `"${createHash('sha1').update(String(from + i)).digest('hex')}","Zoë Müller 株式会社 ${from + i}","${i}.25"`).join('\n')}\n`,
    'utf8',
  );
const PART = partOf(0, 40_000);

/** The packed bytes under a record's cipher, by the format's rules. */
function packedOf(file: CacheFileKey, seq: number, record: Buffer): Buffer {
  const length = record.readUInt32BE(0);
  expect(record.length).toBe(4 + length);
  const kind = record.readUInt8(4);
  const place = Buffer.alloc(5);
  place.writeUInt32BE(seq, 0);
  place.writeUInt8(kind, 4);
  const decipher = createDecipheriv('aes-256-gcm', file.key, record.subarray(5, 17), { authTagLength: 16 });
  decipher.setAAD(Buffer.concat([createHash('sha256').update(file.header).digest(), place, createHash('sha256').update('budgetly-cache:c1').digest()]));
  decipher.setAuthTag(record.subarray(record.length - 16));
  return Buffer.concat([decipher.update(record.subarray(17, record.length - 16)), decipher.final()]);
}

async function readBack(file: CacheFileKey, bytes: Buffer, firstSeq: number): Promise<unknown[]> {
  const reader = new RecordReader(bytes, 0, file);
  reader.seq = firstSeq;
  const payloads: unknown[] = [];
  for (let record = await reader.next(); record; record = await reader.next()) {
    expect(record.kind).toBe(RecordKind.relatedCsv);
    payloads.push(record.payload);
  }
  return payloads;
}

describe('a Bulk part’s record sealed in pieces into the writer’s buffer', () => {
  it.each<CacheCodec>(['zstd', 'deflate'])('is the record sealed whole (%s): same frame, same packed bytes, reads back as the part', async (codec) => {
    const file = await newCacheFile(new TestSecretBox(), 'c1', codec);
    const whole = await sealRecord(file, 3, RecordKind.relatedCsv, PART);
    const pieces = await sealPartRecord(file, 3, PART, (size) => Buffer.alloc(size));
    expect(pieces.length).toBe(whole.length);
    expect(pieces.subarray(0, 5).equals(whole.subarray(0, 5))).toBe(true);
    const packed = packedOf(file, 3, pieces);
    expect(packed.equals(packedOf(file, 3, whole))).toBe(true);
    expect(packed.length).toBeGreaterThan(3 * 256 * 1024);
    expect(await readBack(file, pieces, 3)).toEqual([PART]);
  });

  it('seals part after part into one buffer, grown when a part needs more; each written before the next reads back', async () => {
    const file = await newCacheFile(new TestSecretBox(), 'c1');
    let scratch = Buffer.alloc(64);
    let grown = 0;
    const into = (size: number) => {
      if (scratch.length < size) {
        scratch = Buffer.alloc(size);
        grown++;
      }
      return scratch.subarray(0, size);
    };
    const parts = [partOf(0, 2_000), PART, partOf(50_000, 5_000)];
    const written: Buffer[] = [];
    for (const [i, part] of parts.entries()) {
      const record = await sealPartRecord(file, 7 + i, part, into);
      expect(record.buffer).toBe(scratch.buffer);
      written.push(Buffer.from(record));
    }
    expect(grown).toBe(2);
    expect(await readBack(file, Buffer.concat(written), 7)).toEqual(parts);
  });
});
