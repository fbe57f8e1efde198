import { inferSchema, initParser } from 'udsv';
import { describe, expect, it } from 'vitest';
import { relatedRecordsOfCsv } from '../../../electron/core/invoices/related/related-csv';
import type { RelatedRecord, RelatedValue } from '../../../electron/core/invoices/related/related-copy';
import type { RelatedObjectPlan } from '../../../electron/core/invoices/related/related-plan';

/**
 * A Bulk API 2.0 results part (CSV, every value quoted as Salesforce writes it) read in one pass into the related
 * records: the very records a general CSV parser (uDSV, what the app used before) gives of the same text — hostile text,
 * nulls, values repeated from row to row (read as the same strings, not new ones), a path that fills two keys — and a part
 * that is not well-formed CSV is a clear error, never records with values missing or shifted.
 */
const plan: RelatedObjectPlan = {
  role: 'payment', object: 'Payment', signature: 's', modstamp: 'SystemModstamp',
  paths: { number: 'PaymentNumber', account: 'AccountId', accountName: 'Account.Name', amount: 'Amount', status: 'Status', open: 'IsOpen', created: 'CreatedDate', stamp: 'SystemModstamp', again: 'Status' },
  cells: { amount: 'number', open: 'boolean', created: 'instant', stamp: 'instant' },
};
const header = ['Id', 'PaymentNumber', 'AccountId', 'Account.Name', 'Amount', 'Status', 'IsOpen', 'CreatedDate', 'SystemModstamp'];
const HOSTILE = ['=1+1', 'He said "hi", then left', 'Line one\nline two', 'CR\r\nLF, "both"', '007', '1e5', ' padded ', 'Müller & Söhne — 株式会社 🧾', '"', ',', '""', 'null', 'true', ''];
const STATUSES = ['Processed', 'Draft', 'Canceled', ''];

const quoted = (cells: string[]) => `${cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')}\n`;
function csvOf(rows: number): string {
  let csv = quoted(header);
  for (let r = 0; r < rows; r++) {
    const stamp = `2026-0${1 + (r % 9)}-1${r % 10}T0${r % 10}:00:00.000Z`;
    csv += quoted([
      `0a3xx${String(r).padStart(13, '0')}`, r % 7 === 0 ? '' : `PAY-${r}`, `001${r % 3}`, HOSTILE[r % HOSTILE.length]!, r % 5 === 0 ? '' : String((r * 37.01) % 1000),
      STATUSES[Math.floor(r / 4) % STATUSES.length]!, r % 2 ? 'true' : 'false', r % 11 === 0 ? '' : stamp, stamp,
    ]);
  }
  return csv;
}

/** What the app made of a part before (uDSV's string columns, mapped cell by cell): the reference. */
function reference(csv: string): RelatedRecord[] {
  const schema = inferSchema(csv, { col: ',', row: '\n', encl: '"', esc: '"', trim: false }, 1);
  const names = schema.cols.map((c) => c.name.toLowerCase());
  const columns = initParser(schema).stringCols(csv) as string[][];
  const keys = Object.keys(plan.paths);
  return columns[names.indexOf('id')]!.map((id, r) => {
    const out: RelatedRecord = { id };
    for (const key of keys) {
      const text = columns[names.indexOf(plan.paths[key]!.toLowerCase())]![r]!;
      const kind = plan.cells?.[key];
      let value: RelatedValue = text;
      if (text === '') value = null;
      else if (kind === 'number') value = Number(text);
      else if (kind === 'boolean') value = text === 'true';
      else if (kind === 'instant') value = text.length === 24 && text.endsWith('Z') ? `${text.slice(0, 23)}+0000` : text;
      out[key] = value;
    }
    return out;
  });
}

describe('a Bulk API 2.0 CSV part read into related records', () => {
  it('gives the records a general CSV parser gives: hostile text, nulls, repeated values, a path filling two keys, every key in order', () => {
    const csv = csvOf(500);
    const { records, watermark } = relatedRecordsOfCsv(plan, csv);
    const expected = reference(csv);
    expect(records).toHaveLength(500);
    expect(records).toEqual(expected);
    for (const [i, record] of records.entries()) expect(Object.keys(record)).toEqual(Object.keys(expected[i]!));
    expect(new Set(records.map((r) => r.accountName))).toEqual(new Set(HOSTILE.map((h) => (h === '' ? null : h))));
    expect(watermark).toBe(Date.parse('2026-09-19T09:00:00.000Z'));
  });

  it('reads CRLF line ends, a last line without its line end, and a part of no records', () => {
    const csv = csvOf(30);
    expect(relatedRecordsOfCsv(plan, csv.replaceAll('"\n', '"\r\n')).records).toEqual(reference(csv));
    expect(relatedRecordsOfCsv(plan, csv.slice(0, -1)).records).toEqual(reference(csv));
    expect(relatedRecordsOfCsv(plan, '')).toEqual({ records: [], watermark: null });
    expect(relatedRecordsOfCsv(plan, quoted(header))).toEqual({ records: [], watermark: null });
  });

  it('a part that is not well-formed CSV is a clear error, not records with values missing or shifted', () => {
    const lines = csvOf(3).split('\n');
    const shortRow = [lines[0], lines[1], lines[2]!.slice(0, lines[2]!.lastIndexOf(',')), lines[3], ''].join('\n');
    const longRow = [lines[0], `${lines[1]},"extra"`, lines[2], ''].join('\n');
    const unclosed = `${lines[0]}\n"0a3xx1,"PAY-1\n`;
    const junkAfterQuote = `${lines[0]}\n${lines[2]!.replace('","PAY', '"x,"PAY')}\n`;
    for (const csv of [shortRow, longRow, unclosed, junkAfterQuote]) {
      expect(() => relatedRecordsOfCsv(plan, csv), csv).toThrow(/unexpected answer|unexpected/i);
    }
    const missingColumn = csvOf(2).replace('"Status",', '"Other",');
    expect(() => relatedRecordsOfCsv(plan, missingColumn)).toThrow(/unexpected/i);
  });
});
