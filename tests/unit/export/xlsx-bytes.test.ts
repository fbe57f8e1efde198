import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportColumn, InvoiceListRow, InvoiceRow } from '../../../electron/contract';
import { namespaces } from '../../../electron/contract/i18n/catalogue';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { columnLabels, toCell, type CellContext } from '../../../electron/core/export/export-cells';
import type { RowConversion } from '../../../electron/core/export/export-conversion';
import type { ExportRows } from '../../../electron/core/export/export-rows';
import { copyExportRows } from '../../../electron/core/invoices/read/export-rows';
import { chunksOf, RowColumns } from '../../../electron/core/invoices/snapshot/row-columns';
import { columnSnapshot } from '../../../electron/core/invoices/snapshot/snapshot';
import { SheetBytes } from '../../../electron/core/export/xlsx-bytes';
import { columnLetter, SheetStyles } from '../../../electron/core/export/xlsx-parts';
import { CellXml } from '../../../electron/core/export/xlsx-sheet';
import { SheetRows } from '../../../electron/core/export/xlsx-sheet-rows';
import { ZipWriter } from '../../../electron/core/export/xlsx-zip';
import { tempDir } from '../../support/test-ports';
import { exportRow } from '../../support/export-row';

/**
 * The invoices sheet written as bytes (xlsx-bytes.ts, xlsx-sheet-rows.ts) against references that do not share its
 * code: what a reader sees in each text cell (an XML decode and Excel's `_xHHHH_` decode of the bytes, against the
 * rules written out here), the string writer's XML for every cell kind, and String(value) for numbers.
 */

const t = createI18n('en').getFixedT('en', namespaces);
const asOf = '2026-11-29';
const context: CellContext = { asOf };

const row = exportRow;

/** The bytes of these rows' sheet XML, written through buffers of `size` bytes (a cell may be longer than one). */
function bytesOf(sheet: SheetRows, rows: ExportRows, size: number): string {
  const out = new SheetBytes(size);
  const chunks: Buffer[] = [];
  for (let start = 0; start < rows.length; start += 3) {
    sheet.write(rows, start, Math.min(rows.length, start + 3), out);
    for (const chunk of out.handOut()) chunks.push(Buffer.from(chunk));
  }
  out.finish();
  for (const chunk of out.handOut()) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * What a spreadsheet shows for a text, by the rules written out independently: XML 1.0's characters only (no C0
 * control but tab, LF, CR; no lone surrogate; no U+FFFE/U+FFFF) and no DEL; the formula guard; at most 32,767 UTF-16
 * units, never half an emoji. Null: no cell.
 */
function shown(value: string): string | null {
  let kept = '';
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    const isLone = ch.length === 1 && cp >= 0xd800 && cp <= 0xdfff;
    const ok = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xfffd && cp !== 0x7f && !isLone) || cp >= 0x10000;
    if (ok) kept += ch;
  }
  if (kept === '') return null;
  if ('=+-@\t\r'.includes(kept[0]!)) kept = `'${kept}`;
  if (kept.length > 32_767) {
    kept = kept.slice(0, 32_767);
    const last = kept.charCodeAt(kept.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) kept = kept.slice(0, -1);
  }
  return kept;
}

/** A text cell's `<t>` content as an XML reader decodes it, then as Excel reads `_xHHHH_` (ECMA-376 ST_Xstring). */
function read(content: string): string {
  expect(content, 'no raw < or stray & in text content').not.toMatch(/<|&(?!(amp|lt|gt|quot|apos);)/);
  const xml = content.replace(/&(amp|lt|gt|quot|apos);/g, (_m, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name]!);
  return xml.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Each cell of the rows' XML by reference: its `<t>` content decoded, or its whole XML when it has none. */
function cellsOf(xml: string): Map<string, { text: string | null; preserve: boolean }> {
  const cells = new Map<string, { text: string | null; preserve: boolean }>();
  for (const match of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)>(.*?)<\/c>/gs)) {
    const t = /^<is><t( xml:space="preserve")?>(.*)<\/t><\/is>$/s.exec(match[3]!);
    cells.set(match[1]!, { text: t ? read(t[2]!) : null, preserve: t?.[1] !== undefined });
  }
  return cells;
}

const AWKWARD = [
  'Plain ASCII',
  `Smith & Sons <Ltd> "quoted" 'single' ]]> a>b`,
  '=HYPERLINK("http://evil.example","click")',
  '+1',
  '-2',
  '@SUM(A1:A9)',
  '\t=1',
  '\r=1',
  '\u0001=1+1',
  ' edge spaces ',
  'trailing ',
  ' ',
  'two\nlines',
  'tab\there, bell\u0007, NUL\u0000, DEL\u007f, \ufffe and \uffff gone',
  '\u0000\u0001',
  'lone \uD800 high, lone \uDC00 low, pair \uD83E\uDDFE kept',
  'ASCII then Ωmega 請求書 🧾 then ASCII & <more>',
  'Ωmega first, then _x0041_ and plain ASCII',
  '_x0041_ looks like Excel’s escape',
  '_x0041_x0042_ twice',
  '_x004G_ is not one, _X0041_ neither, _x004_ too short, trailing _',
  'x'.repeat(40_000),
  'a'.repeat(32_766) + '🧾 and more',
  '=' + 'b'.repeat(32_766),
  '&'.repeat(5000),
  '_x0041_'.repeat(3000),
  'é'.repeat(30_000),
];

describe('XLSX sheet as bytes', () => {
  it('text cells read back as the rules say, inline, through buffers smaller than a cell: specials, controls, non-ASCII mid-row, lone surrogates, look-alikes, cuts', () => {
    const columns: ExportColumn[] = ['number', 'customer', 'status'];
    // Each text in the middle of a row between plain ASCII cells, and in every position.
    const rows = AWKWARD.map((text, i) => row(i, { number: `before ${i}`, customer: text, status: `after ${i}` }));
    rows.push(...AWKWARD.map((text, i) => row(100 + i, { number: text, customer: 'ASCII', status: text })));
    const sheet = new SheetRows(columns, columnLabels(t), context, new SheetStyles());
    for (const size of [64, 1024]) {
      const xml = bytesOf(sheet, rows, size);
      expect(xml.startsWith('<row r="2">') && xml.endsWith('</row>')).toBe(true);
      const cells = cellsOf(xml);
      rows.forEach((invoice, i) => {
        const r = i + 2;
        [invoice.number, invoice.customer!, invoice.status!].forEach((value, c) => {
          const expected = shown(value);
          const cell = cells.get(`${columnLetter(c)}${r}`);
          if (expected === null) {
            expect(cell, `${columnLetter(c)}${r}: no cell`).toBeUndefined();
            return;
          }
          expect(cell?.text, `${columnLetter(c)}${r} (${JSON.stringify(value.slice(0, 40))})`).toBe(expected);
          // Whitespace that would be lost without xml:space="preserve" (first, last, or tab / line breaks).
          expect(cell!.preserve, `${columnLetter(c)}${r} preserve`).toBe(/^\s|\s$|[\n\r\t]/.test(expected));
        });
      });
    }
  });

  it('every cell kind is byte for byte what the string writer writes (CellXml of toCell), every column, odd values', () => {
    const columns: ExportColumn[] = [
      'number', 'customer', 'invoiceDate', 'dueDate', 'status', 'total', 'balance', 'currency', 'lastModified', 'daysOverdue', 'agingBucket',
      'paid', 'lastPaymentDate', 'fullyPaidOn', 'daysToPay', 'convertedTotal', 'convertedBalance', 'conversionRate', 'conversionRateDate', 'org',
    ];
    const conversion: RowConversion = {
      corporate: 'EUR',
      of: (r) => ({ total: r.total === null ? null : r.total * 0.9, balance: r.balance === null ? null : Math.round((r.balance / 1.0837) * 100) / 100, rate: 1.0837, rateDate: r.invoiceDate }),
    };
    const days = ['2026-01-31', '2025-12-01', '2024-02-29', '2024-02-30', '2026-00-10', '2026-02-00', '9999-12-31', '0100-01-01', '0099-12-31', '0050-06-30', '1899-12-31', '2026-13-45', 'not a day', '2026-1-5', '', null];
    const instants = [
      '2026-11-29T10:11:12.345Z', '2026-11-29T10:11:12Z', '1970-01-01T00:00:00.000Z', '1969-12-31T23:59:59.999Z', '2024-02-29T23:59:59.999Z',
      '2023-02-29T00:00:00.000Z', '2026-04-31T00:00:00.000Z', '2026-11-29T24:00:00.000Z', '2026-11-29T10:11:60.000Z', '0099-01-01T00:00:00.000Z',
      '0100-03-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '2026-11-29T10:11:12.345+01:00', '2026-11-29 10:11:12.345Z', '2026-11-2xT10:11:12.345Z',
      // The Gregorian century rule: 1900 and 2100 have no February 29th (the cell is text, as Date.parse says), 2000 has.
      '1900-02-29T00:00:00.000Z', '2000-02-29T12:00:00.000Z', '2100-02-29T00:00:00.000Z', '2400-02-29T00:00:00.000Z',
      'garbage', '', null,
    ];
    const amounts = [0, -0, 1, -1, 0.1 + 0.2, 1234.56, -0.01, 99_999_999.99, 1e21, 123456789012.345, 0.000001, 5e-7, 1 / 3, 1_234_567, null];
    const currencies = ['USD', 'JPY', 'EUR', 'KWD', 'X&Y'];
    const rows: InvoiceListRow[] = [];
    for (let n = 0; n < 600; n++) {
      rows.push({
        ...row(n, {
          number: AWKWARD[n % 8]! + (n % 3 ? '' : ' é'),
          customer: n % 11 === 0 ? null : AWKWARD[n % AWKWARD.length]!.slice(0, 50),
          invoiceDate: days[n % days.length]!,
          dueDate: days[(n * 7) % days.length]!,
          status: ['Posted', 'Draft', 'Cancelled', null, 'Paid & Closed'][n % 5]!,
          total: amounts[n % amounts.length]!,
          balance: amounts[(n * 5) % amounts.length]!,
          currency: currencies[n % currencies.length]!,
          lastModified: instants[n % instants.length]!,
        }),
        paid: n % 4 ? (amounts[(n * 3) % amounts.length] ?? undefined) : undefined,
        lastPaymentDate: days[(n * 3) % days.length],
        fullyPaidOn: days[(n * 11) % days.length],
        daysToPay: n % 6 ? n - 300 : null,
        org: n % 2 ? 'Org <one>' : '',
      } as InvoiceListRow);
    }
    const styles = new SheetStyles();
    const bytes = bytesOf(new SheetRows(columns, columnLabels(t, 'EUR'), context, styles, conversion), rows, 512);
    const reference = new CellXml(new SheetStyles());
    const expected = rows
      .map((invoice, i) => `<row r="${i + 2}">` + columns.map((column, c) => reference.cell(toCell(invoice, column, context, conversion), columnLetter(c) + (i + 2))).join('') + '</row>')
      .join('');
    expect(bytes).toBe(expected);
  });

  it('rows read in place from the copy’s columns (number and instant left in the chunk) write the same bytes as the same rows as objects', () => {
    const columns: ExportColumn[] = ['number', 'customer', 'invoiceDate', 'dueDate', 'status', 'total', 'balance', 'currency', 'lastModified', 'daysOverdue', 'agingBucket', 'convertedBalance'];
    const numbers = [...AWKWARD.slice(0, 21), '請求-7', 'Ärger 2', '', 'INV-0000108', ' ', '_x0041_', 'a&b<c>'];
    const instants = [
      '2026-11-29T10:11:12.345Z', '1969-12-31T23:59:59.999Z', '2024-02-29T23:59:59.999Z', '2023-02-29T00:00:00.000Z', '2026-11-29T24:00:00.000Z',
      '0099-01-01T00:00:00.000Z', '0100-03-01T00:00:00.000Z', '2026-11-29T10:11:12Z', '2026-11-29T10:11:12.345+01:00', '２０２６-11-29T10:11:12.345Z',
      '1900-02-29T00:00:00.000Z', '2000-02-29T12:00:00.000Z', '2100-02-29T00:00:00.000Z',
      'garbage & <more>', '', null,
    ];
    const rows: InvoiceRow[] = Array.from({ length: 400 }, (_, n) =>
      row(n, {
        number: numbers[n % numbers.length]!,
        customer: n % 9 === 0 ? null : AWKWARD[(n * 3) % 20]!,
        dueDate: n % 13 === 0 ? null : `2026-${String(1 + (n % 12)).padStart(2, '0')}-1${n % 10}`,
        status: ['Posted', 'Draft', null, 'Paid & Closed'][n % 4]!,
        total: n % 17 === 0 ? null : n * 10.25,
        balance: n % 5 === 0 ? null : n % 7 === 0 ? -0 : n * 1.5,
        currency: ['USD', 'JPY', 'EUR'][n % 3]!,
        lastModified: instants[n % instants.length]!,
        customerId: n % 2 ? `001${String(n).padStart(15, '0')}` : undefined,
      }),
    );
    // The view: every row backwards, then every third row again (a repeated id), and an id the copy does not have.
    const ids = [...rows.map((r) => r.id).reverse(), ...rows.filter((_, n) => n % 3 === 0).map((r) => r.id), 'a0Ggone'];
    const asked = ids.flatMap((id) => rows.filter((r) => r.id === id));
    const conversion: RowConversion = { corporate: 'EUR', of: (r) => ({ total: r.total, balance: r.balance === null ? null : r.balance * 2, rate: 2, rateDate: r.invoiceDate }) };
    const meta = { object: 'Invoice', signature: 's', syncedAt: '2026-11-29T12:00:00.000Z', watermark: null };
    const tallied = (rowsOf: ExportRows) => {
      const seen: string[] = [];
      const sheet = new SheetRows(columns, columnLabels(t, 'EUR'), { asOf, currentLabel: 'Current' }, new SheetStyles(), conversion, undefined, (r) => void seen.push(`${r.id} ${r.status} ${r.balance} ${r.dueDate}`));
      return { bytes: bytesOf(sheet, rowsOf, 256), seen };
    };
    const expected = tallied(asked);
    for (const size of [1, 7, 400]) {
      const reader = copyExportRows(columnSnapshot(meta, new RowColumns(chunksOf(rows, size)))).rowsOf(ids);
      expect(reader.atInPlace, 'the copy’s reader reads in place').toBeTypeOf('function');
      expect(reader.length).toBe(asked.length);
      const got = tallied(reader);
      expect(got.bytes === expected.bytes, `chunks of ${size}: same bytes`).toBe(true);
      expect(got.seen).toEqual(expected.seen);
      // The same reader's plain rows afterwards (the Applications sheet reads them): every field back.
      expect({ ...reader.at(0)! }).toEqual(asked[0]);
    }
    // A copy over rows (an older copy): nothing in a chunk, the row's own fields are written.
    const plain = copyExportRows({ ...meta, rows }).rowsOf(ids);
    expect(tallied(plain).bytes === expected.bytes).toBe(true);
  });

  it('numbers are written exactly as JavaScript prints them', () => {
    const out = new SheetBytes(64);
    const edges = [0, -0, 1, -1, 0.1, 0.5, 0.001, 0.0005, 0.01, -0.01, 0.1 + 0.2, 1.005, 2.675, 999_999_999.999, 1e9, 1e9 + 0.5, 123_456_789.125, 2 ** 53, 2 ** 53 + 2, 1e15, 1e15 - 1, 1e21, 1e-7, 46_355.424_444_444_44, Number.MIN_VALUE, Number.MAX_VALUE];
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32);
    const values = [...edges];
    for (let k = 0; k < 100_000; k++) {
      const scale = 10 ** Math.floor(random() * 12);
      const decimals = 10 ** Math.floor(random() * 5);
      values.push((Math.round((random() - 0.3) * scale * decimals) / decimals) * (k % 7 === 0 ? -1 : 1), (random() - 0.5) * scale);
    }
    const wrong: string[] = [];
    for (const value of values) {
      out.used = 0;
      out.number(value);
      const written = out.buf.toString('latin1', 0, out.used);
      if (written !== String(value)) wrong.push(`${String(value)} written as ${written}`);
    }
    expect(wrong).toEqual([]);
  });

  describe('through the zip', () => {
    let temp: ReturnType<typeof tempDir>;
    beforeEach(() => {
      temp = tempDir();
    });
    afterEach(() => temp.remove());

    it('reused buffers reach the file intact: 20,000 rows through 1 KiB buffers deflate to exactly the rows’ XML', async () => {
      const rows = Array.from({ length: 20_000 }, (_, n) => row(n, { customer: AWKWARD[n % 20]!, total: n / 100, balance: -n, currency: n % 2 ? 'JPY' : 'EUR' }));
      const columns: ExportColumn[] = ['number', 'customer', 'invoiceDate', 'total', 'balance', 'currency'];
      const expected = new SheetRows(columns, columnLabels(t), context, new SheetStyles()).batch(rows, 0, rows.length);
      const sheet = new SheetRows(columns, columnLabels(t), context, new SheetStyles());
      function* chunks(): Generator<Buffer> {
        const out = new SheetBytes(1024);
        for (let start = 0; start < rows.length; start += 100) {
          sheet.write(rows, start, Math.min(rows.length, start + 100), out);
          yield* out.handOut();
        }
        out.finish();
        yield* out.handOut();
      }
      const path = join(temp.dir, 'rows.zip');
      const zip = new ZipWriter(createWriteStream(path, { flags: 'wx' }), 1);
      await zip.add('rows.xml', chunks());
      await zip.close();
      const file = readFileSync(path);
      // One entry: its compressed size from the central directory, its data after the local header.
      const directory = file.readUInt32LE(file.length - 22 + 16);
      const compressed = file.readUInt32LE(directory + 20);
      const start = 30 + file.readUInt16LE(26) + file.readUInt16LE(28);
      expect(inflateRawSync(file.subarray(start, start + compressed)).toString('utf8') === expected).toBe(true);
      // ~0.6 s alone; 10 s under a loaded machine's typecheck and lint (a timeout, not a failure): room for both.
    }, 60_000);
  });
});
