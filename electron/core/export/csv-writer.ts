import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { ExportColumn, InvoiceRow } from '../../contract';
import { OWNER_ONLY } from '../invoices/atomic-file';
import { COLUMN_LABELS, csvText, escapeFormula, toCell } from './export-cells';

export interface ExportJob {
  rows: readonly InvoiceRow[];
  columns: readonly ExportColumn[];
  asOf: string;
  /** Called every `PROGRESS_EVERY` rows and at the end. */
  onProgress: (written: number) => void;
}

export const PROGRESS_EVERY = 2000;

/**
 * CSV for Excel: UTF-8 with BOM, a header of column labels, streamed row by row, owner-only (0600:
 * invoices are financial data). Any cell holding a bare CR or LF is quoted too (csv-stringify on its
 * own quotes only the record delimiter CRLF): unquoted, Excel would break the row there and the text
 * after the break could start a formula past the escaping apostrophe.
 */
export async function writeCsv(path: string, job: ExportJob): Promise<void> {
  function* records(): Generator<string[]> {
    yield job.columns.map((column) => escapeFormula(COLUMN_LABELS[column]));
    let written = 0;
    for (const row of job.rows) {
      yield job.columns.map((column) => csvText(toCell(row, column, job.asOf)));
      written++;
      if (written % PROGRESS_EVERY === 0) job.onProgress(written);
    }
    job.onProgress(written);
  }
  await pipeline(
    Readable.from(records()),
    stringify({ bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ }),
    createWriteStream(path, { flags: 'wx', mode: OWNER_ONLY }),
  );
}
