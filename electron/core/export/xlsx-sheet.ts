import type { ExportColumn, InvoiceListRow } from '../../contract';
import { escapeFormula, toCell, type Cell, type CellContext } from './export-cells';
import type { RowConversion } from './export-conversion';
import { STYLE, columnLetter, type SheetStyles } from './xlsx-parts';

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

/**
 * A text value as the content of a cell's `<t>`: characters XML cannot carry removed first, then the
 * formula guard of every export (a leading = + - @ tab or CR gets an apostrophe; stripping first means
 * "\u0001=1+1" is guarded like "=1+1"), then Excel's escape for `_xHHHH_` look-alikes, then & < >.
 * A CR stays as written (an XML reader, Excel included, reads it as a line feed).
 */
export function cellText(value: string): string {
  if (!NEEDS_WORK.test(value)) return escapeFormula(value);
  const clean = value.replace(NOT_XML, '');
  if (clean === '') return '';
  return escapeFormula(clean).replace(EXCEL_ESCAPE_LOOKALIKE, '_x005F_').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function textCell(ref: string, value: string, style: string): string {
  const text = cellText(value);
  if (text === '') return '';
  const t = NEEDS_PRESERVE.test(text) ? '<t xml:space="preserve">' : '<t>';
  return `<c r="${ref}"${style} t="inlineStr"><is>${t}${text}</t></is></c>`;
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

/** Serials of calendar days already seen in this export, as text (invoice and due dates repeat a lot). */
class DaySerials {
  private readonly serials = new Map<string, string | null>();

  get(isoDate: string): string | null {
    let serial = this.serials.get(isoDate);
    if (serial === undefined) {
      const number = dateSerial(isoDate);
      serial = number === null ? null : String(number);
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

  constructor(private readonly styles: SheetStyles) {}

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
        return Number.isFinite(cell.value) ? '<c r="' + ref + '" s="' + this.styles.money(cell.currency) + '"><v>' + cell.value + '</v></c>' : '';
      case 'date': {
        const serial = this.days.get(cell.value);
        return serial === null ? textCell(ref, cell.value, '') : '<c r="' + ref + '" s="' + STYLE.date + '"><v>' + serial + '</v></c>';
      }
      case 'instant': {
        const serial = instantSerial(cell.value);
        return serial === null ? textCell(ref, cell.value, '') : '<c r="' + ref + '" s="' + STYLE.instant + '"><v>' + serial + '</v></c>';
      }
    }
  }
}

/** Writes the rows of one export: the bold header row, then each invoice. */
export class SheetRows {
  private readonly letters: string[];
  private readonly cells: CellXml;

  constructor(
    private readonly columns: readonly ExportColumn[],
    private readonly labels: Record<ExportColumn, string>,
    private readonly context: CellContext,
    styles: SheetStyles,
    private readonly conversion?: RowConversion,
  ) {
    this.letters = columns.map((_, index) => columnLetter(index));
    this.cells = new CellXml(styles);
  }

  header(): string {
    return this.cells.header(this.columns.map((column) => this.labels[column]));
  }

  /** Rows `from` (inclusive) to `to` (exclusive) of `rows`, as sheet rows 2 onwards (row i is sheet row i + 2). */
  batch(rows: readonly InvoiceListRow[], from: number, to: number): string {
    const { columns, letters, context } = this;
    const lines: string[] = [];
    for (let i = from; i < to; i++) {
      const row = rows[i]!;
      const r = String(i + 2);
      let xml = '<row r="' + r + '">';
      for (let c = 0; c < columns.length; c++) xml += this.cells.cell(toCell(row, columns[c]!, context, this.conversion), letters[c]! + r);
      lines.push(xml + '</row>');
    }
    return lines.join('');
  }
}
