import { randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportColumn, InvoiceRow } from '../../../electron/contract';
import { namespaces } from '../../../electron/contract/i18n/catalogue';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { exportInvoices } from '../../../electron/core/export/export-invoices';
import { ZipWriter } from '../../../electron/core/export/xlsx-zip';
import { RecordingEvents, ScriptedSaveDialog, tempDir } from '../../support/test-ports';

/**
 * The XLSX package's own zip writer (xlsx-zip.ts) read back by an independent reader written here from PKWARE's
 * APPNOTE: end record → central directory → each local header, its deflated data inflated, its CRC-32 computed with a
 * table (not zlib's) and compared with the central directory's and the data descriptor's, sizes likewise.
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface Entry {
  name: string;
  data: Buffer;
  flags: number;
}

function readZip(zip: Buffer): Entry[] {
  const eocd = zip.length - 22;
  expect(zip.readUInt32LE(eocd), 'end of central directory record (no comment)').toBe(0x06054b50);
  const count = zip.readUInt16LE(eocd + 10);
  expect(zip.readUInt16LE(eocd + 8)).toBe(count);
  const size = zip.readUInt32LE(eocd + 12);
  let at = zip.readUInt32LE(eocd + 16);
  expect(at + size, 'the directory ends where the end record starts').toBe(eocd);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressed = zip.readUInt32LE(at + 20);
    const uncompressed = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extra + comment;

    expect(method, 'deflate').toBe(8);
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    expect(zip.readUInt16LE(local + 6), 'local flags = central flags').toBe(flags);
    expect(zip.subarray(local + 30, local + 30 + zip.readUInt16LE(local + 26)).equals(name), 'local name = central name').toBe(true);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = inflateRawSync(zip.subarray(start, start + compressed));
    expect(data.length, `${name.toString()} size`).toBe(uncompressed);
    expect(crc32(data), `${name.toString()} CRC-32`).toBe(crc);
    if (flags & 0x0008) {
      const descriptor = start + compressed;
      expect(zip.readUInt32LE(descriptor)).toBe(0x08074b50);
      expect([zip.readUInt32LE(descriptor + 4), zip.readUInt32LE(descriptor + 8), zip.readUInt32LE(descriptor + 12)]).toEqual([crc, compressed, uncompressed]);
    }
    entries.push({ name: name.toString('utf8'), data, flags });
  }
  expect(at, 'the directory holds exactly its entries').toBe(eocd);
  return entries;
}

describe('xlsx-zip: the zip read back by an independent reader', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(() => temp.remove());

  async function write(parts: [string, Iterable<string | Buffer>][], level = 1, outChunk?: number): Promise<Buffer> {
    const path = join(temp.dir, 'out.zip');
    const zip = new ZipWriter(createWriteStream(path, { flags: 'wx' }), level, outChunk);
    for (const [name, chunks] of parts) await zip.add(name, chunks);
    await zip.close();
    return readFileSync(path);
  }

  it('parts of every shape (empty, one byte, many string and Buffer chunks, several MiB, unicode names) come back byte for byte, CRC and sizes right', async () => {
    const big = Array.from({ length: 600 }, (_, i) => `<row r="${i}">${'Ωmega 請求書 🧾 & <x>'.repeat(400)}</row>`);
    const random = Buffer.alloc(3 * 1024 * 1024);
    for (let i = 0; i < random.length; i++) random[i] = (i * 2654435761) >>> 24;
    const parts: [string, (string | Buffer)[]][] = [
      ['[Content_Types].xml', ['<?xml version="1.0"?><Types/>']],
      ['empty.xml', []],
      ['empty-chunks.xml', ['', Buffer.alloc(0), '']],
      ['one.txt', ['x']],
      ['xl/worksheets/sheet1.xml', big.map((s, i) => (i % 2 ? Buffer.from(s, 'utf8') : s))],
      ['random.bin', [random.subarray(0, 1), random.subarray(1)]],
      ['xl/請求書/Ωmega 🧾.xml', ['<a/>']],
    ];
    const entries = readZip(await write(parts));
    expect(entries.map((e) => e.name)).toEqual(parts.map(([name]) => name));
    entries.forEach((entry, i) => {
      const expected = Buffer.concat(parts[i]![1].map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c)));
      expect(entry.data.equals(expected), entry.name).toBe(true);
      expect(entry.flags & 0x0800, 'UTF-8 name flag').toBe(0x0800);
    });
  });

  it('deflate output in chunks of 64 bytes (the CRC and size trailer falling across two chunks, or alone in the last): every part back byte for byte, CRC and sizes right', async () => {
    // zlib's smallest output chunk: parts of 0–300 bytes of text and of random bytes end their deflate output at every
    // offset within a chunk, so the 8 trailing bytes (CRC-32, size) the zip takes its CRC from are split every way.
    const parts: [string, Buffer[]][] = [];
    for (let n = 0; n < 300; n += 7) {
      const text = Buffer.from('<c r="A1"><v>1</v></c>'.repeat(20).slice(0, n), 'utf8');
      const noise = Buffer.from(Array.from({ length: n }, (_, i) => (i * 2654435761 + n) >>> 24));
      parts.push([`text-${n}.xml`, [text]], [`noise-${n}.bin`, [noise.subarray(0, n >> 1), noise.subarray(n >> 1)]]);
    }
    const entries = readZip(await write(parts, 1, 64));
    expect(entries.map((e) => e.name)).toEqual(parts.map(([name]) => name));
    entries.forEach((entry, i) => expect(entry.data.equals(Buffer.concat(parts[i]![1])), entry.name).toBe(true));
  });

  it('the default deflate level reads back the same', async () => {
    const entries = readZip(await write([['a.xml', ['<a>'.repeat(100_000)]]], 6));
    expect(entries[0]!.data.toString()).toBe('<a>'.repeat(100_000));
  });

  it('a whole XLSX export (5,000 rows of awkward text): every part deflated, CRC and sizes right, the workbook opens', async () => {
    const t = createI18n('en').getFixedT('en', namespaces);
    const columns: ExportColumn[] = ['number', 'customer', 'invoiceDate', 'dueDate', 'status', 'total', 'balance', 'currency'];
    const awkward = ['Smith & Sons <Ltd> ]]>', '🧾 Ωmega 請求書 👩‍👩‍👧', 'bell\u0007 NUL\u0000 lone \uD800 half', '=1+1', '_x0041_'];
    const rows: InvoiceRow[] = Array.from({ length: 5000 }, (_, n) => ({
      id: `a0G${String(n).padStart(12, '0')}AAA`,
      number: `${awkward[n % awkward.length]} ${n}`,
      customer: n % 7 === 0 ? `${awkward[n % awkward.length]} ${n}` : awkward[n % awkward.length]!,
      invoiceDate: '2026-01-31',
      dueDate: n % 3 ? '2026-02-28' : null,
      status: 'Posted',
      total: n / 100,
      balance: n % 2 ? 0 : -n,
      currency: n % 2 ? 'JPY' : 'EUR',
      lastModified: null,
    }));
    const path = join(temp.dir, 'invoices.xlsx');
    await exportInvoices({ format: 'xlsx', columns, ids: rows.map((r) => r.id), asOf: '2026-11-29' }, new Map(rows.map((r) => [r.id, r])), {
      t,
      saveDialog: new ScriptedSaveDialog(path),
      events: new RecordingEvents(),
    });
    const entries = readZip(readFileSync(path));
    expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml']));
    // ExcelJS parses every part with a strict XML parser (saxes): the package opens, the cells are the grid's.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(5001);
    expect([sheet.getRow(3).getCell(1).value, sheet.getRow(3).getCell(2).value, sheet.getRow(5).getCell(2).value]).toEqual([
      '🧾 Ωmega 請求書 👩‍👩‍👧 1',
      '🧾 Ωmega 請求書 👩‍👩‍👧',
      "'=1+1",
    ]);
  });
});


describe('xlsx-zip: the file failing while a chunk is being deflated (disk full)', () => {
  it('add rejects with the file’s error instead of waiting for good (zlib holding a 256 KiB chunk, its output waiting for the file)', async () => {
    // A file that takes the first write, then stops taking (a slow disk: the deflate is paused with its output full and
    // zlib waiting to go on with the chunk), then fails as a full disk does (ENOSPC).
    let writes = 0;
    const file = new Writable({
      highWaterMark: 1024,
      write(_chunk, _encoding, callback) {
        if (++writes === 1) setImmediate(callback);
      },
    });
    setTimeout(() => file.destroy(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })), 300).unref();
    const zip = new ZipWriter(file as unknown as WriteStream, 1);
    // Incompressible bytes in chunks of 256 KiB (as the sheet's): each chunk's deflate output is several 64 KiB chunks.
    const noise = randomBytes(4 * 256 * 1024);
    const chunks = [0, 1, 2, 3].map((k) => noise.subarray(k * 256 * 1024, (k + 1) * 256 * 1024));
    const outcome = zip.add('xl/worksheets/sheet1.xml', chunks).then(() => 'written', (error: NodeJS.ErrnoException) => error.code);
    const hung = new Promise((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5_000).unref());
    expect(await Promise.race([outcome, hung])).toBe('ENOSPC');
  });
});
