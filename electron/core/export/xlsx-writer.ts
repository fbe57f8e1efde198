import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import type { ExportColumn } from '../../contract';
import { OWNER_ONLY } from '../invoices/atomic-file';
import type { ExportJob } from './csv-writer';
import { PROGRESS_EVERY } from './csv-writer';
import { COLUMN_LABELS, currencyNumberFormat, escapeFormula, toCell, type Cell } from './export-cells';

const WIDTHS: Record<ExportColumn, number> = {
  number: 16, customer: 32, invoiceDate: 12, dueDate: 12, status: 14, total: 16, balance: 16, currency: 10, lastModified: 20, daysOverdue: 12,
};

function dateValue(isoDate: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  // Excel serials are computed from UTC by exceljs: UTC midnight is exactly that calendar day.
  return new Date(Date.UTC(year, month - 1, day));
}

function setCell(cell: ExcelJS.Cell, value: Cell): void {
  switch (value.kind) {
    case 'empty':
      return;
    case 'text':
      // Excel would not run a formula from a string cell, but other programs reading the file might.
      cell.value = escapeFormula(value.value);
      return;
    case 'number':
      cell.value = value.value;
      return;
    case 'money':
      cell.value = value.value;
      cell.numFmt = currencyNumberFormat(value.currency);
      return;
    case 'date':
      cell.value = dateValue(value.value);
      cell.numFmt = 'yyyy-mm-dd';
      return;
    case 'instant':
      cell.value = new Date(value.value);
      cell.numFmt = 'yyyy-mm-dd hh:mm:ss';
      return;
  }
}

/** XLSX through exceljs's streaming writer: each row is committed as it is written (bounded memory); owner-only file. */
export async function writeXlsx(path: string, job: ExportJob): Promise<void> {
  const stream = createWriteStream(path, { flags: 'wx', mode: OWNER_ONLY });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Invoices', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = job.columns.map((column) => ({ header: COLUMN_LABELS[column], key: column, width: WIDTHS[column] }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let written = 0;
  for (const row of job.rows) {
    const line = sheet.addRow([]);
    job.columns.forEach((column, index) => setCell(line.getCell(index + 1), toCell(row, column, job.asOf)));
    line.commit();
    written++;
    if (written % PROGRESS_EVERY === 0) {
      job.onProgress(written);
      // Let the zip stream drain to disk before producing more rows.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  job.onProgress(written);
  sheet.commit();
  await workbook.commit();
}
