import { describe, expect, it } from 'vitest';
import {
  decodeChunk, decodeFieldChunk, decodeHead, decodeLineChunk, encodeChunk, encodeFieldChunk, encodeHead, encodeLineChunk, RECORD_FORMAT, RECORD_FORMAT_COMBINED, RECORD_MAGIC,
  type RecordEntry, type RecordHead,
} from '../../../electron/core/invoices/record/record-file';
import { TestSecretBox } from '../../support/test-ports';

const box = new TestSecretBox();
const entries: RecordEntry[] = [['3tt000000000001AAA', ['INV-1', 12.5, '2026-01-31', true, null], [['5TT000000000001AAA', 'Line 1', 'Towels', 2, 6.25, 12.5]]]];

/** A whole record file of the first format in memory (magic, one chunk, head, head length) and a reader over it. */
async function file(head: Partial<RecordHead> = {}, chunkBytes?: Uint8Array) {
  const chunk = Buffer.from(chunkBytes ?? (await encodeChunk(box, entries)));
  const full: RecordHead = {
    format: RECORD_FORMAT_COMBINED, syncedAt: '2026-12-04T22:00:00.000Z',
    fields: { object: 'Invoice', signature: 's', watermark: 1, select: ['DocumentNumber'], describe: { name: 'Invoice', label: 'Invoice', fields: [] }, named: [] },
    lines: null, chunks: [{ offset: RECORD_MAGIC.length, length: chunk.length, ids: [entries[0]![0]] }], ...head,
  };
  const bytes = Buffer.concat([RECORD_MAGIC, chunk, Buffer.from(await encodeHead(box, full))]);
  return { bytes, read: async (offset: number, length: number) => bytes.subarray(offset, offset + length) };
}

describe('the record copy file (issue #13)', () => {
  it('reads back what it wrote: the head, and one chunk by its place', async () => {
    const { bytes, read } = await file();
    const head = await decodeHead(box, read, bytes.length);
    expect(head.chunks[0]!.ids).toEqual([entries[0]![0]]);
    expect(await decodeChunk(box, await read(head.chunks[0]!.offset, head.chunks[0]!.length))).toEqual(entries);
  });

  it('refuses another file, a head cut short, a head pointing outside the chunks, another format, another key', async () => {
    const { bytes, read } = await file();
    await expect(decodeHead(box, async () => Buffer.from('BDLYINV2'), bytes.length)).rejects.toThrow();
    await expect(decodeHead(box, read, bytes.length - 1)).rejects.toThrow();
    await expect(decodeHead(box, read, 10)).rejects.toThrow();
    const outside = await file({ chunks: [{ offset: RECORD_MAGIC.length, length: 10_000_000, ids: [] }] });
    await expect(decodeHead(box, outside.read, outside.bytes.length)).rejects.toThrow(/unexpected shape/);
    const newer = await file({ format: RECORD_FORMAT + 1 });
    await expect(decodeHead(box, newer.read, newer.bytes.length)).rejects.toThrow(/unexpected shape/);
    // Format 2 names each chunk's kind; a chunk without one (or of another kind) is not of that format.
    const unnamed = await file({ format: RECORD_FORMAT });
    await expect(decodeHead(box, unnamed.read, unnamed.bytes.length)).rejects.toThrow(/unexpected shape/);
    const named = await file({ format: RECORD_FORMAT, chunks: [{ offset: RECORD_MAGIC.length, length: 10, kind: 'fields', ids: [] }] });
    expect((await decodeHead(box, named.read, named.bytes.length)).chunks[0]!.kind).toBe('fields');
    const other = await file({ format: RECORD_FORMAT, chunks: [{ offset: RECORD_MAGIC.length, length: 10, kind: 'other' as never, ids: [] }] });
    await expect(decodeHead(box, other.read, other.bytes.length)).rejects.toThrow(/unexpected shape/);
    await expect(decodeHead(new TestSecretBox(), read, bytes.length)).rejects.toThrow();
  });

  it('refuses a chunk of another shape, even sealed with the right key', async () => {
    await expect(decodeChunk(box, await encodeChunk(box, [['id', 'not cells', []]] as never))).rejects.toThrow(/unexpected shape/);
    await expect(decodeChunk(box, await encodeChunk(box, [['id', null, [[42]]]] as never))).rejects.toThrow(/unexpected shape/);
    const sealed = Buffer.from(await encodeChunk(box, entries));
    sealed[sealed.length >> 1]! ^= 1;
    await expect(decodeChunk(box, sealed)).rejects.toThrow();
  });

  it('reads back field and line chunks (format 2), and refuses either of another shape', async () => {
    const fields: [string, (string | number | null)[]][] = [['3tt000000000001AAA', ['INV-1', 12.5, null]]];
    const lines: [string, [string, ...(string | number | null)[]]][] = [['3tt000000000001AAA', ['5TT000000000001AAA', 'Line 1', null, 2, 6.25, 12.5]], ['3tt000000000001AAA', ['5TT000000000002AAA']]];
    expect(await decodeFieldChunk(box, await encodeFieldChunk(box, fields))).toEqual(fields);
    expect(await decodeLineChunk(box, await encodeLineChunk(box, lines))).toEqual(lines);
    // A first-format chunk, a line without its id, a value that is not a cell.
    await expect(decodeFieldChunk(box, await encodeChunk(box, entries))).rejects.toThrow(/unexpected shape/);
    await expect(decodeLineChunk(box, await encodeChunk(box, entries))).rejects.toThrow(/unexpected shape/);
    await expect(decodeLineChunk(box, await encodeFieldChunk(box, [['id', [42]]]))).rejects.toThrow(/unexpected shape/);
    await expect(decodeFieldChunk(box, await encodeFieldChunk(box, [['id', [{} as never]]]))).rejects.toThrow(/unexpected shape/);
  });
});
