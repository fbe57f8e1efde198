import { describe, expect, it } from 'vitest';
import { RelatedSegments } from '../../../electron/core/invoices/cache/cache-related';
import { csvPartHead, relatedRecordsOfCsv, type CsvReading } from '../../../electron/core/invoices/related/related-csv';
import { CsvTable } from '../../../electron/core/invoices/related/related-csv-table';
import type { RelatedRecord } from '../../../electron/core/invoices/related/related-copy';

/**
 * A Bulk API 2.0 part kept as the bytes it came as (no text of the part made in the sync, nor when the file opens): every
 * cell a reader asks for is what the part's text gives — names in any script, broken UTF-8 as the decoder reads it, quotes
 * undone, instants and numbers typed — and a part that is not well-formed is the same clear error, whatever its bytes.
 */
const reading: CsvReading = {
  object: 'Payment', modstamp: 'SystemModstamp',
  paths: { number: 'PaymentNumber', account: 'AccountId', accountName: 'Account.Name', amount: 'Amount', open: 'IsOpen', created: 'CreatedDate', stamp: 'SystemModstamp', again: 'Account.Name' },
  cells: { amount: 'number', open: 'boolean', created: 'instant', stamp: 'instant' },
};
const header = ['Id', 'PaymentNumber', 'AccountId', 'Account.Name', 'Amount', 'IsOpen', 'CreatedDate', 'SystemModstamp'];
const NAMES = ['Müller & Söhne — 株式会社 🧾', 'He said "hi", then left', 'Line one\nline two', 'CR\r\nLF, "both"', '=1+1', '', 'Ærø', 'Ωmega', 'plain'];
const quoted = (cells: string[]) => `${cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')}\n`;

function csvOf(rows: number, from = 0, names = NAMES): string {
  let csv = quoted(header);
  for (let r = from; r < from + rows; r++) {
    const stamp = `2026-0${1 + ((r * 5) % 9)}-1${r % 10}T0${r % 10}:00:00.000Z`;
    csv += quoted([`0a3${String(r).padStart(15, '0')}`, r % 6 === 0 ? '' : `PAY-${r}`, `001${r % 4}`, names[r % names.length]!, r % 7 === 0 ? '' : String((r * 13.37) % 999), r % 2 ? 'true' : 'false', r % 8 === 0 ? '' : stamp, stamp]);
  }
  return csv;
}

/** Every way a reader reads the table, against the records its part's text gives. */
function expectSameAsText(table: CsvTable, expected: RelatedRecord[]) {
  expect(table.length).toBe(expected.length);
  expect(table.records()).toEqual(expected);
  for (const [row, record] of expected.entries()) {
    expect(table.id(row)).toBe(record.id);
    expect(table.record(row)).toEqual(record);
    expect(Object.keys(table.record(row))).toEqual(Object.keys(record));
    for (const key of table.keys) expect(table.value(row, table.column(key))).toEqual(record[key]);
  }
}

describe('a Bulk part kept as its bytes, read cell by cell', () => {
  it('the count, watermark and every cell its text gives: any script, quotes, line ends in cells, CRLF, no last line end, many rows', () => {
    const texts = [csvOf(0), csvOf(3), csvOf(2500, 3), csvOf(40, 3000).replaceAll('"\n', '"\r\n'), csvOf(30, 4000).slice(0, -1), csvOf(20, 5000, ['ascii', 'only'])];
    const table = new CsvTable(reading);
    const all: RelatedRecord[] = [];
    for (const text of texts) {
      const { records, watermark } = relatedRecordsOfCsv(reading, text);
      const bytes = Buffer.from(text, 'utf8');
      expect(table.add(bytes)).toEqual({ count: records.length, watermark });
      all.push(...records);
    }
    expectSameAsText(table, all);
    // Kept as they came: the very bytes handed over (no copy, no text), what the file writes again if it must.
    expect(table.bytes).toHaveLength(texts.length - 1);
    expect(table.bytes.map((b) => b.toString('utf8'))).toEqual(texts.slice(1));
  });

  it("a part's declared record count (Sforce-NumberOfRecords) sizes its cells: the same records whether it is right, short, far too large or not a count", () => {
    const text = csvOf(300, 3);
    const { records, watermark } = relatedRecordsOfCsv(reading, text);
    // Far too large (more rows than the bytes could hold) sizes nothing: the cells grow as for no count; no crash.
    for (const declared of [300, 0, 1, 100, 299, 301, 10_000_000, 2 ** 31, -5, 1.5, Number.NaN, undefined]) {
      const table = new CsvTable(reading);
      expect(table.add(Buffer.from(text, 'utf8'), declared), String(declared)).toEqual({ count: records.length, watermark });
      expectSameAsText(table, records);
    }
    // A part of one record and a part of none: exactly sized, the same as undeclared.
    for (const [rows, declared] of [[1, 1], [0, 0], [1, 0]] as const) {
      const one = csvOf(rows, 7);
      const table = new CsvTable(reading);
      expect(table.add(Buffer.from(one, 'utf8'), declared)).toEqual({ count: rows, watermark: relatedRecordsOfCsv(reading, one).watermark });
      expectSameAsText(table, relatedRecordsOfCsv(reading, one).records);
    }
  });

  it('cells without quotes (empty ones, the last of a row, a carriage return kept inside) and each part in its own column order read as the text gives them', () => {
    // Each record's cells in the order of `columns` (a part brings its own header), some quoted and some not.
    const partOf = (columns: number[], rows: number, from: number, lineEnd: string, lastLineEnd = true) => {
      const names = ['plain', '', 'a\rb', 'Ærø', 'x\r'];
      let csv = `${columns.map((c) => header[c]).join(',')}${lineEnd}`;
      for (let r = from; r < from + rows; r++) {
        const stamp = `2026-0${1 + (r % 9)}-1${r % 10}T0${r % 10}:00:00.000Z`;
        const cells = [`0a3${String(r).padStart(15, '0')}`, r % 3 === 0 ? '' : `PAY-${r}`, `001${r % 4}`, names[r % names.length]!, r % 5 === 0 ? '' : String(r * 7), r % 2 ? 'true' : 'false', r % 4 === 0 ? '' : stamp, stamp];
        const written = columns.map((c, i) => ((r + i) % 3 === 0 && !cells[c]!.includes('\r') ? `"${cells[c]}"` : cells[c]!));
        csv += `${written.join(',')}${r < from + rows - 1 || lastLineEnd ? lineEnd : ''}`;
      }
      return csv;
    };
    const inOrder = [0, 1, 2, 3, 4, 5, 6, 7];
    // The name (which may end in a carriage return) last, the id in the middle.
    const reordered = [7, 6, 5, 0, 4, 1, 2, 3];
    const texts = [partOf(inOrder, 30, 0, '\n'), partOf(reordered, 30, 30, '\r\n'), partOf(reordered, 25, 60, '\n', false), partOf([3, 2, 1, 0, 4, 5, 6, 7], 25, 85, '\r\n', false)];
    const table = new CsvTable(reading);
    const all: RelatedRecord[] = [];
    for (const text of texts) {
      const { records, watermark } = relatedRecordsOfCsv(reading, text);
      expect(table.add(Buffer.from(text, 'utf8'))).toEqual({ count: records.length, watermark });
      all.push(...records);
    }
    // The text reader read what was written: names with a carriage return inside and at the end, empties as null.
    expect(all.map((r) => r.accountName)).toContain('x\r');
    expect(all.map((r) => r.accountName)).toContain('a\rb');
    expect(all.filter((r) => r.number === null).length).toBeGreaterThan(0);
    expectSameAsText(table, all);
  });

  it('a record longer than 65,535 bytes (a long text field) and the records after it read whole, in a part counted ahead, short (grown after) or not', () => {
    const long = (r: number) => `${'Ω'.repeat(20_000 + r * 7_000)}, "end ${r}"`;
    const lines = csvOf(40).split('\n');
    // Records 5, 6 and 30: long names (up to 269 KB) with cells after them; the rest as they were.
    const text = lines.map((line, i) => (i === 6 || i === 7 || i === 31 ? line.replace(/"[^"]*","(\d+(\.\d+)?)?","(true|false)"/, `"${long(i).replaceAll('"', '""')}","$1","$3"`) : line)).join('\n');
    const { records, watermark } = relatedRecordsOfCsv(reading, text);
    expect(records.filter((r) => Buffer.byteLength(String(r.accountName)) > 65_535)).toHaveLength(3);
    // Counted as 1: the places grow (doubling) after the long record made them wide.
    for (const declared of [40, 1, undefined]) {
      const table = new CsvTable(reading);
      expect(table.add(Buffer.from(text, 'utf8'), declared)).toEqual({ count: 40, watermark });
      expectSameAsText(table, records);
    }
  });

  it('a cell that starts 65,535, 65,536 or 65,537 bytes into its record (the edge of the 2-byte places) reads whole', () => {
    // review34: a threshold one too high (widening only past 65,536) still passed the long-record test above, whose cells
    // never start exactly there. Record 1's name is padded so the cell after it (Amount) starts exactly `at` bytes in.
    const stamp = '2026-01-11T01:00:00.000Z';
    const id = '0a3000000000000001';
    const before = Buffer.byteLength(`"${id}","PAY-1","0011","`);
    for (const at of [65_535, 65_536, 65_537]) {
      const name = 'x'.repeat(at - before - 2);
      const text = `${quoted(header)}${csvOf(1).split('\n')[1]}\n${quoted([id, 'PAY-1', '0011', name, '13.37', 'true', stamp, stamp])}${csvOf(1, 4).split('\n')[1]}\n`;
      const { records, watermark } = relatedRecordsOfCsv(reading, text);
      expect(records[1]!.amount).toBe(13.37);
      const table = new CsvTable(reading);
      expect(table.add(Buffer.from(text, 'utf8'), 3)).toEqual({ count: 3, watermark });
      expectSameAsText(table, records);
    }
  });

  it('broken UTF-8 in a cell reads as the whole text decodes it, the cells around it untouched', () => {
    const good = csvOf(4, 0, ['plain']);
    const lines = good.split('\n');
    // A lead byte cut short right before the closing quote, a lone continuation byte, an invalid byte: in the name column.
    const broken = [Buffer.from([0xc3]), Buffer.from([0x80, 0x41]), Buffer.from([0xff, 0xfe])];
    const parts: Buffer[] = [Buffer.from(`${lines[0]}\n`, 'utf8')];
    for (let r = 1; r <= 3; r++) {
      const [before, after] = lines[r]!.split('"plain"');
      parts.push(Buffer.from(`${before}"x`, 'utf8'), broken[r - 1]!, Buffer.from(`"${after}\n`, 'utf8'));
    }
    const bytes = Buffer.concat(parts);
    const text = bytes.toString('utf8');
    expect(text).toContain('\uFFFD');
    const table = new CsvTable(reading);
    expect(table.add(bytes)).toEqual({ count: 3, watermark: relatedRecordsOfCsv(reading, text).watermark });
    expectSameAsText(table, relatedRecordsOfCsv(reading, text).records);
  });

  it('a blank part is no records, as its text trimmed is empty (a no-break space too); anything else is read', () => {
    for (const blank of ['', '\n', ' \t\r\n\n', '\u00a0\n', '\u2028 ']) {
      expect(new CsvTable(reading).add(Buffer.from(blank, 'utf8')), JSON.stringify(blank)).toEqual({ count: 0, watermark: null });
      expect(relatedRecordsOfCsv(reading, blank)).toEqual({ records: [], watermark: null });
    }
    expect(new CsvTable(reading).add(Buffer.from(quoted(header), 'utf8'))).toEqual({ count: 0, watermark: null });
  });

  it('a part that is not well-formed is the clear error its text gives: short or long rows, an unclosed quote, junk, a mark in front, a missing column', () => {
    const lines = csvOf(3).split('\n');
    const bad = [
      [lines[0], lines[1], lines[2]!.slice(0, lines[2]!.lastIndexOf(',')), lines[3], ''].join('\n'),
      [lines[0], `${lines[1]},"extra"`, lines[2], ''].join('\n'),
      `${lines[0]}\n"0a3x,"PAY-1\n`,
      `${lines[0]}\n${lines[2]!.replace('","PAY', '"x,"PAY')}\n`,
      `${lines[0]}\n${lines[1]}\r`,
      `\ufeff${csvOf(2)}`,
      `\u00a0${csvOf(2)}`,
      csvOf(2).replace('"IsOpen",', '"Other",'),
      // An unclosed quote at the end of a long part: an error, not a scan past its end or a hang.
      `${csvOf(3000)}"0a3${'9'.repeat(15)}","`,
    ];
    for (const text of bad) {
      expect(() => relatedRecordsOfCsv(reading, text), text.slice(0, 200)).toThrow(/unexpected/i);
      expect(() => new CsvTable(reading).add(Buffer.from(text, 'utf8')), text.slice(0, 200)).toThrow(/unexpected/i);
    }
  });

  it("a file's part (kind 7) is read from the record's bytes: the same records and cells as from its text", () => {
    const texts = [csvOf(50), csvOf(70, 50)];
    const segments = new RelatedSegments();
    for (const text of texts) segments.addCsv(Buffer.concat([csvPartHead({ role: 'payment', object: 'Payment' }, reading), Buffer.from(text, 'utf8')]));
    const copy = segments.copy({ format: 'segments', objects: [{ role: 'payment', object: 'Payment', signature: 's', watermark: 3, records: 120 }], warnings: [], none: null });
    expect(copy.objects[0]!.records).toEqual(texts.flatMap((t) => relatedRecordsOfCsv(reading, t).records));
  });
});
