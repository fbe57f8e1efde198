import { open, type FileHandle } from 'node:fs/promises';
import type { ExportColumn, InvoiceListRow } from '../../contract';
import type { ExportRows } from './export-rows';
import { OWNER_ONLY } from '../invoices/cache/atomic-file';
import { CsvRows } from './csv-rows';
import { escapeFormula, type CellContext } from './export-cells';
import type { RowConversion } from './export-conversion';
import type { ApplicationsSheet } from './xlsx-applications';
import type { DeferredSheet } from './xlsx-table-sheet';
import { SheetBytes } from './xlsx-bytes';

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
 * apostrophe. The lines are written as bytes into reused 256 KiB buffers (csv-rows.ts), each handed to the file while
 * the next is filled; the bytes are the same as csv-stringify wrote (its object stream cost ~10 µs per row), and as
 * the string writer after it did (a string per cell and per 2,000-row batch, encoded again by the file write).
 */
export async function writeCsv(path: string, job: ExportJob): Promise<void> {
  const dialect = job.csv ?? PLAIN;
  const csvField = csvFieldOf(dialect);
  const sep = dialect.separator;
  const handle = await open(path, 'wx', OWNER_ONLY);
  // The last buffer's write, in flight while the next rows are written (handOutTo).
  const writes: Writes = { last: null };
  try {
    const { rows, columns } = job;
    const out = new SheetBytes();
    const header = BOM + columns.map((column) => csvField(escapeFormula(job.labels[column]))).join(sep) + EOL;
    out.room(3 * header.length);
    out.utf8(header);
    const lines = new CsvRows(columns, { ...dialect, field: csvField }, job.cells, job.conversion);
    for (let start = 0; start < rows.length; start += PROGRESS_EVERY) {
      const end = Math.min(rows.length, start + PROGRESS_EVERY);
      lines.write(rows, start, end, out);
      await handOutTo(handle, out, writes);
      if (end % PROGRESS_EVERY === 0) job.onProgress(end);
    }
    out.finish();
    await handOutTo(handle, out, writes);
    await writes.last;
    job.onProgress(rows.length);
  } finally {
    // Not closed under a write still in flight (a row that failed meanwhile): its own failure is not the one to report.
    await writes.last?.catch(() => undefined);
    await handle.close();
  }
}

/** The write of the last buffer handed to the file (null before the first). */
interface Writes {
  last: Promise<void> | null;
}

/**
 * The full buffers of `out` written in order, each once the one before it is written; the last one's write is left in
 * flight in `writes`. A buffer is reused once the chunk after it has been pulled (SheetBytes.handOut): by then its write was awaited.
 */
async function handOutTo(handle: FileHandle, out: SheetBytes, writes: Writes): Promise<void> {
  for (const chunk of out.handOut()) {
    await writes.last;
    const write = writeAll(handle, chunk);
    // Awaited before the next one (or at the end); a failure meanwhile is not left unhandled.
    write.catch(() => undefined);
    writes.last = write;
  }
}

/** All of `bytes` into the file at its current position (a write may take fewer bytes than it was given). */
async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  let at = 0;
  while (at < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, at, bytes.length - at);
    at += bytesWritten;
  }
}
