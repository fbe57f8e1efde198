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
  /** Each part's text, what its records were read from (they hold slices of it). */
  texts: string[];
  /**
   * Each part as the file keeps it (kind 7): the line `csvPartHead` makes, then the part's bytes as they came — received
   * straight into this buffer, so the file has them with no second encoding and no copy. The file's writer lets go of a
   * part once it has sealed it (null); a file written again (the invoices' query started over) encodes the text.
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

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
/** Distinct values remembered per text column; a column that keeps missing (ids, numbers, names) stops looking. */
const REMEMBERED = 8;
const GIVE_UP_AFTER_MISSES = 64;

const malformed = () => new AppError('SALESFORCE_ERROR', englishMessage('queryUnexpectedAnswer'));

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
  return { reader, keys, width, idColumn, stampColumn, keysOf };
}

/** Whether the cell under the reader sorts after `highest` as text (compared in place: no string per row). */
function cellAfter(reader: CsvReader, highest: string): boolean {
  if (reader.escaped) return reader.text() > highest;
  const csv = reader.csv;
  const length = reader.end - reader.start;
  const shorter = Math.min(length, highest.length);
  for (let i = 0; i < shorter; i++) {
    const a = csv.charCodeAt(reader.start + i);
    const b = highest.charCodeAt(i);
    if (a !== b) return a > b;
  }
  return length > highest.length;
}

const watermarkOf = (plan: CsvReading, highest: string): number | null =>
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

/**
 * An object's CSV parts as columns: for every record, where each of its cells starts and ends in its part's text (typed
 * arrays, outside V8's heap of small objects), read in the same one pass that checks the part (`add`, in the sync or when
 * the file opens). A reader reads a cell (`value`, `text`, `id`) or one whole record (`record`) when it needs it — the
 * ledger over every application (read/applied-ledger.ts) keeps no record object of its own — and `records()` reads them all,
 * the very records `relatedRecordsOfCsv` gives (for the readers that still walk records).
 */
export class CsvTable {
  length = 0;
  readonly texts: string[] = [];
  readonly keys: string[];
  private readonly kinds: (string | undefined)[];
  /** Cells per record: the id, then each key in order. */
  private readonly width: number;
  /**
   * Each part's cells: start and end of every cell of every record, in one array sized once per part (at most a record per
   * line end: no growing, no copy), and the first row of the part.
   */
  private readonly parts: { text: string; cells: Int32Array; first: number; escaped: Set<number> | null }[] = [];
  private last = 0;

  constructor(readonly reading: CsvReading) {
    this.keys = Object.keys(reading.paths);
    this.kinds = this.keys.map((key) => reading.cells?.[key]);
    this.width = this.keys.length + 1;
  }

  /** One part: checked exactly as `relatedRecordsOfCsv` checks it (the same clear error), its records counted and placed. */
  add(csv: string): { count: number; watermark: number | null } {
    if (csv.trim() === '') return { count: 0, watermark: null };
    const { reader, width, idColumn, stampColumn, keysOf } = readHeader(this.reading, csv);
    let lines = 1;
    for (let at = csv.indexOf('\n', reader.at); at >= 0; at = csv.indexOf('\n', at + 1)) lines++;
    const stride = this.width * 2;
    const cells = new Int32Array(lines * stride);
    /** The part's cells whose `""` must be undone (rare: null when none), by cell index — no key made per cell read. */
    let escaped: Set<number> | null = null;
    let row = 0;
    let highest = '';
    // For each column of the CSV, the cells of a record it fills (0: the id; 1 + k: key k).
    const fillsOf = keysOf.map((keys, column) => [...(column === idColumn ? [0] : []), ...keys.map((k) => k + 1)]);
    while (!reader.done()) {
      const base = row * stride;
      for (let column = 0; column < width; column++) {
        if (column > 0 && !reader.more) throw malformed();
        reader.cell();
        if (column === stampColumn && reader.end > reader.start && cellAfter(reader, highest)) highest = reader.text();
        const fills = fillsOf[column]!;
        for (let f = 0; f < fills.length; f++) {
          const cell = base + fills[f]! * 2;
          cells[cell] = reader.start;
          cells[cell + 1] = reader.end;
          if (reader.escaped) (escaped ??= new Set()).add(cell);
        }
      }
      if (reader.more) throw malformed();
      row++;
    }
    const watermark = watermarkOf(this.reading, highest);
    if (row > 0) {
      this.parts.push({ text: csv, cells, first: this.length, escaped });
      this.texts.push(csv);
      this.length += row;
    }
    return { count: row, watermark };
  }

  /** The part holding a row (parts are few: the last one found is tried first). */
  private partOf(row: number): number {
    const parts = this.parts;
    let p = this.last;
    if (row < parts[p]!.first || (p + 1 < parts.length && row >= parts[p + 1]!.first)) {
      p = 0;
      while (p + 1 < parts.length && row >= parts[p + 1]!.first) p++;
      this.last = p;
    }
    return p;
  }

  private cellText(p: number, cell: number): string {
    const { text, cells, escaped } = this.parts[p]!;
    const out = text.slice(cells[cell]!, cells[cell + 1]!);
    return escaped !== null && escaped.has(cell) ? out.replaceAll('""', '"') : out;
  }

  id(row: number): string {
    const p = this.partOf(row);
    return this.cellText(p, (row - this.parts[p]!.first) * this.width * 2);
  }

  /** The column of `key`, or -1 when the object has no such key. */
  column(key: string): number {
    return this.keys.indexOf(key);
  }

  /** A key's value in one record, as the record would hold it (null when empty; numbers, booleans and instants typed). */
  value(row: number, k: number): RelatedValue {
    if (k < 0) return null;
    const p = this.partOf(row);
    const { text, cells, first } = this.parts[p]!;
    const cell = ((row - first) * this.width + k + 1) * 2;
    const start = cells[cell]!;
    const end = cells[cell + 1]!;
    if (end === start) return null;
    const kind = this.kinds[k];
    if (kind === 'number') return Number(this.cellText(p, cell));
    if (kind === 'boolean') return end - start === 4 && text.startsWith('true', start);
    if (kind === 'instant') return restInstant(this.cellText(p, cell));
    return this.cellText(p, cell);
  }

  /** One record, as `relatedRecordsOfCsv` makes it (the same keys in the same order). */
  record(row: number): RelatedRecord {
    const out: RelatedRecord = { id: this.id(row) };
    for (let k = 0; k < this.keys.length; k++) out[this.keys[k]!] = this.value(row, k);
    return out;
  }

  /** Every record, in the order they came. */
  records(): RelatedRecord[] {
    return recordsOfParts(this.reading, this.texts);
  }
}

/** The records of an object's CSV parts, in the order they came. */
export function recordsOfParts(reading: CsvReading, texts: readonly string[]): RelatedRecord[] {
  const records: RelatedRecord[] = [];
  for (const text of texts) for (const record of relatedRecordsOfCsv(reading, text).records) records.push(record);
  return records;
}

/** `2024-01-31T09:00:00.000Z` (Bulk API 2.0) → `2024-01-31T09:00:00.000+0000` (REST), the form the copy has always kept. */
function restInstant(text: string): string {
  return text.length === 24 && text.endsWith('Z') ? `${text.slice(0, 23)}+0000` : text;
}
