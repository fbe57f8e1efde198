import { AppError } from '../../../contract';
import { englishMessage } from '../../../contract/i18n/spoken-messages';
import { modstampReader } from '../mapping/row-mapper';
import type { RelatedRecord, RelatedValue } from './related-copy';
import type { RelatedObjectPlan } from './related-plan';

/**
 * One results part of a Bulk API 2.0 query (CSV, RFC 4180: a header of the selected paths, every value in quotes, quotes
 * doubled, null as an empty value) → the related records the REST path makes of the same rows (`recordMapper` in
 * related-sync.ts): the same keys in the same order, numbers and booleans typed from describe, instants written as REST
 * writes them (`…+0000`, where Bulk writes `…Z`), empty → null.
 *
 * Read in one pass straight into the records (no columns first): each cell is found with `indexOf`, and a text cell
 * equal to one of the few values its column has had so far (status, type, currency, a day, the account of the rows
 * before) is that same string, compared in place — not a new string per record. At 100k invoices the ~300k records of
 * a full sync kept ~3 million strings of their own, which every young-generation collection of the sync then copied
 * (BENCHMARKS, session 13).
 */
/** What reading a part needs of the object's plan (the file keeps it beside the parts it writes as they came). */
export type CsvReading = Pick<RelatedObjectPlan, 'object' | 'paths' | 'modstamp' | 'cells'>;

/** An object's Bulk API 2.0 results parts, each as Salesforce sent it (header and rows), and how to read them. */
export interface CsvParts {
  reading: CsvReading;
  /** Each part's bytes (header and rows), what its records are read from (`CsvTable` keeps them). */
  parts: Buffer[];
  /**
   * Each part as the file keeps it (kind 7): the line `csvPartHead` makes, then the part's bytes as they came — received
   * straight into this buffer, so the file has them with no second encoding and no copy. The file's writer lets go of a
   * part once it has sealed it (null); a file written again (the invoices' query started over) puts the line in front of
   * the part's bytes again.
   */
  payloads: (Buffer | null)[];
}

/** The line in front of each part in the file (kind 7): the object and how to read its part (JSON, then a line feed). */
export function csvPartHead(object: { role: string; object: string }, reading: CsvReading): Buffer {
  return Buffer.from(`${JSON.stringify({ role: object.role, object: object.object, reading })}\n`, 'utf8');
}

export interface CsvPart {
  records: RelatedRecord[];
  /** The part's highest SystemModstamp (ms), or null. */
  watermark: number | null;
}

export const QUOTE = 34;
export const COMMA = 44;
export const LF = 10;
export const CR = 13;
/** Distinct values remembered per text column; a column that keeps missing (ids, numbers, names) stops looking. */
const REMEMBERED = 8;
const GIVE_UP_AFTER_MISSES = 64;

export const malformed = () => new AppError('SALESFORCE_ERROR', englishMessage('queryUnexpectedAnswer'));

/** A cursor over the CSV text: each `cell()` reads one value and says how the row goes on. */
class CsvReader {
  at = 0;
  /** Where the last cell's text starts and ends in `csv` (escaped: its `""` must be undone). */
  start = 0;
  end = 0;
  escaped = false;
  /** After the last cell: 1 = another cell follows, 0 = the row ended (line end or end of text). */
  more = 0;

  constructor(readonly csv: string) {}

  cell(): void {
    const csv = this.csv;
    let i = this.at;
    this.escaped = false;
    if (csv.charCodeAt(i) === QUOTE) {
      this.start = i + 1;
      let j = csv.indexOf('"', i + 1);
      while (j >= 0 && csv.charCodeAt(j + 1) === QUOTE) {
        this.escaped = true;
        j = csv.indexOf('"', j + 2);
      }
      if (j < 0) throw malformed();
      this.end = j;
      i = j + 1;
    } else {
      this.start = i;
      while (i < csv.length) {
        const c = csv.charCodeAt(i);
        if (c === COMMA || c === LF || (c === CR && csv.charCodeAt(i + 1) === LF)) break;
        if (c === QUOTE) throw malformed();
        i++;
      }
      this.end = i;
    }
    const c = csv.charCodeAt(i);
    if (c === COMMA) {
      this.more = 1;
      this.at = i + 1;
    } else if (c === LF || Number.isNaN(c)) {
      this.more = 0;
      this.at = i + 1;
    } else if (c === CR && csv.charCodeAt(i + 1) === LF) {
      this.more = 0;
      this.at = i + 2;
    } else {
      throw malformed();
    }
  }

  text(): string {
    const text = this.csv.slice(this.start, this.end);
    return this.escaped ? text.replaceAll('""', '"') : text;
  }

  done(): boolean {
    return this.at >= this.csv.length;
  }
}

/** The last few distinct values of a text column, matched in the CSV text without making a string first. */
class Remembered {
  private readonly values: string[] = [];
  private last = '';
  private misses = 0;

  take(reader: CsvReader): string {
    if (reader.escaped) return reader.text();
    const length = reader.end - reader.start;
    const csv = reader.csv;
    if (this.last.length === length && csv.startsWith(this.last, reader.start)) return this.last;
    const values = this.values;
    if (this.misses <= GIVE_UP_AFTER_MISSES) {
      for (let v = 0; v < values.length; v++) {
        const value = values[v]!;
        if (value.length === length && csv.startsWith(value, reader.start)) return (this.last = value);
      }
    }
    const text = reader.text();
    if (values.length < REMEMBERED) values.push(text);
    else this.misses++;
    return (this.last = text);
  }
}

/** A part's header read: the reader past it, each column of the CSV the keys it fills, the id's and the stamp's column. */
function readHeader(plan: CsvReading, csv: string) {
  const reader = new CsvReader(csv);
  const header: string[] = [];
  do {
    reader.cell();
    header.push(reader.text().toLowerCase());
  } while (reader.more);
  return { reader, ...columnsOf(plan, header) };
}

/** What a header (its cells lower-cased) says: each column of the CSV the keys it fills, the id's and the stamp's column. */
export function columnsOf(plan: CsvReading, header: readonly string[]) {
  const at = (path: string): number => {
    const i = header.indexOf(path.toLowerCase());
    if (i < 0) throw malformed();
    return i;
  };
  const keys = Object.keys(plan.paths);
  const width = header.length;
  // For each column of the CSV: which keys it fills (a path may fill two keys), and how its text becomes a value.
  const idColumn = at('Id');
  const stampColumn = plan.modstamp ? at(plan.modstamp) : -1;
  const keysOf: number[][] = Array.from({ length: width }, () => []);
  for (const [k, key] of keys.entries()) keysOf[at(plan.paths[key]!)]!.push(k);
  return { keys, width, idColumn, stampColumn, keysOf };
}

export const watermarkOf = (plan: CsvReading, highest: string): number | null =>
  // Instants of one format order as text: one parse per part, of the highest.
  highest ? modstampReader({ object: plan.object, paths: {}, modstamp: plan.modstamp! })({ [plan.modstamp!]: restInstant(highest) }) : null;

export function relatedRecordsOfCsv(plan: CsvReading, csv: string): CsvPart {
  // A part of no records may come without even a header line.
  if (csv.trim() === '') return { records: [], watermark: null };
  const { reader, keys, width, idColumn, stampColumn, keysOf } = readHeader(plan, csv);
  const kinds = keys.map((key) => plan.cells?.[key]);
  const remembered = keys.map(() => new Remembered());
  const template: RelatedRecord = { id: '' };
  for (const key of keys) template[key] = null;
  const records: RelatedRecord[] = [];
  const values = new Array<RelatedValue>(keys.length);
  let highest = '';
  while (!reader.done()) {
    let id = '';
    for (let column = 0; column < width; column++) {
      if (column > 0 && !reader.more) throw malformed();
      reader.cell();
      if (column === idColumn) id = reader.text();
      if (column === stampColumn && reader.end > reader.start) {
        const stamp = reader.text();
        if (stamp > highest) highest = stamp;
      }
      const fills = keysOf[column]!;
      for (let f = 0; f < fills.length; f++) {
        const k = fills[f]!;
        const kind = kinds[k];
        let value: RelatedValue;
        if (reader.end === reader.start) value = null;
        else if (kind === 'number') value = Number(reader.text());
        else if (kind === 'boolean') value = reader.end - reader.start === 4 && csv.startsWith('true', reader.start);
        else if (kind === 'instant') value = restInstant(reader.text());
        else value = remembered[k]!.take(reader);
        values[k] = value;
      }
    }
    if (reader.more) throw malformed();
    // A copy of the template has every key in place at once (no growing of the object key by key).
    const out: RelatedRecord = { ...template, id };
    for (let k = 0; k < keys.length; k++) out[keys[k]!] = values[k]!;
    records.push(out);
  }
  return { records, watermark: watermarkOf(plan, highest) };
}

/** The records of an object's CSV parts, in the order they came. */
export function recordsOfParts(reading: CsvReading, texts: readonly string[]): RelatedRecord[] {
  const records: RelatedRecord[] = [];
  for (const text of texts) for (const record of relatedRecordsOfCsv(reading, text).records) records.push(record);
  return records;
}

/** `2024-01-31T09:00:00.000Z` (Bulk API 2.0) → `2024-01-31T09:00:00.000+0000` (REST), the form the copy has always kept. */
export function restInstant(text: string): string {
  return text.length === 24 && text.endsWith('Z') ? `${text.slice(0, 23)}+0000` : text;
}
