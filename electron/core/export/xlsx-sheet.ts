import type { ExportColumn, InvoiceListRow } from '../../contract';
import { escapeFormula, toCell, type Cell, type CellContext } from './export-cells';
import type { RowConversion } from './export-conversion';
import { STYLE, columnLetter, type SheetStyles } from './xlsx-parts';
import type { SharedStrings } from './xlsx-shared-strings';
import type { ExportRows } from './export-rows';

/**
 * The rows of sheet1.xml as SpreadsheetML text (pure). Strings are inline (`t="inlineStr"`): no
 * shared-string table, so nothing grows with the row count. Dates and instants are Excel serials
 * (1900 date system, the day count from 1899-12-30; time as the fraction of a UTC day) with a date
 * format, so Excel shows and sorts them as dates; amounts are numbers with their currency's format.
 */

/** 1970-01-01 as an Excel serial. */
const UNIX_EPOCH_SERIAL = 25569;
const DAY_MS = 86_400_000;

// Characters XML 1.0 cannot carry at all (C0 controls other than tab, LF and CR; unpaired
// surrogates; U+FFFE, U+FFFF), plus DEL, which the exceljs exporter dropped too.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Anything that needs more than the formula guard: the above, XML's specials, "_" (see below), whitespace controls.
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>_\u0000-\u001F\u007F\uD800-\uDFFF\uFFFE\uFFFF]/;
// Excel reads _xHHHH_ in cell text as the character U+HHHH; its own escape for a literal one is _x005F_ for the "_".
const EXCEL_ESCAPE_LOOKALIKE = /_(?=x[0-9A-Fa-f]{4}_)/g;
const NEEDS_PRESERVE = /^\s|\s$|[\n\r\t]/;

/** The most characters (UTF-16 code units) a cell can hold in Excel; a longer text makes Excel repair the file. */
export const EXCEL_MAX_TEXT = 32_767;

/** The text cut to what a cell can hold, never between the two halves of a surrogate pair (an emoji is kept whole or not at all). */
function fitCell(text: string): string {
  if (text.length <= EXCEL_MAX_TEXT) return text;
  const cut = text.charCodeAt(EXCEL_MAX_TEXT - 1);
  return text.slice(0, cut >= 0xd800 && cut <= 0xdbff ? EXCEL_MAX_TEXT - 1 : EXCEL_MAX_TEXT);
}

/**
 * A text value as the content of a cell's `<t>`: characters XML cannot carry removed first, then the
 * formula guard of every export (a leading = + - @ tab or CR gets an apostrophe; stripping first means
 * "\u0001=1+1" is guarded like "=1+1"), then cut to Excel's 32,767 characters, then Excel's escape for `_xHHHH_`
 * look-alikes, then & < >. A CR stays as written (an XML reader, Excel included, reads it as a line feed).
 */
export function cellText(value: string): string {
  if (!NEEDS_WORK.test(value)) return fitCell(escapeFormula(value));
  const clean = value.replace(NOT_XML, '');
  if (clean === '') return '';
  return fitCell(escapeFormula(clean)).replace(EXCEL_ESCAPE_LOOKALIKE, '_x005F_').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A text as `<t>` content and its opening tag (whitespace kept when it matters), or null when nothing is left of it. */
function cleanText(value: string): { text: string; open: string } | null {
  const text = cellText(value);
  if (text === '') return null;
  return { text, open: NEEDS_PRESERVE.test(text) ? '<t xml:space="preserve">' : '<t>' };
}

function textCell(ref: string, value: string, style: string): string {
  const cleaned = cleanText(value);
  if (cleaned === null) return '';
  return '<c r="' + ref + '"' + style + ' t="inlineStr"><is>' + cleaned.open + cleaned.text + '</t></is></c>';
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The serial of a calendar day (YYYY-MM-DD), or null when the text is not one. */
export function dateSerial(isoDate: string): number | null {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return null;
  return UNIX_EPOCH_SERIAL + Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

/** The serial of an instant (ISO 8601), in UTC as the exceljs exporter wrote it, or null when it does not parse. */
export function instantSerial(iso: string): number | null {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? UNIX_EPOCH_SERIAL + ms / DAY_MS : null;
}

/**
 * Calendar days already seen in this export as the date cell's XML after its `r` attribute (invoice and due dates
 * repeat a lot), or null when the text is not a day.
 */
class DaySerials {
  private readonly serials = new Map<string, string | null>();

  get(isoDate: string): string | null {
    let serial = this.serials.get(isoDate);
    if (serial === undefined) {
      const number = dateSerial(isoDate);
      serial = number === null ? null : '" s="' + STYLE.date + '"><v>' + number + '</v></c>';
      // Bounded whatever the data: a few thousand distinct days in practice.
      if (this.serials.size >= 10_000) this.serials.clear();
      this.serials.set(isoDate, serial);
    }
    return serial;
  }
}

/** One cell as sheet XML (typed: text inline, numbers, money with its currency's style, dates and instants as serials). */
export class CellXml {
  private readonly days = new DaySerials();
  /** A money cell's XML between its `r` attribute and its value, per currency. */
  private readonly moneyOpen = new Map<string, string>();

  constructor(private readonly styles: SheetStyles) {}

  private money(currency: string): string {
    let open = this.moneyOpen.get(currency);
    if (open === undefined) this.moneyOpen.set(currency, (open = '" s="' + this.styles.money(currency) + '"><v>'));
    return open;
  }

  /** The bold header row (row 1) of these labels. */
  header(labels: readonly string[]): string {
    const style = ` s="${STYLE.header}"`;
    const cells = labels.map((label, index) => textCell(`${columnLetter(index)}1`, label, style)).join('');
    return `<row r="1"${style} customFormat="1">${cells}</row>`;
  }

  cell(cell: Cell, ref: string): string {
    switch (cell.kind) {
      case 'empty':
        return '';
      case 'text':
        return textCell(ref, cell.value, '');
      case 'number':
        return Number.isFinite(cell.value) ? '<c r="' + ref + '"><v>' + cell.value + '</v></c>' : '';
      case 'money':
        return this.moneyCell(ref, cell.value, cell.currency);
      case 'date':
        return this.dateCell(ref, cell.value);
      case 'instant':
        return this.instantCell(ref, cell.value);
    }
  }

  /** A text cell, inline (nothing when nothing is left of the text once cleaned). */
  textCell(ref: string, value: string): string {
    return textCell(ref, value, '');
  }

  /** An amount with its currency's style (nothing for a value that is not a finite number). */
  moneyCell(ref: string, value: number, currency: string): string {
    return Number.isFinite(value) ? '<c r="' + ref + this.money(currency) + value + '</v></c>' : '';
  }

  /** A calendar day as its serial with the date style (as text when it is not a day). */
  dateCell(ref: string, value: string): string {
    const tail = this.days.get(value);
    return tail === null ? textCell(ref, value, '') : '<c r="' + ref + tail;
  }

  /** An instant as its serial with the date-time style (as text when it does not parse). */
  instantCell(ref: string, value: string): string {
    const serial = instantSerial(value);
    return serial === null ? textCell(ref, value, '') : '<c r="' + ref + '" s="' + STYLE.instant + '"><v>' + serial + '</v></c>';
  }
}

/**
 * Columns whose texts repeat down the sheet: written through the shared-string table when there is one. The invoice
 * number (unique per row) stays inline: it would only fill the table.
 */
const SHARED_COLUMNS: ReadonlySet<ExportColumn> = new Set(['customer', 'status', 'currency', 'agingBucket', 'org']);

/**
 * How a column's cell is written: the columns that are a row field as it is (text, day, amount, instant) straight from
 * the row, as toCell + CellXml.cell would write them but without a Cell object per cell (a million at 100,000
 * invoices); the others (computed: days overdue, bucket, figures, conversion) through toCell.
 */
const FIELD_TEXT = 1;
const FIELD_DAY = 2;
const FIELD_MONEY = 3;
const FIELD_INSTANT = 4;
const DIRECT: Partial<Record<ExportColumn, number>> = {
  number: FIELD_TEXT,
  customer: FIELD_TEXT,
  status: FIELD_TEXT,
  currency: FIELD_TEXT,
  invoiceDate: FIELD_DAY,
  dueDate: FIELD_DAY,
  total: FIELD_MONEY,
  balance: FIELD_MONEY,
  lastModified: FIELD_INSTANT,
};
type TextField = 'number' | 'customer' | 'status' | 'currency';
type DayField = 'invoiceDate' | 'dueDate';
type MoneyField = 'total' | 'balance';

/** Writes the rows of one export: the bold header row, then each invoice. */
export class SheetRows {
  private readonly letters: string[];
  private readonly cells: CellXml;
  private readonly shareable: boolean[];
  private readonly direct: number[];

  constructor(
    private readonly columns: readonly ExportColumn[],
    private readonly labels: Record<ExportColumn, string>,
    private readonly context: CellContext,
    styles: SheetStyles,
    private readonly conversion?: RowConversion,
    /** The workbook's shared-string table (texts of SHARED_COLUMNS); every text inline without one. */
    private readonly shared?: SharedStrings,
    /** Shown each row as it is written (the Summary's sums, in the same pass). */
    private readonly tally?: (row: InvoiceListRow) => void,
  ) {
    this.letters = columns.map((_, index) => columnLetter(index));
    this.cells = new CellXml(styles);
    this.shareable = columns.map((column) => shared !== undefined && SHARED_COLUMNS.has(column));
    this.direct = columns.map((column) => DIRECT[column] ?? 0);
  }

  header(): string {
    return this.cells.header(this.columns.map((column) => this.labels[column]));
  }

  /** Rows `from` (inclusive) to `to` (exclusive) of `rows`, as sheet rows 2 onwards (row i is sheet row i + 2). */
  batch(rows: ExportRows, from: number, to: number): string {
    const { columns, letters, context, conversion, shareable, shared, cells, tally, direct } = this;
    let xml = '';
    for (let i = from; i < to; i++) {
      // Used before the next place is read (the copy's reader refills one row object).
      const row = rows.at(i)!;
      if (tally) tally(row);
      const r = String(i + 2);
      xml += '<row r="' + r + '">';
      for (let c = 0; c < columns.length; c++) {
        const how = direct[c]!;
        if (how === FIELD_TEXT) {
          const value = row[columns[c] as TextField];
          if (value === null || value === '') continue;
          if (shareable[c]) {
            const tail = shared!.tail(value, cleanText);
            if (tail === undefined) continue;
            if (tail !== null) {
              xml += '<c r="' + letters[c]! + r + '"' + tail;
              continue;
            }
          }
          xml += cells.textCell(letters[c]! + r, value);
          continue;
        }
        if (how === FIELD_DAY) {
          const value = row[columns[c] as DayField];
          if (value) xml += cells.dateCell(letters[c]! + r, value);
          continue;
        }
        if (how === FIELD_MONEY) {
          const value = row[columns[c] as MoneyField];
          if (value !== null) xml += cells.moneyCell(letters[c]! + r, value, row.currency);
          continue;
        }
        if (how === FIELD_INSTANT) {
          if (row.lastModified) xml += cells.instantCell(letters[c]! + r, row.lastModified);
          continue;
        }
        const cell = toCell(row, columns[c]!, context, conversion);
        if (cell.kind === 'empty') continue;
        if (cell.kind === 'text' && shareable[c]) {
          const tail = shared!.tail(cell.value, cleanText);
          if (tail === undefined) continue;
          if (tail !== null) {
            xml += '<c r="' + letters[c]! + r + '"' + tail;
            continue;
          }
        }
        xml += cells.cell(cell, letters[c]! + r);
      }
      xml += '</row>';
    }
    return xml;
  }
}
