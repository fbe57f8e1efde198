import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportColumn, InvoiceRow } from '../../../electron/contract';
import { namespaces } from '../../../electron/contract/i18n/catalogue';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { exportInvoices } from '../../../electron/core/export/export-invoices';
import { RecordingEvents, ScriptedSaveDialog, tempDir } from '../../support/test-ports';
import { exportRow } from '../../support/export-row';

/**
 * Review (reviewA, session 15): whatever text an org holds, the XLSX's sheet and shared-string XML are well-formed and
 * each cell holds exactly the text the app means to write — no text can close its element, open another, or carry a
 * character XML 1.0 forbids. Random mixes of the pieces that break XML writers (specials, `]]>`, tags, Excel's own
 * `_xHHHH_` escape, every control character, lone and paired surrogates, U+FFFE/U+FFFF, non-ASCII of every UTF-8 length,
 * formula starts), inline (the number) and shared (customer, status), read back from the zip by a reader written here
 * and by ExcelJS.
 */

const t = createI18n('en').getFixedT('en', namespaces);
const COLUMNS: ExportColumn[] = ['number', 'customer', 'status'];

// The text a cell must hold, written independently of the writer (its documented rules, export-cells.ts / xlsx-sheet.ts):
// characters XML 1.0 cannot carry (and DEL) dropped, the formula guard, cut to 32,767 UTF-16 units (never between the
// halves of a pair), then Excel's escape of a literal "_xHHHH_".
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
function expectedText(value: string): string {
  let text = value.replace(NOT_XML, '');
  if (text === '') return '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  if (text.length > 32_767) {
    const cut = text.charCodeAt(32_766);
    text = text.slice(0, cut >= 0xd800 && cut <= 0xdbff ? 32_766 : 32_767);
  }
  return text.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_');
}

/** The zip's parts by name (central directory → local header → inflate). */
function readZip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const parts = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + extra + comment;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressed);
    parts.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
  }
  return parts;
}

// A character XML 1.0 does not allow (Char production), in a decoded document.
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A part as text: valid UTF-8, only XML characters, a `<` only where markup starts, `&` only as an entity. */
function wellFormedText(part: Buffer, name: string): string {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(part);
  expect(NOT_XML_CHAR.test(text), `${name}: a character XML 1.0 forbids`).toBe(false);
  expect(/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);)/.test(text), `${name}: a bare &`).toBe(false);
  return text;
}

const unescape = (xml: string) =>
  xml.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);/g, (_, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : name === 'gt' ? '>' : name === 'quot' ? '"' : name === 'apos' ? "'" : String.fromCodePoint(name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)),
  );

/** Every cell of sheet1 by reference, as the text it holds (inline or through the shared-string table). */
function cellsOf(parts: Map<string, Buffer>): Map<string, string> {
  const sheet = wellFormedText(parts.get('xl/worksheets/sheet1.xml')!, 'sheet1.xml');
  const sharedPart = parts.get('xl/sharedStrings.xml');
  const shared = sharedPart ? [...wellFormedText(sharedPart, 'sharedStrings.xml').matchAll(/<si><t(?: xml:space="preserve")?>([^<]*)<\/t><\/si>/g)].map((m) => unescape(m[1]!)) : [];
  if (sharedPart) expect(shared.length, 'every <si> is one plain <t>').toBe((sharedPart.toString('utf8').match(/<si>/g) ?? []).length);
  const cells = new Map<string, string>();
  const rowsXml = sheet.slice(sheet.indexOf('<sheetData>'), sheet.indexOf('</sheetData>'));
  // Markup only the writer makes: a cell is exactly one of these, nothing else may appear between cells.
  const cell = /<c r="([A-Z]+\d+)"(?: s="\d+")?(?: t="inlineStr"><is><t(?: xml:space="preserve")?>([^<]*)<\/t><\/is>| t="s"><v>(\d+)<\/v>|><v>[^<]*<\/v>| s="\d+"><v>[^<]*<\/v>)<\/c>/y;
  for (const row of rowsXml.matchAll(/<row r="\d+"[^>]*>(.*?)<\/row>/gs)) {
    const body = row[1]!;
    cell.lastIndex = 0;
    while (cell.lastIndex < body.length) {
      const m = cell.exec(body);
      expect(m, `unexpected markup in a row at: ${JSON.stringify(body.slice(cell.lastIndex, cell.lastIndex + 80))}`).not.toBeNull();
      if (m![2] !== undefined) cells.set(m![1]!, unescape(m![2]));
      else if (m![3] !== undefined) cells.set(m![1]!, shared[Number(m![3])]!);
    }
  }
  return cells;
}

const row = (n: number, text: string): InvoiceRow => exportRow(n, { number: text, customer: text, status: text, total: 1, currency: 'EUR' });

const PIECES = [
  '<', '>', '&', '"', "'", ']]>', '<![CDATA[', '</t></is></c><c r="Z9" t="inlineStr"><is><t>', '<?xml', '&amp;', '&#0;', '&lt;',
  '_x0041_', '_x005F_', '_X0041_', '_x00', '_', 'x0041_', '=', '+', '-', '@', '=HYPERLINK("http://evil.example","x")',
  '\t', '\r', '\n', '\r\n', ' ', '\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001F', '\u007F', '\u0085', '\u00A0',
  '\u2028', '\uFEFF', '\uFFFE', '\uFFFF', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83E\uDDFE', '🧾', 'é', 'Ω', '請求書',
  '\u{10FFFF}', 'A', 'Müller & Söhne', '0', '1.5',
];
const awkwardText = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }).map((pieces) => pieces.join(''));

describe('XLSX text cells under any text (review: escaping is security-relevant)', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(() => temp.remove());

  async function exportAndRead(texts: readonly string[], name: string) {
    const rows = texts.map((text, i) => row(i, text));
    const path = join(temp.dir, `${name}.xlsx`);
    const result = await exportInvoices({ format: 'xlsx', columns: COLUMNS, ids: rows.map((r) => r.id), asOf: '2026-11-29' }, new Map(rows.map((r) => [r.id, r])), {
      t,
      saveDialog: new ScriptedSaveDialog(path),
      events: new RecordingEvents(),
    });
    expect(result.rows).toBe(rows.length);
    return { path, cells: cellsOf(readZip(readFileSync(path))) };
  }

  function expectCells(cells: Map<string, string>, texts: readonly string[]) {
    texts.forEach((text, i) => {
      const want = expectedText(text);
      for (const column of ['A', 'B', 'C']) {
        const got = cells.get(`${column}${i + 2}`);
        // Compared whole, reported around the first difference (a cell may hold 32,767 characters).
        const have = got ?? '';
        if (have !== want) {
          let at = 0;
          while (at < have.length && have[at] === want[at]) at++;
          const around = (value: string) => JSON.stringify(value.slice(Math.max(0, at - 20), at + 40));
          expect({ cell: `${column}${i + 2}`, of: JSON.stringify(text.slice(0, 60)), at, around: around(have), length: have.length }).toEqual({ cell: `${column}${i + 2}`, of: JSON.stringify(text.slice(0, 60)), at, around: around(want), length: want.length });
        }
      }
    });
  }

  it('random mixes of XML specials, tags, controls, surrogates and formula starts: well-formed parts, each cell exactly its text', { timeout: 60_000 }, async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(awkwardText, { minLength: 1, maxLength: 40 }), async (texts) => {
        const { cells } = await exportAndRead(texts, `run${run++}`);
        expectCells(cells, texts);
        // Nothing but the rows asked: no cell injected under another reference.
        expect([...cells.keys()].filter((ref) => !/^[ABC]\d+$/.test(ref) || Number(ref.slice(1)) > texts.length + 1)).toEqual([]);
      }),
      { numRuns: 60, seed: 15_2026 },
    );
  });

  it('cells far longer than any write buffer, escapes and multi-byte characters across every boundary, still read back by ExcelJS', { timeout: 60_000 }, async () => {
    const texts = [
      '&<>'.repeat(20_000), // 60,000 units in, 32,767 kept, ~4x as escaped bytes
      'é'.repeat(40_000),
      '🧾'.repeat(20_000),
      'a' + '請'.repeat(70_000),
      ']]>'.repeat(11_000),
      '_x0041_'.repeat(5_000),
      'x'.repeat(65_535) + '<',
      'x'.repeat(65_536 - 3) + '€€€',
      '=' + '\u0000'.repeat(100_000) + 'tail',
    ];
    const { path, cells } = await exportAndRead(texts, 'long');
    expectCells(cells, texts);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(texts.length + 1);
    expect(sheet.getRow(2).getCell(1).value).toBe('&<>'.repeat(20_000).slice(0, 32_767));
    expect(sheet.getRow(10).getCell(2).value).toBe("'=tail");
  });
});
