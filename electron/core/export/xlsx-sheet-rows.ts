import type { ExportColumn, InvoiceListRow } from '../../contract';
import { AGING_BUCKET, BALANCE, CURRENCY, CUSTOMER, DAYS_OVERDUE, directColumns, DUE_DATE, INVOICE_DATE, LAST_MODIFIED, NUMBER, STATUS, TOTAL } from './direct-columns';
import { DAY_MS, FIRST_DAY } from './excel-serial';
import { agingBucket, daysOverdue, toCell, type Cell, type CellContext } from './export-cells';
import type { RowConversion } from './export-conversion';
import { noRowTexts, type ExportRows, type RowTexts } from './export-rows';
import { asciiBytes, asciiNeedsPreserve, asciiRoom, CELL_ROOM, plainAscii, SheetBytes } from './xlsx-bytes';
import { columnLetter, STYLE, type SheetStyles } from './xlsx-parts';
import { SHARED_NOTHING, type SharedStrings } from './xlsx-shared-strings';
import { CellXml } from './xlsx-sheet';
import { cleanText } from './xlsx-text';
import { daySerialOf, readInstant, type InstantParts } from './xlsx-day-text';

/**
 * The invoices sheet's rows (sheet rows 2 onwards) written as bytes (xlsx-bytes.ts): the same XML the string writer
 * (CellXml, still used by the small sheets) writes for the same cells, byte for byte, without a string per cell.
 */

/**
 * Columns whose texts repeat down the sheet: written through the shared-string table when there is one. The invoice
 * number (unique per row) stays inline: it would only fill the table.
 */
const SHARED_COLUMNS: ReadonlySet<ExportColumn> = new Set(['customer', 'status', 'currency', 'agingBucket', 'org']);

const ROW_OPEN = asciiBytes('<row r="');
const ROW_OPEN_END = asciiBytes('">');
const ROW_CLOSE = asciiBytes('</row>');
const CELL_OPEN = asciiBytes('<c r="');
const SHARED_OPEN = asciiBytes('" t="s"><v>');
const NUMBER_OPEN = asciiBytes('"><v>');
const DATE_OPEN = asciiBytes(`" s="${STYLE.date}"><v>`);
const INSTANT_OPEN = asciiBytes(`" s="${STYLE.instant}"><v>`);
const VALUE_CLOSE = asciiBytes('</v></c>');
const INLINE_OPEN = asciiBytes('" t="inlineStr"><is>');
const T_OPEN = asciiBytes('<t>');
const T_OPEN_PRESERVE = asciiBytes('<t xml:space="preserve">');
const INLINE_CLOSE = asciiBytes('</t></is></c>');

/** Writes the rows of one export: the bold header row, then each invoice. */
export class SheetRows {
  private readonly letters: Buffer[];
  private readonly cells: CellXml;
  private readonly shareable: boolean[];
  private readonly direct: number[];
  /** The row number being written, as digits. */
  private readonly rowDigits = Buffer.alloc(16);
  private rowLength = 0;
  /** A money cell's bytes between its reference and its value (` s="N"><v>`), per currency; the last one at hand. */
  private readonly moneyOpen = new Map<string, Buffer>();
  private lastCurrency: string | null = null;
  private lastMoneyOpen: Buffer = NUMBER_OPEN;
  /** The instant being written: whole days since 1970-01-01 and milliseconds into the day. */
  private readonly instantAt: InstantParts = { days: 0, ms: 0 };
  /** Where the copy's reader left the row's number and last-modified instant (ExportRows.atInPlace). */
  private readonly rowTexts: RowTexts = noRowTexts();

  constructor(
    private readonly columns: readonly ExportColumn[],
    private readonly labels: Record<ExportColumn, string>,
    private readonly context: CellContext,
    private readonly styles: SheetStyles,
    private readonly conversion?: RowConversion,
    /** The workbook's shared-string table (texts of SHARED_COLUMNS); every text inline without one. */
    private readonly shared?: SharedStrings,
    /** Shown each row as it is written (the Summary's sums, in the same pass). */
    private readonly tally?: (row: InvoiceListRow) => void,
  ) {
    this.letters = columns.map((_, index) => asciiBytes(columnLetter(index)));
    this.cells = new CellXml(styles);
    this.shareable = columns.map((column) => shared !== undefined && SHARED_COLUMNS.has(column));
    this.direct = directColumns(columns);
  }

  header(): string {
    return this.cells.header(this.columns.map((column) => this.labels[column]));
  }

  /** Rows `from` (inclusive) to `to` (exclusive) of `rows` as a string (sheet rows 2 onwards): `write`'s bytes, decoded. */
  batch(rows: ExportRows, from: number, to: number): string {
    const out = new SheetBytes(1024);
    this.write(rows, from, to, out);
    out.finish();
    return Buffer.concat([...out.handOut()]).toString('utf8');
  }

  /** Rows `from` (inclusive) to `to` (exclusive) of `rows`, as sheet rows 2 onwards (row i is sheet row i + 2), into `out`. */
  write(rows: ExportRows, from: number, to: number, out: SheetBytes): void {
    const { columns, context, conversion, direct, tally } = this;
    // The copy's reader leaves the number and the instant in its chunk (no two strings per row); they are read there.
    const texts = rows.atInPlace ? this.rowTexts : null;
    for (let i = from; i < to; i++) {
      // Used before the next place is read (the copy's reader refills one row object).
      const row = texts ? rows.atInPlace!(i, texts)! : rows.at(i)!;
      const chunk = texts ? texts.text : null;
      if (tally) tally(row);
      this.setRow(i + 2);
      out.room(32);
      out.put(ROW_OPEN);
      out.putSome(this.rowDigits, this.rowLength);
      out.put(ROW_OPEN_END);
      for (let c = 0; c < columns.length; c++) {
        // Each field read by name (the row object has one shape: no keyed lookup per cell).
        switch (direct[c]) {
          case NUMBER:
            if (chunk !== null) this.textIn(out, c, chunk, texts!.numberFrom, texts!.numberTo);
            else this.text(out, c, row.number);
            continue;
          case CUSTOMER:
            this.text(out, c, row.customer);
            continue;
          case STATUS:
            this.text(out, c, row.status);
            continue;
          case CURRENCY:
            this.text(out, c, row.currency);
            continue;
          case INVOICE_DATE:
            if (row.invoiceDate) this.day(out, c, row.invoiceDate);
            continue;
          case DUE_DATE:
            if (row.dueDate) this.day(out, c, row.dueDate);
            continue;
          case TOTAL:
            if (row.total !== null) this.money(out, c, row.total, row.currency);
            continue;
          case BALANCE:
            if (row.balance !== null) this.money(out, c, row.balance, row.currency);
            continue;
          case LAST_MODIFIED:
            if (chunk !== null) {
              if (texts!.lastModifiedTo > texts!.lastModifiedFrom) this.instantIn(out, c, chunk, texts!.lastModifiedFrom, texts!.lastModifiedTo);
            } else if (row.lastModified) {
              this.instant(out, c, row.lastModified);
            }
            continue;
          case DAYS_OVERDUE: {
            // As on screen: empty when not overdue (toCell's rule).
            const days = daysOverdue(row, context.asOf, context);
            if (days > 0) this.number(out, c, days);
            continue;
          }
          case AGING_BUCKET:
            this.text(out, c, agingBucket(row, context));
            continue;
          default:
            this.cell(out, c, toCell(row, columns[c]!, context, conversion));
        }
      }
      out.room(8);
      out.put(ROW_CLOSE);
    }
  }

  private setRow(r: number): void {
    let digits = 1;
    for (let p = 10; p <= r; p *= 10) digits++;
    this.rowLength = digits;
    let n = r;
    do {
      this.rowDigits[--digits] = 48 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
  }

  /** `<c r="REF` (room made by the caller). */
  private open(out: SheetBytes, c: number): void {
    out.put(CELL_OPEN);
    out.put(this.letters[c]!);
    out.putSome(this.rowDigits, this.rowLength);
  }

  private cell(out: SheetBytes, c: number, cell: Cell): void {
    switch (cell.kind) {
      case 'empty':
        return;
      case 'text':
        return this.text(out, c, cell.value);
      case 'number':
        if (Number.isFinite(cell.value)) this.number(out, c, cell.value);
        return;
      case 'money':
        return this.money(out, c, cell.value, cell.currency);
      case 'date':
        return this.day(out, c, cell.value);
      case 'instant':
        return this.instant(out, c, cell.value);
    }
  }

  /** A text cell: nothing for null or '', the shared-string table's index when the column shares, else inline. */
  private text(out: SheetBytes, c: number, value: string | null): void {
    if (value === null || value === '') return;
    if (this.shareable[c]) {
      const index = this.shared!.indexOf(value, cleanText);
      if (index === SHARED_NOTHING) return;
      if (index >= 0) {
        out.room(CELL_ROOM);
        this.open(out, c);
        out.put(SHARED_OPEN);
        out.uint(index);
        out.put(VALUE_CLOSE);
        return;
      }
    }
    this.inline(out, c, value);
  }

  /** text[from, to) as `text` writes it (an unshared column: the invoice number), read in place when it is plain ASCII. */
  private textIn(out: SheetBytes, c: number, text: string, from: number, to: number): void {
    if (from === to) return;
    if (this.shareable[c] || !plainAscii(text, from, to)) return this.text(out, c, text.slice(from, to));
    out.room(CELL_ROOM + asciiRoom(text, from, to));
    this.open(out, c);
    out.put(INLINE_OPEN);
    out.put(asciiNeedsPreserve(text, from, to) ? T_OPEN_PRESERVE : T_OPEN);
    out.asciiText(text, from, to);
    out.put(INLINE_CLOSE);
  }

  /** `<c r="REF" t="inlineStr"><is><t>…</t></is></c>`, nothing when nothing is left of the text once cleaned. */
  private inline(out: SheetBytes, c: number, value: string): void {
    if (plainAscii(value)) {
      out.room(CELL_ROOM + asciiRoom(value));
      this.open(out, c);
      out.put(INLINE_OPEN);
      out.put(asciiNeedsPreserve(value) ? T_OPEN_PRESERVE : T_OPEN);
      out.asciiText(value);
      out.put(INLINE_CLOSE);
      return;
    }
    const cleaned = cleanText(value);
    if (cleaned === null) return;
    out.room(CELL_ROOM + 3 * cleaned.text.length);
    this.open(out, c);
    out.put(INLINE_OPEN);
    out.latin1(cleaned.open);
    out.utf8(cleaned.text);
    out.put(INLINE_CLOSE);
  }

  /** A plain number (not finite: no cell, the caller checks). */
  private number(out: SheetBytes, c: number, value: number): void {
    out.room(CELL_ROOM);
    this.open(out, c);
    out.put(NUMBER_OPEN);
    out.number(value);
    out.put(VALUE_CLOSE);
  }

  /** An amount with its currency's style (nothing for a value that is not a finite number). */
  private money(out: SheetBytes, c: number, value: number, currency: string): void {
    if (!Number.isFinite(value)) return;
    if (currency !== this.lastCurrency) {
      let open = this.moneyOpen.get(currency);
      if (open === undefined) this.moneyOpen.set(currency, (open = asciiBytes('" s="' + this.styles.money(currency) + '"><v>')));
      this.lastCurrency = currency;
      this.lastMoneyOpen = open;
    }
    out.room(CELL_ROOM);
    this.open(out, c);
    out.put(this.lastMoneyOpen);
    out.number(value);
    out.put(VALUE_CLOSE);
  }

  /** A calendar day as its serial with the date style (as text when it is not a day). */
  private day(out: SheetBytes, c: number, value: string): void {
    const serial = daySerialOf(value);
    if (!Number.isFinite(serial)) return this.inline(out, c, value);
    out.room(CELL_ROOM);
    this.open(out, c);
    out.put(DATE_OPEN);
    out.number(serial);
    out.put(VALUE_CLOSE);
  }

  /** An instant as its serial with the date-time style (as text when it does not parse): instantSerial's number. */
  private instant(out: SheetBytes, c: number, value: string): void {
    // Two small integers (days, milliseconds into the day), not Date.parse's milliseconds: no heap number per cell.
    if (!readInstant(value, 0, value.length, this.instantAt)) {
      const ms = Date.parse(value);
      if (!Number.isFinite(ms)) return this.inline(out, c, value);
      this.instantAt.days = Math.floor(ms / DAY_MS);
      this.instantAt.ms = ms - this.instantAt.days * DAY_MS;
    }
    // Before 1900 there is no serial: its text (as CellXml writes it).
    if (this.instantAt.days < FIRST_DAY) return this.inline(out, c, value);
    this.instantCell(out, c);
  }

  /** text[from, to) (not empty) as `instant` writes it, read in place when it is in the copy's form. */
  private instantIn(out: SheetBytes, c: number, text: string, from: number, to: number): void {
    if (!readInstant(text, from, to, this.instantAt) || this.instantAt.days < FIRST_DAY) return this.instant(out, c, text.slice(from, to));
    this.instantCell(out, c);
  }

  /** The cell of the instant read into instantAt. */
  private instantCell(out: SheetBytes, c: number): void {
    out.room(CELL_ROOM);
    this.open(out, c);
    out.put(INSTANT_OPEN);
    out.instantSerial(this.instantAt.days, this.instantAt.ms);
    out.put(VALUE_CLOSE);
  }
}
