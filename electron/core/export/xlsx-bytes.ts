import { DAY_MS, instantSerial as serialOfMs, LEAP_DAY_AFTER, UNIX_EPOCH_SERIAL } from './excel-serial';
import { EXCEL_MAX_TEXT } from './xlsx-text';

/**
 * The invoices sheet's XML written as bytes into a few reused buffers, handed to the zip whole (issue #19). Building
 * it as joined strings made ~30 short strings per row (a rope per chunk, flattened and encoded once more by
 * Buffer.from): the young generation's garbage grew with the export, and V8 grew its semi-spaces with it (the bench's
 * memory row: +38.6 MiB from 20,000 to 100,000 rows, +8.5 MiB with a 4 MiB semi-space). Here the XML's fixed parts are
 * bytes encoded once, numbers are written digit by digit, and a printable-ASCII text is escaped on its bytes; any other
 * text (non-ASCII, controls, past Excel's length) goes through `cleanText`, the same rules as the string writer,
 * and is encoded exactly as UTF-8.
 */

/** A chunk of the sheet's XML as the zip takes it (256 KiB: one deflate call each, ~145 per 100,000 invoices; each costs a round trip to the thread pool and the stream's callbacks). */
const CHUNK_BYTES = 256 * 1024;

/** ASCII text as bytes (the XML's fixed parts, encoded once). */
export const asciiBytes = (text: string): Buffer => Buffer.from(text, 'latin1');

const NO_BYTES = Buffer.alloc(0);

/** Bytes of one cell around its text, reference and value: generous (the text's own bytes are added to it). */
export const CELL_ROOM = 128;

/**
 * Whether `value` (or value[from, to): a text read in place) is written by the ASCII path: every character printable
 * ASCII (U+0020–U+007E), short enough that the formula guard's apostrophe keeps it within a cell. Such a text needs
 * nothing removed and no cut.
 */
export function plainAscii(value: string, from = 0, to = value.length): boolean {
  if (to - from >= EXCEL_MAX_TEXT) return false;
  for (let k = from; k < to; k++) {
    const code = value.charCodeAt(k);
    if (code < 0x20 || code > 0x7e) return false;
  }
  return true;
}

/** Whether value[k] (a "_") starts an `_xHHHH_` look-alike (x lower-case, four hex digits, "_") ending before `to`, as xlsx-text's regex. */
function lookalike(value: string, k: number, to: number): boolean {
  if (k + 6 >= to || value.charCodeAt(k + 1) !== 0x78 || value.charCodeAt(k + 6) !== 0x5f) return false;
  for (let h = k + 2; h < k + 6; h++) {
    const code = value.charCodeAt(h);
    if (!((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66))) return false;
  }
  return true;
}

/** Bytes a plain-ASCII text may take once escaped (`_` → `_x005F_` is the longest, 7 bytes for 1). */
export const asciiRoom = (value: string, from = 0, to = value.length): number => 7 * (to - from) + 1;

const AMP = asciiBytes('&amp;');
const LT = asciiBytes('&lt;');
const GT = asciiBytes('&gt;');
const UNDERSCORE_ESCAPED = asciiBytes('_x005F_');

interface Filled {
  bytes: Buffer;
  length: number;
}

/**
 * The sheet's bytes: `buf` is filled from `used` on (the writer asks for `room` first, then writes without checks);
 * a full buffer is queued and handed to the zip by `handOut`, and reused once the zip has taken it. The zip takes a
 * chunk whole before it pulls the chunk after the next (ZipWriter.add), so two or three buffers go round whatever the
 * row count; a cell bigger than a buffer gets one of its size.
 */
export class SheetBytes {
  buf: Buffer;
  used = 0;
  private readonly queued: Filled[] = [];
  private readonly spare: Buffer[] = [];
  /** The buffer of the chunk handed out last (the zip may still be reading it). */
  private lent: Buffer | null = null;

  constructor(private readonly size = CHUNK_BYTES) {
    this.buf = Buffer.allocUnsafeSlow(size);
  }

  /** At least `n` bytes free in `buf` (the filled part queued first when they are not). */
  room(n: number): void {
    if (this.used + n > this.buf.length) this.turn(n);
  }

  private turn(n: number): void {
    if (this.used > 0) this.queued.push({ bytes: this.buf, length: this.used });
    else if (this.buf.length > 0) this.spare.push(this.buf);
    this.buf = this.take(n);
    this.used = 0;
  }

  private take(n: number): Buffer {
    for (let k = this.spare.length - 1; k >= 0; k--) {
      if (this.spare[k]!.length >= n) return this.spare.splice(k, 1)[0]!;
    }
    return Buffer.allocUnsafeSlow(Math.max(n, this.size));
  }

  /** The part being filled is queued too (the sheet's end). */
  finish(): void {
    if (this.used > 0) this.queued.push({ bytes: this.buf, length: this.used });
    this.buf = NO_BYTES;
    this.used = 0;
  }

  /** The queued chunks, in order, for the zip. */
  *handOut(): Generator<Buffer> {
    while (this.queued.length > 0) {
      const { bytes, length } = this.queued.shift()!;
      yield bytes.subarray(0, length);
      // Pulled again: the chunk handed out before this one has been taken whole (ZipWriter.add); its buffer is free.
      if (this.lent) this.spare.push(this.lent);
      this.lent = bytes;
    }
  }

  /** ASCII bytes. */
  put(bytes: Uint8Array): void {
    const buf = this.buf;
    let at = this.used;
    for (let k = 0; k < bytes.length; k++) buf[at++] = bytes[k]!;
    this.used = at;
  }

  /** The first `length` bytes of `bytes`. */
  putSome(bytes: Uint8Array, length: number): void {
    const buf = this.buf;
    let at = this.used;
    for (let k = 0; k < length; k++) buf[at++] = bytes[k]!;
    this.used = at;
  }

  /** A string known to be ASCII (a number's digits, an opening tag). */
  latin1(text: string): void {
    const buf = this.buf;
    let at = this.used;
    for (let k = 0; k < text.length; k++) buf[at++] = text.charCodeAt(k);
    this.used = at;
  }

  /** Any text, as UTF-8 (room for 3 bytes per UTF-16 unit made by the caller; well-formed: `cleanText` took out lone surrogates). */
  utf8(text: string): void {
    this.used += this.buf.write(text, this.used, 'utf8');
  }

  /** A non-negative integer below 2^53, in decimal. */
  uint(n: number): void {
    let digits = 1;
    for (let p = 10; p <= n; p *= 10) digits++;
    const buf = this.buf;
    let at = this.used + digits;
    this.used = at;
    do {
      buf[--at] = 48 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
  }

  /**
   * A finite number exactly as JavaScript prints it (`String(value)`, what the string writer wrote): integers and
   * amounts of up to three decimals below 10^9 digit by digit, anything else through String. For such an amount the
   * shortest decimal that reads back as the same double is the one with at most three decimals (their grid is far
   * coarser than a double's spacing there), and `m / 1000 === value` proves it is that one.
   */
  number(value: number): void {
    const abs = Math.abs(value);
    if (abs < 1e15 && Number.isInteger(abs)) {
      // -0 prints as "0".
      if (value < 0) this.buf[this.used++] = 45;
      this.uint(abs);
      return;
    }
    if (abs < 1e9) {
      const m = Math.round(abs * 1000);
      if (m / 1000 === abs) {
        if (value < 0) this.buf[this.used++] = 45;
        const whole = Math.floor(m / 1000);
        const fraction = m - whole * 1000;
        this.uint(whole);
        const buf = this.buf;
        buf[this.used++] = 46;
        buf[this.used++] = 48 + Math.floor(fraction / 100);
        const rest = fraction % 100;
        if (rest !== 0) {
          buf[this.used++] = 48 + Math.floor(rest / 10);
          if (rest % 10 !== 0) buf[this.used++] = 48 + (rest % 10);
        }
        return;
      }
    }
    this.latin1(String(value));
  }

  /**
   * An instant's Excel serial, `days` whole days and `ms` milliseconds after 1970-01-01 UTC (from 1900-01-01 on:
   * excel-serial.ts; the milliseconds are put back together first, so it is the string writer's number exactly), as String prints it.
   */
  instantSerial(days: number, ms: number): void {
    this.latin1(String(days >= LEAP_DAY_AFTER ? UNIX_EPOCH_SERIAL + (days * DAY_MS + ms) / DAY_MS : serialOfMs(days * DAY_MS + ms)));
  }

  /**
   * A plain-ASCII text, or value[from, to) (see `plainAscii`; room `asciiRoom` made by the caller) as `<t>` content:
   * the formula guard, the `_xHHHH_` look-alikes and & < > escaped, as cellText writes it.
   */
  asciiText(value: string, from = 0, to = value.length): void {
    const buf = this.buf;
    let at = this.used;
    const first = value.charCodeAt(from);
    // = + - @ (a tab or CR never comes this way).
    if (first === 0x3d || first === 0x2b || first === 0x2d || first === 0x40) buf[at++] = 0x27;
    for (let k = from; k < to; k++) {
      const code = value.charCodeAt(k);
      if (code === 0x26) {
        this.used = at;
        this.put(AMP);
        at = this.used;
      } else if (code === 0x3c) {
        this.used = at;
        this.put(LT);
        at = this.used;
      } else if (code === 0x3e) {
        this.used = at;
        this.put(GT);
        at = this.used;
      } else if (code === 0x5f && lookalike(value, k, to)) {
        this.used = at;
        this.put(UNDERSCORE_ESCAPED);
        at = this.used;
      } else {
        buf[at++] = code;
      }
    }
    this.used = at;
  }
}

/** Whether a plain-ASCII text's (or value[from, to)'s) `<t>` keeps its whitespace (a space first or last; cleanText's rule for such a text). */
export const asciiNeedsPreserve = (value: string, from = 0, to = value.length): boolean => value.charCodeAt(from) === 0x20 || value.charCodeAt(to - 1) === 0x20;
