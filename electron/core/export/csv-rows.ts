import type { ExportColumn } from '../../contract';
import { AGING_BUCKET, BALANCE, CURRENCY, CUSTOMER, DAYS_OVERDUE, directColumns, DUE_DATE, INVOICE_DATE, LAST_MODIFIED, NUMBER, STATUS, TOTAL } from './direct-columns';
import { agingBucket, csvText, daysOverdue, escapeFormula, toCell, type CellContext } from './export-cells';
import type { RowConversion } from './export-conversion';
import { noRowTexts, type ExportRows, type RowTexts } from './export-rows';
import type { SheetBytes } from './xlsx-bytes';

/**
 * The CSV's invoice lines written as bytes into the reused buffers the XLSX sheet uses (xlsx-bytes.ts `SheetBytes`),
 * the same bytes as `csvField(csvText(toCell(…)))` joined by the separator gave: a field of printable ASCII is copied
 * (the formula guard's apostrophe first for a text; quoted, its quotes doubled, when it holds a quote or the separator), read in place in the copy's
 * chunk for the invoice number and the last-modified instant (ExportRows.atInPlace); numbers digit by digit
 * (SheetBytes.number: String(value) exactly); anything else — non-ASCII, a control character (CR, LF, tab), the columns
 * that are not a row field — through the string functions, encoded as UTF-8. The string writer made a Cell object, a
 * field string and a line string per cell, and each 2,000-row batch was one more string encoded by the file write.
 */

/** How the CSV separates fields and writes decimals (csv-writer.ts CsvDialect). */
export interface CsvFields {
  separator: ',' | ';';
  decimalComma: boolean;
  /** RFC 4180 quoting of a field's text (csv-writer.ts csvFieldOf). */
  field: (text: string) => string;
}

const QUOTE = 0x22;
/** How a text field is written (CsvRows.kindOf). */
const PLAIN = 0;
const QUOTED = 1;
const OTHER = 2;
const CR = 0x0d;
const LF = 0x0a;
/** String(number)'s longest ("-1.7976931348623157e+308"), with room to spare. */
const NUMBER_ROOM = 32;

export class CsvRows {
  private readonly direct: number[];
  private readonly sep: number;
  /** A number's text needs the string path only when its decimal comma is the separator (no dialect the app offers). */
  private readonly numbersQuoted: boolean;
  /** Where the copy's reader left the row's number and last-modified instant. */
  private readonly rowTexts: RowTexts = noRowTexts();

  constructor(
    private readonly columns: readonly ExportColumn[],
    private readonly fields: CsvFields,
    private readonly context: CellContext,
    private readonly conversion?: RowConversion,
  ) {
    this.direct = directColumns(columns);
    this.sep = fields.separator.charCodeAt(0);
    this.numbersQuoted = fields.decimalComma && fields.separator === ',';
  }

  /** Lines for rows `from` (inclusive) to `to` (exclusive) of `rows`, each ended by CRLF, into `out`. */
  write(rows: ExportRows, from: number, to: number, out: SheetBytes): void {
    const { columns, context, conversion, direct, sep } = this;
    // The copy's reader leaves the number and the instant in its chunk (no two strings per row); they are read there.
    const texts = rows.atInPlace ? this.rowTexts : null;
    for (let i = from; i < to; i++) {
      // Used before the next place is read (the copy's reader refills one row object).
      const row = texts ? rows.atInPlace!(i, texts)! : rows.at(i)!;
      const chunk = texts ? texts.text : null;
      for (let c = 0; c < columns.length; c++) {
        if (c > 0) {
          out.room(1);
          out.buf[out.used++] = sep;
        }
        switch (direct[c]) {
          case NUMBER:
            if (chunk !== null) this.textIn(out, chunk, texts!.numberFrom, texts!.numberTo, true);
            else this.text(out, row.number, true);
            continue;
          case CUSTOMER:
            this.text(out, row.customer, true);
            continue;
          case STATUS:
            this.text(out, row.status, true);
            continue;
          case CURRENCY:
            this.text(out, row.currency, true);
            continue;
          // A date or an instant is written as it is: no formula guard (csvText), quoted like any field.
          case INVOICE_DATE:
            this.text(out, row.invoiceDate, false);
            continue;
          case DUE_DATE:
            this.text(out, row.dueDate, false);
            continue;
          case TOTAL:
            if (row.total !== null) this.number(out, row.total);
            continue;
          case BALANCE:
            if (row.balance !== null) this.number(out, row.balance);
            continue;
          case LAST_MODIFIED:
            if (chunk !== null) this.textIn(out, chunk, texts!.lastModifiedFrom, texts!.lastModifiedTo, false);
            else this.text(out, row.lastModified, false);
            continue;
          case DAYS_OVERDUE: {
            // As on screen: empty when not overdue (toCell's rule).
            const days = daysOverdue(row, context.asOf, context);
            if (days > 0) this.number(out, days);
            continue;
          }
          case AGING_BUCKET:
            this.text(out, agingBucket(row, context), true);
            continue;
          default:
            this.slow(out, csvText(toCell(row, columns[c]!, context, conversion), this.fields.decimalComma));
        }
      }
      out.room(2);
      out.buf[out.used++] = CR;
      out.buf[out.used++] = LF;
    }
  }

  /** A text (`guard`: a text cell, formula-escaped) or a date's or instant's text; nothing for null or ''. */
  private text(out: SheetBytes, value: string | null | undefined, guard: boolean): void {
    if (!value) return;
    const kind = this.kindOf(value, 0, value.length);
    if (kind === OTHER) return this.other(out, value, guard);
    this.copy(out, value, 0, value.length, guard, kind === QUOTED);
  }

  /** text[from, to) as `text` writes it (nothing when empty, or for a `from` of −1: no value). */
  private textIn(out: SheetBytes, text: string, from: number, to: number, guard: boolean): void {
    if (!(to > from)) return;
    const kind = this.kindOf(text, from, to);
    if (kind === OTHER) return this.other(out, text.slice(from, to), guard);
    this.copy(out, text, from, to, guard, kind === QUOTED);
  }

  /** A text that is not printable ASCII, through the string functions (formula-escaped first when `guard`). */
  private other(out: SheetBytes, value: string, guard: boolean): void {
    this.slow(out, guard ? escapeFormula(value) : value);
  }

  /**
   * How text[from, to) is written: PLAIN, printable ASCII (no CR, LF, tab) with no quote and no separator, as it is;
   * QUOTED, printable ASCII holding a quote or the separator, between quotes with its quotes doubled (RFC 4180, as
   * csvField does: a third of the bench org's customer names hold a comma); OTHER, through the string functions.
   */
  private kindOf(text: string, from: number, to: number): number {
    const sep = this.sep;
    let kind = PLAIN;
    for (let k = from; k < to; k++) {
      const code = text.charCodeAt(k);
      if (code < 0x20 || code > 0x7e) return OTHER;
      if (code === QUOTE || code === sep) kind = QUOTED;
    }
    return kind;
  }

  /**
   * A printable-ASCII text's bytes, after the formula guard's apostrophe when it is a text starting with = + - @
   * (escapeFormula), between quotes with its quotes doubled when `quoted`.
   */
  private copy(out: SheetBytes, text: string, from: number, to: number, guard: boolean, quoted: boolean): void {
    out.room(2 * (to - from) + 3);
    const buf = out.buf;
    let at = out.used;
    if (quoted) buf[at++] = QUOTE;
    if (guard) {
      const first = text.charCodeAt(from);
      // = + - @ (a tab or CR never comes this way).
      if (first === 0x3d || first === 0x2b || first === 0x2d || first === 0x40) buf[at++] = 0x27;
    }
    for (let k = from; k < to; k++) {
      const code = text.charCodeAt(k);
      if (code === QUOTE) buf[at++] = QUOTE;
      buf[at++] = code;
    }
    if (quoted) buf[at++] = QUOTE;
    out.used = at;
  }

  /** A number as csvText writes it (String(value), a decimal comma when asked). */
  private number(out: SheetBytes, value: number): void {
    if (this.numbersQuoted) return this.slow(out, String(value).replace('.', ','));
    out.room(NUMBER_ROOM);
    const start = out.used;
    out.number(value);
    if (!this.fields.decimalComma) return;
    const buf = out.buf;
    for (let k = start; k < out.used; k++) {
      if (buf[k] === 0x2e) {
        buf[k] = 0x2c;
        return;
      }
    }
  }

  /** A field's text (formula-escaped already where it is a text) quoted as RFC 4180 asks, as UTF-8. */
  private slow(out: SheetBytes, text: string): void {
    if (text === '') return;
    const field = this.fields.field(text);
    out.room(3 * field.length);
    out.utf8(field);
  }
}
