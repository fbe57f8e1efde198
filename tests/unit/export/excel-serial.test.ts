import { describe, expect, it } from 'vitest';
import type { ExportColumn, InvoiceRow } from '../../../electron/contract';
import { namespaces } from '../../../electron/contract/i18n/catalogue';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { columnLabels } from '../../../electron/core/export/export-cells';
import type { ExportRows } from '../../../electron/core/export/export-rows';
import { SheetBytes } from '../../../electron/core/export/xlsx-bytes';
import { SheetStyles } from '../../../electron/core/export/xlsx-parts';
import { CellXml, dateSerial, instantSerial } from '../../../electron/core/export/xlsx-sheet';
import { SheetRows } from '../../../electron/core/export/xlsx-sheet-rows';
import { copyExportRows } from '../../../electron/core/invoices/read/export-rows';
import { chunksOf, RowColumns } from '../../../electron/core/invoices/snapshot/row-columns';
import { columnSnapshot } from '../../../electron/core/invoices/snapshot/snapshot';
import { exportRow } from '../../support/export-row';

/**
 * Excel's serials of the 1900 date system, as Excel itself gives them (DATE(1900,1,1) = 1, DATE(1900,2,28) = 59,
 * DATE(1900,3,1) = 61: Excel keeps a 1900-02-29 that never was as 60) and as a reader that knows it turns them back
 * (openpyxl's from_excel: 1 → 1900-01-01, 59 → 1900-02-28, 61 → 1900-03-01, 46362 → 2026-12-06). Before 1900-03-01 a plain
 * day count from 1899-12-30 is one too many: a day written so read back as the next day.
 */
const KNOWN: [day: string, serial: number][] = [
  ['1900-01-01', 1],
  ['1900-01-31', 31],
  ['1900-02-28', 59],
  ['1900-03-01', 61],
  ['1900-03-02', 62],
  ['1970-01-01', 25569],
  ['2026-12-06', 46362],
];
const INSTANTS: [instant: string, serial: number][] = [
  ['1900-01-01T12:00:00.000Z', 1.5],
  ['1900-02-28T18:00:00.000Z', 59.75],
  ['1900-03-01T00:00:00.000Z', 61],
  ['2026-12-06T06:00:00.000Z', 46362.25],
];
/** No serial in the 1900 system (0 shows as "1900-01-00", below it "#####"): written as text. */
const BEFORE_1900 = ['1899-12-31', '1899-12-30', '1850-06-15'];
const INSTANTS_BEFORE_1900 = ['1899-12-31T23:59:59.999Z', '1899-12-30T00:00:00.000Z', '1700-01-01T00:00:00.000Z'];

const t = createI18n('en').getFixedT('en', namespaces);
const columns: ExportColumn[] = ['number', 'invoiceDate', 'lastModified'];

/** The invoice sheet's bytes for these rows (SheetRows: the byte writer of the invoices sheet). */
function sheetXml(rows: ExportRows): string {
  const out = new SheetBytes(256);
  new SheetRows(columns, columnLabels(t), { asOf: '2026-12-06' }, new SheetStyles()).write(rows, 0, rows.length, out);
  const chunks: Buffer[] = [];
  for (const chunk of out.handOut()) chunks.push(Buffer.from(chunk));
  out.finish();
  for (const chunk of out.handOut()) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** Per cell reference: its number, or its text. */
function cells(xml: string): Map<string, number | string> {
  const out = new Map<string, number | string>();
  for (const [, ref, body] of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*>(.*?)<\/c>/g)) {
    const value = /^<v>(.*)<\/v>$/.exec(body!);
    out.set(ref!, value ? Number(value[1]) : /<t[^>]*>(.*)<\/t>/.exec(body!)![1]!);
  }
  return out;
}

describe('XLSX day and instant serials (the 1900 date system)', () => {
  it('the string writer: Excel’s serials, one less before 1900-03-01; a day before 1900 is no serial', () => {
    for (const [day, serial] of KNOWN) expect(dateSerial(day), day).toBe(serial);
    for (const [instant, serial] of INSTANTS) expect(instantSerial(instant), instant).toBe(serial);
    for (const day of BEFORE_1900) expect(dateSerial(day), day).toBeNull();
    for (const instant of INSTANTS_BEFORE_1900) expect(instantSerial(instant), instant).toBeNull();
    const xml = new CellXml(new SheetStyles());
    expect(xml.dateCell('B2', '1900-02-28')).toMatch(/<v>59<\/v>/);
    expect(xml.dateCell('B2', '1899-12-31')).toBe('<c r="B2" t="inlineStr"><is><t>1899-12-31</t></is></c>');
    expect(xml.instantCell('C2', '1899-12-31T23:59:59.999Z')).toBe('<c r="C2" t="inlineStr"><is><t>1899-12-31T23:59:59.999Z</t></is></c>');
  });

  it('the invoices sheet’s byte writer: the same serials, from rows and from the copy’s columns read in place', () => {
    const days = [...KNOWN.map(([day]) => day), ...BEFORE_1900];
    const instants = [...INSTANTS.map(([instant]) => instant), ...INSTANTS_BEFORE_1900];
    const rows: InvoiceRow[] = Array.from({ length: Math.max(days.length, instants.length) }, (_, n) =>
      exportRow(n, { invoiceDate: days[n] ?? null, lastModified: instants[n] ?? null }));
    const meta = { object: 'Invoice', signature: 's', syncedAt: '2026-12-06T00:00:00.000Z', watermark: null };
    const inPlace = copyExportRows(columnSnapshot(meta, new RowColumns(chunksOf(rows, 4)))).rowsOf(rows.map((row) => row.id));
    expect(inPlace.atInPlace, 'the copy’s reader reads in place').toBeTypeOf('function');
    for (const source of [rows, inPlace]) {
      const got = cells(sheetXml(source));
      KNOWN.forEach(([, serial], n) => expect(got.get(`B${n + 2}`), KNOWN[n]![0]).toBe(serial));
      BEFORE_1900.forEach((day, k) => expect(got.get(`B${KNOWN.length + k + 2}`), day).toBe(day));
      INSTANTS.forEach(([, serial], n) => expect(got.get(`C${n + 2}`), INSTANTS[n]![0]).toBe(serial));
      INSTANTS_BEFORE_1900.forEach((instant, k) => expect(got.get(`C${INSTANTS.length + k + 2}`), instant).toBe(instant));
    }
  });
});
