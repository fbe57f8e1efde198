import { keptMemory } from '../../salesforce/kept-memory';
import type { RelatedRecord, RelatedValue } from './related-copy';
import { columnsOf, COMMA, CR, LF, malformed, QUOTE, recordsOfParts, restInstant, watermarkOf, type CsvReading } from './related-csv';

/**
 * Node's own Buffer decoders, without `toString`'s checks and encoding lookup (Buffer.prototype's `latin1Slice` and
 * `utf8Slice`, what `toString` calls): a cell is a few bytes, read ~1 million times after a sync with payments.
 */
type Decoders = { latin1Slice(start: number, end: number): string; utf8Slice(start: number, end: number): string };
const decoders = (bytes: Buffer): Decoders => bytes as unknown as Decoders;

/**
 * A cursor over a part's bytes, cell by cell, as `CsvReader` reads its text: the same cells, the same rows, the same clear
 * error. The delimiters (`"`, `,`, line feed, carriage return) are ASCII, and in UTF-8 no byte of another character is ever
 * one of them, so a cell starts and ends at the same place in the bytes as in their text; a cell's text is its bytes
 * decoded (a decoder never takes an ASCII byte into a character it replaces, so a cell of broken UTF-8 reads as it does
 * in the whole text). `high` collects the bytes read inside cells: below 0x80, every cell of the part is ASCII.
 */
class CsvByteReader {
  at = 0;
  start = 0;
  end = 0;
  escaped = false;
  more = 0;
  high = 0;
  /** Where the cell's own bytes end (its closing quote included): the delimiter after it, or the end of the part. */
  stop = 0;

  constructor(readonly csv: Uint8Array) {}

  cell(): void {
    const csv = this.csv;
    const length = csv.length;
    let i = this.at;
    let high = this.high;
    this.escaped = false;
    if (csv[i] === QUOTE) {
      this.start = i + 1;
      let j = i + 1;
      for (;;) {
        while (j < length) {
          const c = csv[j]!;
          if (c === QUOTE) break;
          high |= c;
          j++;
        }
        if (j >= length) throw malformed();
        if (csv[j + 1] !== QUOTE) break;
        this.escaped = true;
        j += 2;
      }
      this.end = j;
      i = j + 1;
    } else {
      this.start = i;
      while (i < length) {
        const c = csv[i]!;
        if (c === COMMA || c === LF || (c === CR && csv[i + 1] === LF)) break;
        if (c === QUOTE) throw malformed();
        high |= c;
        i++;
      }
      this.end = i;
    }
    this.high = high;
    this.stop = i;
    if (i >= length) {
      this.more = 0;
      this.at = i + 1;
      return;
    }
    const c = csv[i];
    if (c === COMMA) {
      this.more = 1;
      this.at = i + 1;
    } else if (c === LF) {
      this.more = 0;
      this.at = i + 1;
    } else if (c === CR && csv[i + 1] === LF) {
      this.more = 0;
      this.at = i + 2;
    } else {
      throw malformed();
    }
  }

  done(): boolean {
    return this.at >= this.csv.length;
  }
}

/** Whether a part's bytes are blank as its text would be (`text.trim() === ''`), without decoding a part that is not. */
function blank(csv: Buffer): boolean {
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    // ASCII white space and line ends: what `trim` takes off in that range.
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    // Another ASCII byte is text; a byte of another character may be white space (no-break space…): its text says.
    return c >= 0x80 ? csv.toString('utf8').trim() === '' : false;
  }
  return true;
}

/** The cells of the header's row (its first line), decoded: what `readHeader` reads of a part's text. */
function headerOfBytes(csv: Buffer): { reader: CsvByteReader; header: string[] } {
  const reader = new CsvByteReader(csv);
  const header: string[] = [];
  do {
    reader.cell();
    const text = csv.toString('utf8', reader.start, reader.end);
    header.push((reader.escaped ? text.replaceAll('""', '"') : text).toLowerCase());
  } while (reader.more);
  return { reader, header };
}

/** Whether the cell `[start, end)` of `csv` (ASCII: a stamp) sorts after `highest` as text, compared in place. */
function bytesAfter(csv: Uint8Array, start: number, end: number, highest: string): boolean {
  const length = end - start;
  const shorter = Math.min(length, highest.length);
  for (let i = 0; i < shorter; i++) {
    const a = csv[start + i]!;
    const b = highest.charCodeAt(i);
    if (a !== b) return a > b;
  }
  return length > highest.length;
}

/**
 * Rows a part's cells are first sized for when its count is not known (a part read back from the file); they grow (doubling) as
 * a part holds more.
 */
const FIRST_ROWS = 1024;

/**
 * One part as columns: its bytes, where each record starts in them, and where each of its cells starts from there, in the
 * CSV's own column order — a cell's end is where the next one starts, less its comma. Two places per key (start and end,
 * 4 bytes each) took 21.7 MB for a sync with payments at 100k invoices; a record's start and 2 bytes per CSV column (and
 * one for the row's end) take 8 MB — fresh memory that costs ~3 ms per MB to fault in here (BENCHMARKS.md, session 34:
 * full34).
 */
interface TablePart {
  bytes: Buffer;
  /** Where each record starts in `bytes`. */
  rowAt: Int32Array;
  /**
   * Per record, `stride` places from its start: where each of its cells starts (at its opening quote, if quoted), column by
   * column, then one past where its last cell ends. Cell `c` ends where cell `c + 1` starts, less one (the comma), or at
   * that last place less one; a quoted cell's text is inside its quotes. 2 bytes a place; 4 in a part with a record longer
   * than 65,535 bytes (a long text field), from that record on: the places so far copied over, none cut short.
   */
  places: Uint16Array | Int32Array;
  /** Places per record: the CSV's columns, and one for the end. */
  stride: number;
  /** The CSV column of the id (0) and of each key (1 + k): a part brings its own header, so its own order. */
  columnOf: Int32Array;
  /** The part's first row in the table. */
  first: number;
  /** The part's cells whose `""` must be undone (rare: null when none), by their place in `places` — no key made per cell read. */
  escaped: Set<number> | null;
  /** Every cell of the part is ASCII: a cell's text is its bytes one for one. */
  ascii: boolean;
}

/**
 * An object's CSV parts as columns: each part kept as the bytes it came as — not decoded into a text of its own (~8 MB a
 * part, every byte copied once more, ~50 MB kept beside the bytes at 100k invoices: BENCHMARKS, session 20) — and, for every record, where each
 * of its cells starts and ends in them (typed arrays), read in the same one pass that checks the part (`add`, in the sync
 * or when the file opens). A reader reads a cell (`value`, `text`, `id`: a string made of that cell's bytes only) or one
 * whole record (`record`) when it needs it — the ledger over every application (read/applied-ledger.ts) keeps no record
 * object of its own — and `records()` reads them all, the very records `relatedRecordsOfCsv` gives (for the readers that
 * still walk records).
 */
export class CsvTable {
  length = 0;
  /** Each part's bytes (header and rows), in the order they came: what the file keeps of it (cache-store.ts). */
  readonly bytes: Buffer[] = [];
  readonly keys: string[];
  private readonly kinds: (string | undefined)[];
  private readonly parts: TablePart[] = [];
  private last = 0;
  /** Where the cell `locate` found last starts and ends in its part's bytes (two numbers, no object per cell read). */
  private begin = 0;
  private finish = 0;

  constructor(readonly reading: CsvReading) {
    this.keys = Object.keys(reading.paths);
    this.kinds = this.keys.map((key) => reading.cells?.[key]);
  }

  /**
   * One part, as the bytes Salesforce sent (a text is encoded first): checked exactly as `relatedRecordsOfCsv` checks its
   * text (the same clear error), its records counted and placed. The table keeps the bytes (not a copy): they must not change.
   *
   * `declared`: the records Salesforce says the part holds (Sforce-NumberOfRecords), what its cells are sized for at once —
   * not grown by doubling from FIRST_ROWS and cut to size (~13 MB of typed arrays made for a 50,000-record part's 3.6 MB:
   * off-heap memory, whose growth brings V8's full collections on — BENCHMARKS, session 21). A count the bytes cannot hold
   * (at least one byte per cell a row) is known wrong and sizes nothing (the cells grow from FIRST_ROWS, as for a part read
   * back from the file); a wrong count the bytes could hold still sizes for it, at most the bytes' bound (~8× the part,
   * short-lived: the caller checks the count and fails the part). The answers never depend on it.
   */
  add(part: Buffer | string, declared?: number): { count: number; watermark: number | null } {
    const csv = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    if (blank(csv)) return { count: 0, watermark: null };
    const { reader, header } = headerOfBytes(csv);
    const { width, idColumn, stampColumn, keysOf } = columnsOf(this.reading, header);
    reader.high = 0;
    const stride = width + 1;
    const fits = Math.floor((csv.length - reader.at) / width) + 1;
    const sized = declared !== undefined && Number.isInteger(declared) && declared >= 0 && declared <= fits ? declared : FIRST_ROWS;
    let rowAt = keptCells(Math.max(sized, 1));
    let places: Uint16Array | Int32Array = keptPlaces(Math.max(sized, 1) * stride);
    let escaped: Set<number> | null = null;
    let row = 0;
    let highest = '';
    const columnOf = new Int32Array(this.keys.length + 1);
    columnOf[0] = idColumn;
    keysOf.forEach((keys, column) => keys.forEach((k) => (columnOf[k + 1] = column)));
    while (!reader.done()) {
      const base = row * stride;
      if (row >= rowAt.length) rowAt = copied(rowAt, keptCells(rowAt.length * 2));
      if (base + stride > places.length) places = copied(places, places instanceof Uint16Array ? keptPlaces(places.length * 2) : keptCells(places.length * 2));
      const from = reader.at;
      rowAt[row] = from;
      for (let column = 0; column <= width; column++) {
        // The row's end, one past its last cell: after that cell is read.
        const at = column < width ? reader.at : reader.stop + 1;
        if (at - from > 0xffff && places instanceof Uint16Array) places = copied(places, keptCells(places.length));
        places[base + column] = at - from;
        if (column === width) break;
        if (column > 0 && !reader.more) throw malformed();
        reader.cell();
        if (column === stampColumn && reader.end > reader.start) {
          if (reader.escaped || reader.high >= 0x80) {
            const stamp = cellString(csv, reader.start, reader.end, reader.escaped, false);
            if (stamp > highest) highest = stamp;
          } else if (bytesAfter(csv, reader.start, reader.end, highest)) {
            highest = decoders(csv).latin1Slice(reader.start, reader.end);
          }
        }
        if (reader.escaped) (escaped ??= new Set()).add(base + column);
      }
      if (reader.more) throw malformed();
      row++;
    }
    const watermark = watermarkOf(this.reading, highest);
    if (row > 0) {
      // Sized to its rows when doubling left much over (a few MB a part otherwise kept for nothing).
      if (places.length > row * stride * 1.25) {
        places = places.slice(0, row * stride);
        rowAt = rowAt.slice(0, row);
      }
      this.parts.push({ bytes: csv, rowAt, places, stride, columnOf, first: this.length, escaped, ascii: reader.high < 0x80 });
      this.bytes.push(csv);
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

  /** The place in `part.places` of `row`'s cell `slot` (0: the id; 1 + k: key k); its bounds into `begin` and `finish`. */
  private locate(part: TablePart, row: number, slot: number): number {
    const { bytes, places } = part;
    const r = row - part.first;
    const from = part.rowAt[r]!;
    const at = r * part.stride + part.columnOf[slot]!;
    let start = from + places[at]!;
    let end = from + places[at + 1]! - 1;
    if (bytes[start] === QUOTE) {
      start++;
      end--;
    }
    this.begin = start;
    this.finish = end;
    return at;
  }

  /** The text of the cell `locate` found at `at`. */
  private cellText(part: TablePart, at: number): string {
    return cellString(part.bytes, this.begin, this.finish, part.escaped !== null && part.escaped.has(at), part.ascii);
  }

  id(row: number): string {
    const part = this.parts[this.partOf(row)]!;
    return this.cellText(part, this.locate(part, row, 0));
  }

  /** The column of `key`, or -1 when the object has no such key. */
  column(key: string): number {
    return this.keys.indexOf(key);
  }

  /** A key's value in one record, as the record would hold it (null when empty; numbers, booleans and instants typed). */
  value(row: number, k: number): RelatedValue {
    if (k < 0) return null;
    const part = this.parts[this.partOf(row)]!;
    const at = this.locate(part, row, k + 1);
    const start = this.begin;
    const end = this.finish;
    if (end === start) return null;
    const kind = this.kinds[k];
    const bytes = part.bytes;
    if (kind === 'number') return Number(this.cellText(part, at));
    if (kind === 'boolean') return end - start === 4 && bytes[start] === 116 && bytes[start + 1] === 114 && bytes[start + 2] === 117 && bytes[start + 3] === 101;
    if (kind === 'instant') return restInstant(this.cellText(part, at));
    return this.cellText(part, at);
  }

  /** One record, as `relatedRecordsOfCsv` makes it (the same keys in the same order). */
  record(row: number): RelatedRecord {
    const out: RelatedRecord = { id: this.id(row) };
    for (let k = 0; k < this.keys.length; k++) out[this.keys[k]!] = this.value(row, k);
    return out;
  }

  /** Every record, in the order they came (each part's text made for the while it is read). */
  records(): RelatedRecord[] {
    return recordsOfParts(this.reading, this.bytes.map((bytes) => bytes.toString('utf8')));
  }
}

/** Cells' places kept as long as the part (its place in the copy): in memory V8 does not weigh against its heap's limit, as the part's own bytes. */
const keptCells = (length: number): Int32Array => new Int32Array(keptMemory(length * Int32Array.BYTES_PER_ELEMENT));
const keptPlaces = (length: number): Uint16Array => new Uint16Array(keptMemory(length * Uint16Array.BYTES_PER_ELEMENT));

/** `into`, holding `from`'s values first. */
function copied<T extends Uint16Array | Int32Array>(from: Uint16Array | Int32Array, into: T): T {
  into.set(from);
  return into;
}

/** A cell's text from its bytes: one for one when ASCII, else decoded as UTF-8; an escaped cell's `""` undone. */
function cellString(bytes: Buffer, start: number, end: number, escaped: boolean, ascii: boolean): string {
  const text = ascii ? decoders(bytes).latin1Slice(start, end) : decoders(bytes).utf8Slice(start, end);
  return escaped ? text.replaceAll('""', '"') : text;
}
