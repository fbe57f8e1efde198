import { createWriteStream } from 'node:fs';
import { Readable, type PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { OWNER_ONLY } from '../invoices/cache/atomic-file';
import type { ExportJob } from './csv-writer';
import { PROGRESS_EVERY } from './csv-writer';
import { applicationChunks } from './xlsx-applications';
import { COLUMN_WIDTHS, ROOT_RELS, SheetStyles, sheetHead, sheetPath, SHEET_TAIL, workbookParts } from './xlsx-parts';
import { SharedStrings, SHARED_STRINGS_PATH } from './xlsx-shared-strings';
import { SheetRows } from './xlsx-sheet';
import { registerTableStyles, tableSheetChunks, type TableSheet } from './xlsx-table-sheet';

/**
 * Deflate level of the zip entries. The sheet is very repetitive XML: at level 1 the file is about
 * the size exceljs wrote (6.9 MiB for 100,000 synthetic rows; 5.6 MiB at the default level 6, which
 * costs noticeably more CPU).
 */
const COMPRESSION_LEVEL = 1;

/**
 * Rows per chunk of sheet XML (~50 KiB). Small on purpose: each chunk becomes a Buffer that lives
 * until deflate has taken it. Measured with 2,000-row chunks (~1 MiB): the dead chunks' memory piled
 * up until a major GC (arrayBuffers +45 MiB at 100,000 rows, growing with the row count); with
 * 100-row chunks they die young (arrayBuffers stays under 3 MiB, at a million rows too).
 */
const ROWS_PER_CHUNK = 100;

/**
 * The sheet's XML, a chunk at a time, built only when the zip asks for the next chunk. Each chunk is encoded here, once
 * (a string chunk would be encoded by the CRC step and again by deflate).
 */
function* sheetChunks(job: ExportJob, styles: SheetStyles, shared: SharedStrings): Generator<string | Buffer> {
  const { rows } = job;
  const sheet = new SheetRows(job.columns, job.labels, job.cells, styles, job.conversion, shared);
  yield sheetHead(job.columns.map((column) => COLUMN_WIDTHS[column]), rows.length) + sheet.header();
  for (let start = 0; start < rows.length; start += ROWS_PER_CHUNK) {
    const end = Math.min(rows.length, start + ROWS_PER_CHUNK);
    yield Buffer.from(sheet.batch(rows, start, end), 'utf8');
    // Resumed when the zip pulls the next chunk: the previous one has been taken.
    if (end % PROGRESS_EVERY === 0) job.onProgress(end);
  }
  yield SHEET_TAIL;
}

/** A sheet of the workbook: its name and its XML, pulled a chunk at a time by the zip. */
export interface WorkbookSheet {
  name: string;
  chunks: Iterable<string | Buffer>;
}

/**
 * XLSX written by streaming: the sheet's XML is produced a chunk at a time by a generator that the
 * zip stream pulls (yazl: crc → deflate → the file), so at most a chunk or two of XML is in memory
 * whatever the row count; exceljs's streaming writer buffered the whole sheet (it ignores
 * backpressure). The workbook is minimal (the invoices sheet, styles, no shared strings): bold
 * frozen header, column widths, real dates, amounts with their currency's format. When the job has
 * applications (an org with payment objects), a second sheet lists them, one row per application of
 * the exported invoices, streamed the same way; the Summary sheet (the audit trail) comes last. Owner-only file.
 */
export async function writeXlsx(path: string, job: ExportJob): Promise<void> {
  const styles = new SheetStyles();
  if (job.columns.some((c) => c === 'total' || c === 'balance' || c === 'paid')) for (const row of job.rows) styles.money(row.currency);
  if (job.conversion) styles.money(job.conversion.corporate);
  const applications = job.applications;
  // styles.xml is written before the sheets: every currency of the applications is registered now.
  for (const currency of applications?.applications.currencies ?? []) styles.money(currency);
  if (job.summary) registerTableStyles(job.summary, styles);
  const shared = new SharedStrings();
  const sheets: WorkbookSheet[] = [{ name: job.sheetName, chunks: sheetChunks(job, styles, shared) }];
  if (applications) sheets.push({ name: applications.name, chunks: applicationChunks(applications, styles) });
  if (job.summary) sheets.push({ name: job.summary.name, chunks: tableSheetChunks(job.summary, styles) });
  await writeWorkbook(path, styles, sheets, shared);
  job.onProgress(job.rows.length);
}

/** A workbook of small table sheets only (the aging-by-customer report and its Summary). */
export async function writeTableWorkbook(path: string, tables: readonly TableSheet[]): Promise<void> {
  const styles = new SheetStyles();
  for (const table of tables) registerTableStyles(table, styles);
  await writeWorkbook(path, styles, tables.map((table) => ({ name: table.name, chunks: tableSheetChunks(table, styles) })));
}

/**
 * The package: fixed parts, styles (every currency registered before), then each sheet streamed into the zip, then the
 * shared-string table the sheets filled (when there is one).
 */
async function writeWorkbook(path: string, styles: SheetStyles, sheets: readonly WorkbookSheet[], shared?: SharedStrings): Promise<void> {
  const parts = workbookParts(sheets.map((sheet) => sheet.name), shared !== undefined);
  const zip = new yazl.ZipFile();
  const options = { compressionLevel: COMPRESSION_LEVEL };
  zip.addBuffer(Buffer.from(parts.contentTypes), '[Content_Types].xml', options);
  zip.addBuffer(Buffer.from(ROOT_RELS), '_rels/.rels', options);
  zip.addBuffer(Buffer.from(parts.workbook), 'xl/workbook.xml', options);
  zip.addBuffer(Buffer.from(parts.workbookRels), 'xl/_rels/workbook.xml.rels', options);
  zip.addBuffer(Buffer.from(styles.xml()), 'xl/styles.xml', options);
  // One chunk buffered ahead at most (an object stream's default would read 16 ahead).
  const streams = sheets.map((sheet) => Readable.from(sheet.chunks, { objectMode: true, highWaterMark: 1 }));
  streams.forEach((stream, index) => zip.addReadStreamLazy(sheetPath(index + 1), options, (callback) => callback(null, stream)));
  // Pulled after the last sheet (yazl writes its entries one after the other): by then the table is complete.
  if (shared) {
    const stream = Readable.from(shared.chunks(), { objectMode: true, highWaterMark: 1 });
    streams.push(stream);
    zip.addReadStreamLazy(SHARED_STRINGS_PATH, options, (callback) => callback(null, stream));
  }
  zip.end();

  // yazl neither forwards an error of the entry's source nor ends its output on one: fail the output.
  const output = zip.outputStream as PassThrough;
  const fail = (error: Error) => output.destroy(error);
  for (const stream of streams) stream.on('error', fail);
  zip.on('error', fail);
  const file = createWriteStream(path, { flags: 'wx', mode: OWNER_ONLY });
  try {
    await pipeline(output, file);
  } catch (error) {
    for (const stream of streams) stream.destroy();
    // The caller deletes the temp file: let the descriptor be closed first (Windows cannot delete an open file).
    if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
    throw error;
  }
}
