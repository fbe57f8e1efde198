import { MAIN_NS, XML_HEAD } from './xlsx-parts';

/**
 * The workbook's shared-string table (xl/sharedStrings.xml), bounded. A text that repeats down a column (customer,
 * status, currency, aging bucket, org) is written once here and each cell refers to it by index: `<c r="B2" t="s">
 * <v>17</v></c>` instead of the whole text inline — the sheet's XML is about a fifth smaller at 100,000 invoices, and
 * so is what deflate, the CRC and the encoder go through, and each distinct text is cleaned and escaped once.
 *
 * Bounded whatever the data: at most 50,000 texts of at most 256 characters each, 1,000,000 characters in all, are
 * kept; any other text
 * (a unique invoice number, a long note, the texts after the table is full) is written inline as before. Both ways
 * read back the same in Excel, LibreOffice and ExcelJS. The table part is written after the sheets (a zip's parts come
 * in any order): it is complete only once every row has been written.
 */

/**
 * The table's bounds: at most `maxEntries` distinct texts, each of at most `maxLength` characters, `maxChars` in all.
 * The character budget is what bounds its memory: without it a full table of 50,000 distinct 256-character texts held
 * 25.0 MiB of heap (37.3 MiB in CJK), 50,000 distinct 40-character customer names 14.7 MiB (reviewB, 2026-12-05,
 * heapUsed after gc); with it, the same texts hold 1.9 MiB (3,906 texts of 256 characters), 2.9 MiB (CJK) and 7.4 MiB
 * (25,000 names of 40 characters: the entries' own overhead) — lead, the same script, 2026-12-05.
 */
export interface SharedStringLimits {
  maxEntries: number;
  /** The table's texts' characters in all. */
  maxChars: number;
  /** Longer texts are not worth a table entry (they rarely repeat). */
  maxLength: number;
}

const LIMITS: SharedStringLimits = { maxEntries: 50_000, maxLength: 256, maxChars: 1_000_000 };

export const SHARED_STRINGS_PATH = 'xl/sharedStrings.xml';

/** `indexOf`'s answer for a text to write inline (too long, or the table full). */
const SHARED_INLINE = -1;
/** `indexOf`'s answer for a text of which nothing is left once cleaned: no cell, as inline. */
export const SHARED_NOTHING = -2;

export class SharedStrings {
  /** Texts as the table's `<si>` items, in index order. */
  private readonly items: string[] = [];
  /** Each raw text's index in the table. */
  private readonly byText = new Map<string, number>();
  /** Cells that refer to the table (the `count` attribute). */
  private references = 0;
  /** Characters of the texts in the table so far. */
  private chars = 0;

  constructor(private readonly limits: SharedStringLimits = LIMITS) {}

  /**
   * The table's index of the raw text `value` (cleaned by `clean`, see cellText, when first seen): the cell is then
   * `<c r="REF" t="s"><v>index</v></c>`. SHARED_INLINE when the text is to be written inline (too long, or the table
   * is full), SHARED_NOTHING when nothing is left of it once cleaned (no cell).
   */
  indexOf(value: string, clean: (value: string) => { text: string; open: string } | null): number {
    let index = this.byText.get(value);
    if (index === undefined) {
      if (value.length > this.limits.maxLength || this.items.length >= this.limits.maxEntries || this.chars + value.length > this.limits.maxChars) return SHARED_INLINE;
      const cleaned = clean(value);
      if (cleaned === null) return SHARED_NOTHING;
      index = this.items.length;
      this.items.push('<si>' + cleaned.open + cleaned.text + '</t></si>');
      this.byText.set(value, index);
      this.chars += value.length;
    }
    this.references++;
    return index;
  }

  get size(): number {
    return this.items.length;
  }

  /** xl/sharedStrings.xml, a chunk of items at a time. */
  *chunks(): Generator<string> {
    yield XML_HEAD + `<sst xmlns="${MAIN_NS}" count="${this.references}" uniqueCount="${this.items.length}">`;
    for (let start = 0; start < this.items.length; start += 1000) yield this.items.slice(start, start + 1000).join('');
    yield '</sst>';
  }
}
