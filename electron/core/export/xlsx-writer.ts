import { createWriteStream } from 'node:fs';
import { AppError } from '../../contract';
import { englishMessage } from '../../contract/i18n/spoken-messages';
import { OWNER_ONLY } from '../invoices/cache/atomic-file';
import type { ExportJob } from './csv-writer';
import { PROGRESS_EVERY } from './csv-writer';
import { applicationChunks } from './xlsx-applications';
import { COLUMN_WIDTHS, ROOT_RELS, SheetStyles, sheetHead, sheetPath, SHEET_TAIL, workbookParts } from './xlsx-parts';
import { SharedStrings, SHARED_STRINGS_PATH } from './xlsx-shared-strings';
import { SheetBytes } from './xlsx-bytes';
import { SheetRows } from './xlsx-sheet-rows';
import { deferredSheetChunks, tableSheetChunks, type TableSheet } from './xlsx-table-sheet';
import { ZipWriter } from './xlsx-zip';

/**
 * Deflate level of the zip entries. The sheet is very repetitive XML: at level 1 the file is about
 * the size exceljs wrote (6.9 MiB for 100,000 synthetic rows; 5.6 MiB at the default level 6, which
 * costs noticeably more CPU).
 */
const COMPRESSION_LEVEL = 1;

/** An Excel sheet holds 1,048,576 rows (Excel's specifications and limits); the header takes one. */
const XLSX_MAX_DATA_ROWS = 1_048_575;

function refuseRowsPastExcel(count: number): void {
  if (count > XLSX_MAX_DATA_ROWS) throw new AppError('INVALID_INPUT', englishMessage('xlsxTooManyRows', { rows: String(count) }));
}

/**
 * Rows written between two looks at the sheet's bytes: the full 256 KiB chunks are handed to the zip then (the zip has
 * taken a chunk whole before it pulls the one after the next, and its buffer is reused: xlsx-bytes.ts). The strings of
 * 100-row chunks that came before (~50 KiB each, and ~30 short strings per row to make them) were garbage the young
 * generation grew with.
 */
const ROWS_PER_STEP = 100;

/** The sheet's XML, written as the zip asks for the next chunk: the rows as bytes in reused buffers (xlsx-sheet-rows.ts). */
function* sheetChunks(job: ExportJob, styles: SheetStyles, shared: SharedStrings): Generator<string | Buffer> {
  const { rows } = job;
  const sheet = new SheetRows(job.columns, job.labels, job.cells, styles, job.conversion, shared, job.tally);
  yield sheetHead(job.columns.map((column) => COLUMN_WIDTHS[column]), rows.length) + sheet.header();
  const out = new SheetBytes();
  for (let start = 0; start < rows.length; start += ROWS_PER_STEP) {
    const end = Math.min(rows.length, start + ROWS_PER_STEP);
    sheet.write(rows, start, end, out);
    yield* out.handOut();
    if (end % PROGRESS_EVERY === 0) job.onProgress(end);
  }
  out.finish();
  yield* out.handOut();
  yield SHEET_TAIL;
}

/** A sheet of the workbook: its name and its XML, pulled a chunk at a time by the zip. */
export interface WorkbookSheet {
  name: string;
  chunks: Iterable<string | Buffer>;
}

/**
 * XLSX written by streaming: the sheet's XML is produced a chunk at a time by a generator that the
 * zip pulls (xlsx-zip.ts: CRC, deflate on the thread pool, the file), so at most a chunk or two of XML is in memory
 * whatever the row count; exceljs's streaming writer buffered the whole sheet (it ignores
 * backpressure). The workbook is minimal (the invoices sheet, styles, a bounded shared-string table for the texts
 * that repeat): bold frozen header, column widths, real dates, amounts with their currency's format. When the job has
 * applications (an org with payment objects), a second sheet lists them, one row per application of
 * the exported invoices, streamed the same way; the Summary sheet (the audit trail) comes last. Owner-only file.
 */
export async function writeXlsx(path: string, job: ExportJob): Promise<void> {
  // Before the file exists: a sheet Excel cannot hold is refused plainly, not written for Excel to cut on "repair".
  refuseRowsPastExcel(job.rows.length);
  if (job.applications) refuseRowsPastExcel(job.applications.applications.count);
  // Each currency's amount style is registered as its first amount is written: styles.xml comes after the sheets.
  const styles = new SheetStyles();
  const applications = job.applications;
  const shared = new SharedStrings();
  const sheets: WorkbookSheet[] = [{ name: job.sheetName, chunks: sheetChunks(job, styles, shared) }];
  if (applications) sheets.push({ name: applications.name, chunks: applicationChunks(applications, styles) });
  // Made once the invoices are written: its totals are summed as they are (job.tally).
  if (job.summary) sheets.push({ name: job.summary.name, chunks: deferredSheetChunks(job.summary, styles) });
  await writeWorkbook(path, styles, sheets, shared);
  job.onProgress(job.rows.length);
}

/** A workbook of small table sheets only (the aging-by-customer report and its Summary). */
export async function writeTableWorkbook(path: string, tables: readonly TableSheet[]): Promise<void> {
  const styles = new SheetStyles();
  await writeWorkbook(path, styles, tables.map((table) => ({ name: table.name, chunks: tableSheetChunks(table, styles) })));
}

/**
 * The package: fixed parts, then each sheet streamed into the zip, then the styles and the shared-string table the
 * sheets filled (when there is one). On any failure the file is closed before the error is
 * passed on (the caller deletes the temp file; Windows cannot delete an open file).
 */
async function writeWorkbook(path: string, styles: SheetStyles, sheets: readonly WorkbookSheet[], shared?: SharedStrings): Promise<void> {
  const parts = workbookParts(sheets.map((sheet) => sheet.name), shared !== undefined);
  const file = createWriteStream(path, { flags: 'wx', mode: OWNER_ONLY });
  // The file's own failure (cannot be created, disk full) is the error to report; the zip stops at it.
  let failure: Error | undefined;
  file.on('error', (error) => (failure ??= error));
  const zip = new ZipWriter(file, COMPRESSION_LEVEL);
  try {
    await zip.add('[Content_Types].xml', [parts.contentTypes]);
    await zip.add('_rels/.rels', [ROOT_RELS]);
    await zip.add('xl/workbook.xml', [parts.workbook]);
    await zip.add('xl/_rels/workbook.xml.rels', [parts.workbookRels]);
    for (const [index, sheet] of sheets.entries()) await zip.add(sheetPath(index + 1), sheet.chunks);
    // After the last sheet: by then every amount's style is registered and the shared-string table is complete (a
    // reader finds each part by name in the zip's directory, in whatever order the parts come).
    await zip.add('xl/styles.xml', [styles.xml()]);
    if (shared) await zip.add(SHARED_STRINGS_PATH, shared.chunks());
    await zip.close();
  } catch (error) {
    // The file's own failure if it had one, else what stopped the zip (a row that failed); not what closing it says.
    const cause = failure ?? error;
    file.destroy();
    // Not events.once: closing a file with writes in flight also emits an error, which would reject it.
    if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
    throw cause;
  }
}
