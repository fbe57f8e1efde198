import { DAY_MS } from '../data/random.ts';
import type { QueryResult } from './query.ts';

/**
 * Bulk API 2.0 query results as CSV (RFC 4180, comma, LF): a header of the selected field paths as written in the
 * query's canonical form (`Id`, `Account.Name`), then one line per row, every value in double quotes (quotes doubled),
 * a null (or a relationship that leads nowhere) as an empty value `""`, instants as `2024-01-31T09:00:00.000Z`, dates
 * as `2024-01-31`, booleans `true`/`false` — what Salesforce sends. No `attributes`, no nested objects.
 */
export function csvHeader(result: QueryResult): string {
  return `${result.columns.map((c) => quote(c.path.join('.'))).join(',')}\n`;
}

/** Field types whose values are never text with a quote in it (ids, numbers, dates, booleans): no quote check. */
const PLAIN = new Set(['id', 'reference', 'date', 'datetime', 'currency', 'double', 'int', 'boolean']);

const QUOTE = 34;
/** Texts up to this length are copied code by code (CsvBytes.text); longer ones go through Buffer.write. */
const SHORT_TEXT = 64;
const COMMA = 44;
const LF = 10;

/**
 * A part's bytes (UTF-8), written value by value into one growing buffer: no string per line, no join of the lines, no
 * encoding of the whole part again for the socket (BENCHMARKS, session 17: building the lines as strings, joining and
 * encoding them was most of the org's CPU per part; session 26: a slice's lines as one string, encoded at once, cost more
 * than these bytes — V8 links the cells and copies them again to flatten the string before it encodes it). `buffer` and
 * `at` are the line writer's own (csvLines keeps them in locals for a slice).
 */
export class CsvBytes {
  buffer: Buffer;
  at = 0;

  /** A new buffer of `size` bytes, or one given to be written from its start (a buffer used again). */
  constructor(size: number | Buffer = 64 * 1024) {
    this.buffer = typeof size === 'number' ? Buffer.allocUnsafe(size) : size;
  }

  /** Makes room for `bytes` more. */
  room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(2 * this.buffer.length, this.at + bytes));
    this.buffer.copy(grown, 0, 0, this.at);
    this.buffer = grown;
  }

  /** The UTF-8 bytes of `text` (room made for the worst case: 3 bytes a UTF-16 unit). */
  text(text: string): void {
    this.room(3 * text.length);
    this.at = textBytes(this.buffer, this.at, text);
  }

  /** Every byte written so far (the buffer's own memory, not a copy). */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.at);
  }
}

/**
 * The UTF-8 bytes of `text` at `at` (room made by the caller: 3 bytes a UTF-16 unit); returns where they end. A short
 * ASCII text (ids, numbers, days, picklist values, names: nearly every cell) is copied code by code: `Buffer.write` is a
 * call into C++ per cell, ~half of what a part cost the org (BENCHMARKS, session 21). A text with any other character is
 * written by `Buffer.write` from its start: the same bytes as before, whatever it holds (lone surrogates included).
 */
function textBytes(buffer: Buffer, at: number, text: string): number {
  const length = text.length;
  if (length > SHORT_TEXT) return at + buffer.write(text, at);
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return at - i + buffer.write(text, at - i);
    buffer[at++] = code;
  }
  return at;
}

/**
 * A number at `at` as `String(value)` prints it, or -1 when it is not of the form written here (room for 20 bytes made by
 * the caller). A value of at most two decimals below 10^13 (every amount the org stores) is written as digits at once:
 * such a value's shortest round-trip form (what `String` prints) is exactly its two-decimal form with trailing zeros
 * dropped, because two such decimals are 0.01 apart and the doubles there are closer than that. `String(number)` cost
 * ~0.3–0.6 µs an amount here (BENCHMARKS, session 21); anything else goes through it.
 */
function numberBytes(buffer: Buffer, at: number, value: number): number {
  const cents = Math.round(value * 100);
  if (cents / 100 !== value || cents === 0 || !(cents > -1e15 && cents < 1e15)) return -1;
  let magnitude = cents;
  if (magnitude < 0) {
    buffer[at++] = 45; // -
    magnitude = -magnitude;
  }
  // Below 2^31 (every amount under ~21 million) in 32-bit integers: `%` of a double is a call into C per digit.
  const small = magnitude <= 0x7fff_ffff;
  const fraction = small ? (magnitude | 0) % 100 : magnitude % 100;
  // The decimal digits of the whole part (0 ≤ n < 10^13).
  let n = (magnitude - fraction) / 100;
  let width = 1;
  for (let p = 10; p <= n; p *= 10) width++;
  let digit = at + width;
  at = digit;
  if (small) {
    let m = n | 0;
    do {
      const next = (m / 10) | 0;
      buffer[--digit] = 48 + m - 10 * next;
      m = next;
    } while (m > 0);
  } else {
    do {
      const d = n % 10;
      buffer[--digit] = 48 + d;
      n = (n - d) / 10;
    } while (n > 0);
  }
  if (fraction !== 0) {
    buffer[at++] = 46; // .
    buffer[at++] = 48 + ((fraction / 10) | 0);
    if (fraction % 10 !== 0) buffer[at++] = 48 + (fraction % 10);
  }
  return at;
}

/** Days from 0000-03-01 to 1970-01-01, and the days of 400 Gregorian years (the civil calendar's whole cycle). */
const EPOCH_FROM_MARCH_0 = 719_468;
const DAYS_400_YEARS = 146_097;

/**
 * An instant at `at` as Bulk API 2.0 writes it, `2024-01-31T09:00:00.000Z` (24 bytes, room made by the caller), or -1 for
 * an instant whose day toISOString does not print with four digits (the caller writes toISOString's text). The day's date
 * by integer arithmetic (H. Hinnant's days → civil date, the proleptic Gregorian calendar toISOString uses), written with
 * the time in one pass: a sync with payments writes ~800k instants (BENCHMARKS, session 22).
 */
function instantBytes(b: Buffer, at: number, ms: number): number {
  const day = Math.floor(ms / DAY_MS);
  if (!Number.isInteger(ms) || day < -719_162 || day > 2_932_896) return -1;
  // Days since 0000-03-01 (≥ 306 for year 1): every division below is of non-negative integers under 2^31.
  const z = day + EPOCH_FROM_MARCH_0;
  const era = (z / DAYS_400_YEARS) | 0;
  const dayOfEra = z - era * DAYS_400_YEARS;
  const yearOfEra = ((dayOfEra - ((dayOfEra / 1460) | 0) + ((dayOfEra / 36_524) | 0) - ((dayOfEra / 146_096) | 0)) / 365) | 0;
  const dayOfYear = dayOfEra - (365 * yearOfEra + ((yearOfEra / 4) | 0) - ((yearOfEra / 100) | 0));
  const monthFromMarch = ((5 * dayOfYear + 2) / 153) | 0;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const dom = dayOfYear - (((153 * monthFromMarch + 2) / 5) | 0) + 1;
  // In 32-bit integers (0 ≤ it < 86,400,000): `%` of a double is a call into C, two an instant.
  const msOfDay = (ms - day * DAY_MS) | 0;
  const hour = (msOfDay / 3_600_000) | 0;
  const minute = ((msOfDay / 60_000) | 0) % 60;
  const second = ((msOfDay / 1000) | 0) % 60;
  const milli = msOfDay % 1000;
  const century = (year / 100) | 0;
  const y = year - 100 * century;
  b[at] = 48 + ((century / 10) | 0);
  b[at + 1] = 48 + (century % 10);
  b[at + 2] = 48 + ((y / 10) | 0);
  b[at + 3] = 48 + (y % 10);
  b[at + 4] = 45; // -
  b[at + 5] = 48 + ((month / 10) | 0);
  b[at + 6] = 48 + (month % 10);
  b[at + 7] = 45;
  b[at + 8] = 48 + ((dom / 10) | 0);
  b[at + 9] = 48 + (dom % 10);
  b[at + 10] = 84; // T
  b[at + 11] = 48 + ((hour / 10) | 0);
  b[at + 12] = 48 + (hour % 10);
  b[at + 13] = 58; // :
  b[at + 14] = 48 + ((minute / 10) | 0);
  b[at + 15] = 48 + (minute % 10);
  b[at + 16] = 58;
  b[at + 17] = 48 + ((second / 10) | 0);
  b[at + 18] = 48 + (second % 10);
  b[at + 19] = 46; // .
  b[at + 20] = 48 + ((milli / 100) | 0);
  b[at + 21] = 48 + (((milli / 10) | 0) % 10);
  b[at + 22] = 48 + (milli % 10);
  b[at + 23] = 90; // Z
  return at + 24;
}

/** How a column's cells are written: text with its quotes doubled, a plain value (id, number, day, boolean), an instant. */
const TEXT = 0;
const PLAIN_CELL = 1;
const INSTANT = 2;

/**
 * The writer of a result's CSV lines: rows [from, to) as lines (no header), written into `out`. Each column's kind chosen
 * once per result, not once per call (a part is written in slices, bulk-query.ts). A slice's values are read column by
 * column first (one getter called over the slice's rows, then the next: a getter per cell in line order cost more), then
 * written line by line with the part's buffer and the write position held in locals and the separators stored three at a
 * time (no call and no field store per byte). Room is made per line for its separators and per cell for its worst case.
 * Together: the parts' CPU −8 to −10 % with the same bytes (BENCHMARKS, session 26).
 */
export function csvLines(result: QueryResult): (from: number, to: number, out: CsvBytes) => void {
  const gets = result.columns.map((c) => c.get);
  const kinds = Int8Array.from(result.columns, (c) => (c.field.type === 'datetime' ? INSTANT : PLAIN.has(c.field.type) ? PLAIN_CELL : TEXT));
  const width = gets.length;
  // A line's quotes, commas and line feed.
  const frame = 3 * width + 2;
  // The slice's values, a column each (kept for the next slice of the part).
  const values = gets.map(() => [] as unknown[]);
  return (from, to, out) => {
    const rows = result.rows;
    for (let k = 0; k < width; k++) {
      const get = gets[k]!;
      const column = values[k]!;
      for (let i = from; i < to; i++) column[i - from] = get(rows[i]!);
    }
    let buffer = out.buffer;
    let at = out.at;
    for (let i = from; i < to; i++) {
      const j = i - from;
      if (at + frame > buffer.length) {
        out.at = at;
        out.room(frame);
        buffer = out.buffer;
      }
      buffer[at++] = QUOTE;
      for (let k = 0; k < width; k++) {
        if (k > 0) {
          buffer[at] = QUOTE;
          buffer[at + 1] = COMMA;
          buffer[at + 2] = QUOTE;
          at += 3;
        }
        const v = values[k]![j];
        if (v === null || v === undefined) continue;
        const kind = kinds[k]!;
        let text: string;
        if (typeof v === 'number' && kind !== TEXT) {
          if (at + 24 + frame > buffer.length) {
            out.at = at;
            out.room(24 + frame);
            buffer = out.buffer;
          }
          const end = kind === INSTANT ? instantBytes(buffer, at, v) : numberBytes(buffer, at, v);
          if (end >= 0) {
            at = end;
            continue;
          }
          text = kind === INSTANT ? new Date(v).toISOString() : String(v);
        } else {
          text = typeof v === 'string' ? v : String(v);
          if (kind === TEXT && text.includes('"')) text = text.replaceAll('"', '""');
        }
        const length = text.length;
        if (at + 3 * length + frame > buffer.length) {
          out.at = at;
          out.room(3 * length + frame);
          buffer = out.buffer;
        }
        at = textBytes(buffer, at, text);
      }
      buffer[at] = QUOTE;
      buffer[at + 1] = LF;
      at += 2;
    }
    out.at = at;
  };
}

function quote(text: string): string {
  return `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;
}
