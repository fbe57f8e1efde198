import { DAY_MS, daySerial, instantSerial as msSerial } from './excel-serial';
import type { Cell } from './export-cells';
import { STYLE, columnLetter, type SheetStyles } from './xlsx-parts';
import { cleanText } from './xlsx-text';

/**
 * Cells as SpreadsheetML text (pure), for the small sheets (the Summary, the aging tables, the applications) and the
 * header row; the invoices' rows are written as bytes (xlsx-sheet-rows.ts), the same XML. Text is inline
 * (`t="inlineStr"`). Dates and instants are Excel serials (1900 date system: excel-serial.ts; time as the fraction of a UTC
 * day; a day before 1900 as text) with a date format, so Excel shows and sorts them as dates; amounts are numbers with
 * their currency's format.
 */

function textCell(ref: string, value: string, style: string): string {
  const cleaned = cleanText(value);
  if (cleaned === null) return '';
  return '<c r="' + ref + '"' + style + ' t="inlineStr"><is>' + cleaned.open + cleaned.text + '</t></is></c>';
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The serial of a calendar day (YYYY-MM-DD), or null when the text is not one or is before 1900 (no serial). */
export function dateSerial(isoDate: string): number | null {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return null;
  const serial = daySerial(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS);
  return Number.isNaN(serial) ? null : serial;
}

/** The serial of an instant (ISO 8601), in UTC as the exceljs exporter wrote it, or null when it does not parse or is before 1900. */
export function instantSerial(iso: string): number | null {
  const serial = msSerial(Date.parse(iso));
  return Number.isNaN(serial) ? null : serial;
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

