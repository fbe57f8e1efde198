import { open } from 'node:fs/promises';
import type { ExportColumn, InvoiceListRow } from '../../contract';
import type { ExportRows } from './export-rows';
import { OWNER_ONLY } from '../invoices/cache/atomic-file';
import { csvText, escapeFormula, toCell, type CellContext } from './export-cells';
import type { RowConversion } from './export-conversion';
import type { ApplicationsSheet } from './xlsx-applications';
import type { DeferredSheet } from './xlsx-table-sheet';

export interface ExportJob {
  /** By place, in the order the user sees them (an array, or the copy's reader: one row object refilled per place). */
  rows: ExportRows;
  columns: readonly ExportColumn[];
  /** The header row's words, in the user's language. */
  labels: Record<ExportColumn, string>;
  /** The as-of date and the receivable rules the screen used (days overdue, aging bucket). */
  cells: CellContext;
  /** XLSX only: the invoices sheet's name in the user's language. */
  sheetName: string;
  /** XLSX only: the "Applications" sheet (absent when the org has no payment objects). */
  applications?: ApplicationsSheet;
  /** XLSX only: the Summary sheet (the audit trail: org, as-of date and basis, filters, who and when, bucket totals). */
  summary?: DeferredSheet;
  /** XLSX only: shown each invoice row as it is written (the Summary's bucket totals are summed in the same pass). */
  tally?: (row: InvoiceListRow) => void;
  /** The corporate-currency view's conversion, for the conversion columns. */
  conversion?: RowConversion;
  /** CSV only: the field separator and decimal mark (absent: `,` and `.`, plain CSV). */
  csv?: CsvDialect;
  /** Called every `PROGRESS_EVERY` rows and at the end. */
  onProgress: (written: number) => void;
}

export const PROGRESS_EVERY = 2000;

const BOM = '\ufeff';
const EOL = '\r\n';

/**
 * How the file separates fields and writes decimals. Plain CSV: `,` and `.` (what any program reads). For Excel in a
 * decimal-comma locale (de, fr, es …), `;` and `,`: that Excel splits a line on `;` and reads `1234,56` as a number;
 * amounts never have thousands separators, dates stay ISO (YYYY-MM-DD, which Excel reads as a date in every locale).
 */
export interface CsvDialect {
  separator: ',' | ';';
  decimalComma: boolean;
}
const PLAIN: CsvDialect = { separator: ',', decimalComma: false };
export const EXCEL_DECIMAL_COMMA: CsvDialect = { separator: ';', decimalComma: true };

/** RFC 4180 quoting, as csv-stringify did it here: a field holding the separator, a quote, CR or LF is quoted, quotes doubled. */
function csvFieldOf(dialect: CsvDialect): (text: string) => string {
  const special = dialect.separator === ';' ? /[";\r\n]/ : /[",\r\n]/;
  return (text) => (special.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
}

/**
 * CSV for Excel: UTF-8 with BOM, `,` or (for a decimal-comma Excel) `;` between fields, a header of column labels, CRLF line ends, owner-only (0600:
 * invoices are financial data). Any cell holding a bare CR or LF is quoted too: unquoted, Excel
 * would break the row there and the text after the break could start a formula past the escaping
 * apostrophe. Written PROGRESS_EVERY rows at a time, each batch one string: csv-stringify's object
 * stream cost ~10 µs per row (a 100k-row export took ~7× as long as writing the rows as JSON);
 * the bytes are the same as it wrote.
 */
export async function writeCsv(path: string, job: ExportJob): Promise<void> {
  const dialect = job.csv ?? PLAIN;
  const csvField = csvFieldOf(dialect);
  const sep = dialect.separator;
  const handle = await open(path, 'wx', OWNER_ONLY);
  try {
    await handle.write(BOM + job.columns.map((column) => csvField(escapeFormula(job.labels[column]))).join(sep) + EOL);
    const { rows, columns } = job;
    for (let start = 0; start < rows.length; start += PROGRESS_EVERY) {
      const end = Math.min(rows.length, start + PROGRESS_EVERY);
      let batch = '';
      for (let i = start; i < end; i++) {
        const row = rows.at(i)!;
        let line = '';
        for (let c = 0; c < columns.length; c++) line += (c > 0 ? sep : '') + csvField(csvText(toCell(row, columns[c]!, job.cells, job.conversion), dialect.decimalComma));
        batch += line + EOL;
      }
      await handle.write(batch);
      if (end % PROGRESS_EVERY === 0) job.onProgress(end);
    }
    job.onProgress(rows.length);
  } finally {
    await handle.close();
  }
}
