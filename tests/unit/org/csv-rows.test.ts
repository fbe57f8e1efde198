import { describe, expect, it } from 'vitest';
import { sfDateTime } from '../../org/data/random';
import type { SfType, Table } from '../../org/schema/table';
import { CsvBytes, csvHeader, csvLines } from '../../org/soql/csv-rows';
import type { QueryResult } from '../../org/soql/query';

/** What Salesforce writes for a value (and what the org wrote as one string per line before it wrote bytes). */
function expectedCell(type: SfType, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (type === 'datetime' && typeof v === 'number') return sfDateTime(v, 'Z');
  const text = typeof v === 'string' ? v : String(v);
  return ['id', 'reference', 'date', 'datetime', 'currency', 'double', 'int', 'boolean'].includes(type) ? text : text.replaceAll('"', '""');
}

const INSTANTS = [0, 1, 999, 1000, 59_999, 86_399_999, -1, -86_400_001, 951_782_400_000, 1_733_000_000_123, 253_402_300_799_999, -62_135_596_800_000,
  // Days toISOString prints with six digits and a sign, and instants between two milliseconds: the slow way, same text.
  253_402_300_800_000, -62_167_219_200_001, 8.64e15, 1_733_000_000_123.5, null];
const TEXTS = ['', 'plain', 'with "quotes" inside', '"', '""', 'comma, and\nline feed', 'Müller & Söhne', '東京', 'emoji 😀 pair', 'lone \ud800 surrogate', null, 'é'.repeat(300)];
const NUMBERS = [0, -0, 1, -1, 0.1, 1234.56, 1e21, 1.5e-7, 123456789012.34, Number.MAX_SAFE_INTEGER, null];

/** Columns of every kind the org writes, each cycling through awkward values. */
function awkwardResult(rows: number): QueryResult {
  const column = (name: string, type: SfType, values: readonly unknown[]) => ({
    path: name.split('.'), tables: [], field: { name, label: name, type, get: () => null }, get: (row: number) => values[row % values.length],
  });
  const columns = [
    column('Id', 'id', ['0a45g0000000001AAA', '0a45g0000000002AAB']),
    column('Name', 'string', TEXTS),
    column('Account.Name', 'string', [...TEXTS].reverse()),
    column('Amount', 'currency', NUMBERS),
    column('Quantity', 'double', [...NUMBERS, 7]),
    column('Day', 'date', ['2024-01-31', null, '1999-12-31']),
    column('CreatedDate', 'datetime', INSTANTS),
    column('SystemModstamp', 'datetime', [...INSTANTS.slice(3), 'not a number']),
    column('Paid', 'boolean', [true, false, null]),
    column('Status', 'picklist', ['Applied', 'Un"applied', null, '']),
    column('Notes', 'textarea', ['a\r\nb', 'x"y"z']),
  ];
  // Rows in an order of their own (a sorted result), some twice.
  const order = Int32Array.from({ length: rows }, (_, i) => (i * 7919) % rows);
  return { table: { name: 'Awkward' } as Table, columns: columns as unknown as QueryResult['columns'], rows: order, totalSize: rows, count: false };
}

function expectedPart(result: QueryResult, from: number, to: number): Buffer {
  let text = '';
  for (let i = from; i < to; i++) {
    const row = result.rows[i]!;
    text += `"${result.columns.map((c) => expectedCell(c.field.type, c.get(row))).join('","')}"\n`;
  }
  return Buffer.from(csvHeader(result) + text, 'utf8');
}

describe('Bulk API 2.0 results as bytes: exactly the CSV Salesforce writes (the lines written once as strings)', () => {
  it('writes every kind of value, in slices of any size, byte for byte what the lines as one UTF-8 string are', () => {
    const result = awkwardResult(1_000);
    for (const [from, to, slice] of [[0, 1_000, 2_000], [0, 1_000, 1], [13, 977, 7], [500, 500, 3], [999, 1_000, 64]] as const) {
      const out = new CsvBytes(16);
      out.text(csvHeader(result));
      const lines = csvLines(result);
      for (let at = from; at < to; at += slice) lines(at, Math.min(to, at + slice), out);
      expect(out.bytes().equals(expectedPart(result, from, to)), `rows ${from}-${to} in slices of ${slice}`).toBe(true);
    }
  });

  it('writes numbers and texts exactly as String() and UTF-8 do, on the fast paths and off them', () => {
    const values: number[] = [0, -0, 0.01, -0.01, 0.1, 0.5, 1, 9.99, 10, 99.9, 100.01, 1234.5, 1234.56, -1234.56, 0.005, 0.015, 1.005,
      1e-7, 123.456, 9_999_999_999_999.99, 10_000_000_000_000, 99_999_999_999_999.98, 1e15, 1e21, 2 ** 53, Number.MAX_VALUE,
      Number.MIN_VALUE, Number.NaN, Infinity, -Infinity, 0.1 + 0.2, 4.35, 8.2, 1.15, 1e-300];
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
    // Amounts as the org stores them (cents / 100, in every size) and numbers of any shape around them.
    for (let i = 0; i < 40_000; i++) {
      const scale = 10 ** Math.floor(next() * 16);
      values.push(Math.round(next() * scale) / 100, -Math.round(next() * scale) / 100, next() * scale, Math.round(next() * scale) / 1000);
    }
    // Each as a number cell of its own line (a currency column), in slices smaller than a part's.
    const column = { path: ['Amount'], tables: [], field: { name: 'Amount', label: 'Amount', type: 'currency', get: () => null }, get: (row: number) => values[row] };
    const result = { table: { name: 'Numbers' } as Table, columns: [column] as unknown as QueryResult['columns'], rows: Int32Array.from(values.keys()), totalSize: values.length, count: false };
    const out = new CsvBytes(16);
    const lines = csvLines(result);
    for (let at = 0; at < values.length; at += 997) lines(at, Math.min(values.length, at + 997), out);
    expect(out.bytes().toString('latin1')).toBe(values.map((v) => `"${String(v)}"\n`).join(''));

    const texts = ['', 'a', 'x'.repeat(64), 'y'.repeat(65), 'abc\u007f', 'ab\u0080c', 'é', 'plain then é', '東京', 'lone \ud800', '\udc00 low first',
      'emoji 😀', 'é'.repeat(70), `${'a'.repeat(63)}é`];
    const written = new CsvBytes(4);
    for (const t of texts) written.text(t);
    // Each text on its own (two lone halves side by side are still two texts, each written as U+FFFD).
    expect(written.bytes().equals(Buffer.concat(texts.map((t) => Buffer.from(t, 'utf8'))))).toBe(true);
  });

  it('writes every instant as toISOString prints it: every day of 1900-2100 and days across the years 0001-9999', () => {
    const instants: number[] = [];
    let seed = 11;
    const next = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
    // Every day from 1900 to 2100, at a time of its own (and its first and last millisecond every 7th day).
    for (let day = -25_567; day <= 47_482; day++) {
      instants.push(day * 86_400_000 + Math.floor(next() * 86_400_000));
      if (day % 7 === 0) instants.push(day * 86_400_000, day * 86_400_000 + 86_399_999);
    }
    // Days across the whole range toISOString prints with four digits, leap days and century edges among them.
    for (let day = -719_162; day <= 2_932_896; day += 97) instants.push(day * 86_400_000 + Math.floor(next() * 86_400_000));
    for (const iso of ['0001-01-01', '0001-12-31', '1600-02-29', '1700-02-28', '1700-03-01', '1900-02-28', '1900-03-01', '2000-02-29', '2100-02-28',
      '2100-03-01', '2400-02-29', '9999-12-31']) {
      const ms = Date.parse(`${iso}T00:00:00Z`);
      instants.push(ms, ms + 86_399_999, ms - 1);
    }
    const column = { path: ['CreatedDate'], tables: [], field: { name: 'CreatedDate', label: 'Created', type: 'datetime', get: () => null }, get: (row: number) => instants[row] };
    const result = { table: { name: 'Instants' } as Table, columns: [column] as unknown as QueryResult['columns'], rows: Int32Array.from(instants.keys()), totalSize: instants.length, count: false };
    const out = new CsvBytes(16);
    csvLines(result)(0, instants.length, out);
    const written = out.bytes().toString('latin1').split('\n');
    expect(written).toHaveLength(instants.length + 1);
    const wrong = instants.filter((ms, i) => written[i] !== `"${new Date(ms).toISOString()}"`);
    expect(wrong).toEqual([]);
  });

  it('an instant that is not a time at all fails as it did (no half-written part is sent)', () => {
    const result = awkwardResult(3);
    result.columns[6] = { ...result.columns[6]!, get: () => Number.NaN };
    expect(() => csvLines(result)(0, 3, new CsvBytes())).toThrow(RangeError);
  });
});
