/**
 * File names for statements written into a folder: a customer's name (from Salesforce, so anything) made safe on
 * Windows, macOS and Linux — no path separators or characters Windows refuses, no control characters, no leading
 * or trailing dots and spaces, never a reserved Windows device name (CON, NUL, COM1 …), at most MAX_STEM characters —
 * and two customers whose names end up the same (or differ only in case) numbered "(2)", "(3)".
 */

const MAX_STEM = 80;
/**
 * And at most this many UTF-8 bytes: Linux and macOS refuse a file name over 255 bytes, and Thai, Chinese or Japanese
 * letters take 3 bytes each (80 of them were 240 bytes before " - Statement 2026-12-05.pdf" and the temp file's
 * `.partial-<pid>-<8 hex>`). 180 leaves room for both and for a " (12)".
 */
const MAX_STEM_BYTES = 180;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/** A customer's name as a file name's stem; `fallback` when nothing printable is left. */
export function safeStem(name: string, fallback: string): string {
  let stem = name
    .normalize('NFC')
    // Also the bidirectional controls: "Acme\u202Efdp.exe" would show in a folder as a name it is not.
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  // Cut by characters (code points), never inside a surrogate pair; then trim what the cut left at the end.
  const chars = Array.from(stem);
  if (chars.length > MAX_STEM) stem = chars.slice(0, MAX_STEM).join('').replace(/[\s.]+$/g, '');
  if (Buffer.byteLength(stem) > MAX_STEM_BYTES) stem = cutToBytes(stem, MAX_STEM_BYTES).replace(/[\s.]+$/g, '');
  if (!stem || /^_*$/.test(stem)) stem = fallback;
  return reservedOnWindows(stem) ? `_${stem}` : stem;
}

/** The longest start of `text` (whole code points) that is at most `max` bytes in UTF-8. */
export function cutToBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (bytes + size > max) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}

/** Windows opens the device for CON, CON.pdf and "con .txt" alike: what comes before the first dot decides. */
export function reservedOnWindows(name: string): boolean {
  return RESERVED.test(name.split('.')[0]!.trim());
}

/**
 * Hands out names `<stem> - <suffix>.pdf`, unique among those handed out and not `taken` (already in the folder),
 * compared without case (Windows and macOS folders are case-insensitive).
 */
export class StatementNames {
  private readonly used = new Set<string>();

  constructor(
    private readonly suffix: string,
    private readonly fallback: string,
    private readonly taken: (name: string) => boolean = () => false,
  ) {}

  next(customer: string): string {
    const stem = safeStem(customer, this.fallback);
    for (let n = 1; ; n++) {
      const name = `${stem}${n === 1 ? '' : ` (${n})`} - ${this.suffix}.pdf`;
      if (this.used.has(name.toLowerCase())) continue;
      if (this.taken(name)) {
        this.used.add(name.toLowerCase());
        continue;
      }
      this.used.add(name.toLowerCase());
      return name;
    }
  }
}
