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
 * encoding them was most of the org's CPU per part).
 */
export class CsvBytes {
  private buffer: Buffer;
  private at = 0;

  constructor(size = 64 * 1024) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  /** Makes room for `bytes` more. */
  room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(2 * this.buffer.length, this.at + bytes));
    this.buffer.copy(grown, 0, 0, this.at);
    this.buffer = grown;
  }

  byte(value: number): void {
    this.buffer[this.at++] = value;
  }

  /**
   * The UTF-8 bytes of `text` (room made for the worst case: 3 bytes a UTF-16 unit). A short ASCII text (ids, numbers,
   * days, picklist values, names: nearly every cell) is copied code by code: `Buffer.write` is a call into C++ per cell,
   * ~half of what a part cost the org (BENCHMARKS, session 21). A text with any other character is written by
   * `Buffer.write` from its start: the same bytes as before, whatever it holds (lone surrogates included).
   */
  text(text: string): void {
    const length = text.length;
    this.room(3 * length);
    if (length <= SHORT_TEXT) {
      const buffer = this.buffer;
      const start = this.at;
      let at = start;
      for (let i = 0; i < length; i++) {
        const code = text.charCodeAt(i);
        if (code >= 0x80) {
          this.at = start + buffer.write(text, start);
          return;
        }
        buffer[at++] = code;
      }
      this.at = at;
      return;
    }
    this.at += this.buffer.write(text, this.at);
  }

  /**
   * A number as `String(value)` prints it. A value of at most two decimals below 10^13 (every amount the org stores) is
   * written as digits at once: such a value's shortest round-trip form (what `String` prints) is exactly its two-decimal
   * form with trailing zeros dropped, because two such decimals are 0.01 apart and the doubles there are closer than that.
   * `String(number)` cost ~0.3–0.6 µs an amount here (BENCHMARKS, session 21); anything else goes through it.
   */
  number(value: number): void {
    const cents = Math.round(value * 100);
    if (cents / 100 !== value || cents === 0 || !(cents > -1e15 && cents < 1e15)) {
      this.text(String(value));
      return;
    }
    this.room(20);
    let magnitude = cents;
    if (magnitude < 0) {
      this.buffer[this.at++] = 45; // -
      magnitude = -magnitude;
    }
    const fraction = magnitude % 100;
    this.digits((magnitude - fraction) / 100);
    if (fraction !== 0) {
      this.buffer[this.at++] = 46; // .
      this.buffer[this.at++] = 48 + ((fraction / 10) | 0);
      if (fraction % 10 !== 0) this.buffer[this.at++] = 48 + (fraction % 10);
    }
  }

  /** The decimal digits of an integer 0 ≤ n < 10^13 (room made by the caller). */
  private digits(n: number): void {
    let width = 1;
    for (let p = 10; p <= n; p *= 10) width++;
    let at = this.at + width;
    this.at = at;
    do {
      const digit = n % 10;
      this.buffer[--at] = 48 + digit;
      n = (n - digit) / 10;
    } while (n > 0);
  }

  /** `YYYY-MM-DDTHH:MM:SS.mmmZ` of a year 1–9999 and the milliseconds into the day, written with the buffer in hand. */
  instant(year: number, month: number, day: number, msOfDay: number): void {
    this.room(24);
    const b = this.buffer;
    const at = this.at;
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
    b[at + 8] = 48 + ((day / 10) | 0);
    b[at + 9] = 48 + (day % 10);
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
    this.at = at + 24;
  }

  /** Every byte written so far (the buffer's own memory, not a copy). */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.at);
  }
}

/** Days from 0000-03-01 to 1970-01-01, and the days of 400 Gregorian years (the civil calendar's whole cycle). */
const EPOCH_FROM_MARCH_0 = 719_468;
const DAYS_400_YEARS = 146_097;

/**
 * An instant as Bulk API 2.0 writes it, `2024-01-31T09:00:00.000Z`, straight as bytes: what `new Date(ms).toISOString()`
 * prints, for the instants whose day it prints with four digits (any other goes through it). The day's date is computed
 * by integer arithmetic (H. Hinnant's days → civil date, the proleptic Gregorian calendar toISOString uses) and written
 * with the time in one pass, instead of the day's string from a Map and its copy: a sync with payments writes ~800k
 * instants, ~9–10% of the org's busy samples while it served one (BENCHMARKS, session 22).
 */
function writeInstant(out: CsvBytes, ms: number): void {
  const day = Math.floor(ms / DAY_MS);
  if (!Number.isInteger(ms) || day < -719_162 || day > 2_932_896) {
    out.text(new Date(ms).toISOString());
    return;
  }
  // Days since 0000-03-01 (≥ 306 for year 1): every division below is of non-negative integers under 2^31.
  const z = day + EPOCH_FROM_MARCH_0;
  const era = (z / DAYS_400_YEARS) | 0;
  const dayOfEra = z - era * DAYS_400_YEARS;
  const yearOfEra = ((dayOfEra - ((dayOfEra / 1460) | 0) + ((dayOfEra / 36_524) | 0) - ((dayOfEra / 146_096) | 0)) / 365) | 0;
  const dayOfYear = dayOfEra - (365 * yearOfEra + ((yearOfEra / 4) | 0) - ((yearOfEra / 100) | 0));
  const monthFromMarch = ((5 * dayOfYear + 2) / 153) | 0;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  out.instant(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfYear - (((153 * monthFromMarch + 2) / 5) | 0) + 1, ms - day * DAY_MS);
}

/**
 * The writer of a result's CSV lines: rows [from, to) as lines (no header), written into `out`. Each column's cell
 * writer chosen once per result (instants written as digits, quotes looked for only in text), not once per call: a
 * part is written in slices (bulk-query.ts).
 */
export function csvLines(result: QueryResult): (from: number, to: number, out: CsvBytes) => void {
  const writers = result.columns.map((c): ((row: number, out: CsvBytes) => void) => {
    const get = c.get;
    if (c.field.type === 'datetime') {
      return (row, out) => {
        const v = get(row);
        if (typeof v === 'number') writeInstant(out, v);
        else if (v !== null && v !== undefined) out.text(String(v));
      };
    }
    if (PLAIN.has(c.field.type)) {
      return (row, out) => {
        const v = get(row);
        if (typeof v === 'string') out.text(v);
        else if (typeof v === 'number') out.number(v);
        else if (v !== null && v !== undefined) out.text(String(v));
      };
    }
    return (row, out) => {
      const v = get(row);
      if (v === null || v === undefined) return;
      const text = typeof v === 'string' ? v : String(v);
      out.text(text.includes('"') ? text.replaceAll('"', '""') : text);
    };
  });
  const width = writers.length;
  return (from, to, out) => {
    const rows = result.rows;
    for (let i = from; i < to; i++) {
      const row = rows[i]!;
      out.room(4 * width);
      out.byte(QUOTE);
      for (let k = 0; k < width; k++) {
        if (k > 0) {
          out.room(3);
          out.byte(QUOTE);
          out.byte(COMMA);
          out.byte(QUOTE);
        }
        writers[k]!(row, out);
      }
      out.room(2);
      out.byte(QUOTE);
      out.byte(LF);
    }
  };
}

function quote(text: string): string {
  return `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;
}
