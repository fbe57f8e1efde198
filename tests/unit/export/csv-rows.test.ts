import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportColumn, InvoiceListRow, InvoiceRow } from '../../../electron/contract';
import { namespaces } from '../../../electron/contract/i18n/catalogue';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { writeCsv, type CsvDialect } from '../../../electron/core/export/csv-writer';
import { columnLabels, csvText, toCell, type CellContext } from '../../../electron/core/export/export-cells';
import type { RowConversion } from '../../../electron/core/export/export-conversion';
import type { ExportRows } from '../../../electron/core/export/export-rows';
import { copyExportRows } from '../../../electron/core/invoices/read/export-rows';
import { chunksOf, RowColumns } from '../../../electron/core/invoices/snapshot/row-columns';
import { columnSnapshot } from '../../../electron/core/invoices/snapshot/snapshot';
import { exportRow } from '../../support/export-row';
import { tempDir } from '../../support/test-ports';

/**
 * The CSV's lines written as bytes (csv-rows.ts) against a reference that does not share its code: each cell's text
 * as csvText gives it, quoted by RFC 4180's rule written out here (a field holding the separator, a quote, CR or LF is
 * quoted, quotes doubled), joined by the separator, CRLF after each line, UTF-8 with a BOM.
 */

const t = createI18n('en').getFixedT('en', namespaces);
const context: CellContext = { asOf: '2026-11-29', currentLabel: 'Current' };
const COLUMNS: ExportColumn[] = [
  'number', 'customer', 'invoiceDate', 'dueDate', 'status', 'total', 'balance', 'currency', 'lastModified', 'daysOverdue', 'agingBucket',
  'paid', 'lastPaymentDate', 'fullyPaidOn', 'daysToPay', 'convertedTotal', 'convertedBalance', 'conversionRate', 'conversionRateDate', 'org',
];
const PLAIN: CsvDialect = { separator: ',', decimalComma: false };
const EXCEL: CsvDialect = { separator: ';', decimalComma: true };

const AWKWARD = [
  'Plain ASCII', 'Smith, Sons; "Ltd"', '=HYPERLINK("http://evil.example","click")', '+1', '-2', '@SUM(A1:A9)', '\t=1', '\r=1', 'two\nlines',
  'bare\rCR', ' edge spaces ', 'Müller; Söhne', '請求書 🧾', 'lone \uD800 high', '', 'semi;colon', 'comma,here', "'already", '"', 'x'.repeat(70_000),
];
const AMOUNTS = [0, -0, 1, -1, 0.1 + 0.2, 1234.56, -0.01, 99_999_999.99, 1e21, 123456789012.345, 0.000001, 5e-7, 1 / 3, Number.NaN, null];
const DAYS = ['2026-01-31', '2025-12-01', '2024-02-29', 'not, a day', '2026-1-5', '"x"', '', null];
const INSTANTS = ['2026-11-29T10:11:12.345Z', '1969-12-31T23:59:59.999Z', 'garbage, "quoted"', 'Ωmega', '', null];

function rowsFor(count: number): InvoiceListRow[] {
  return Array.from({ length: count }, (_, n) => ({
    ...exportRow(n, {
      number: n % 7 === 0 ? AWKWARD[n % AWKWARD.length]! : `INV-${n}`,
      customer: n % 11 === 0 ? null : AWKWARD[(n * 3) % AWKWARD.length]!,
      invoiceDate: DAYS[n % DAYS.length]!,
      dueDate: DAYS[(n * 5) % DAYS.length]!,
      status: ['Posted', 'Draft', null, 'Paid, Closed', '=cmd'][n % 5]!,
      total: AMOUNTS[n % AMOUNTS.length]!,
      balance: AMOUNTS[(n * 7) % AMOUNTS.length]!,
      currency: ['USD', 'JPY', 'EUR', 'X;Y'][n % 4]!,
      lastModified: INSTANTS[n % INSTANTS.length]!,
    }),
    paid: n % 4 ? (AMOUNTS[(n * 3) % AMOUNTS.length] ?? undefined) : undefined,
    lastPaymentDate: DAYS[(n * 3) % DAYS.length],
    fullyPaidOn: DAYS[(n * 11) % DAYS.length],
    daysToPay: n % 6 ? n - 300 : null,
    org: n % 2 ? 'Org, "one"' : '',
  }) as InvoiceListRow);
}

const conversion: RowConversion = {
  corporate: 'EUR',
  of: (r) => ({ total: r.total === null ? null : r.total * 0.9, balance: r.balance === null ? null : Math.round((r.balance / 1.0837) * 100) / 100, rate: 1.0837, rateDate: r.invoiceDate }),
};

/** The file's bytes as the rules say, from the rows as objects (a lone surrogate is written as U+FFFD, as any UTF-8 encoder does). */
function expectedCsv(rows: readonly InvoiceListRow[], columns: readonly ExportColumn[], dialect: CsvDialect): Buffer {
  const sep = dialect.separator;
  const quote = (text: string) => (text.includes(sep) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const labels = columnLabels(t, 'EUR');
  const header = columns.map((column) => quote(labels[column])).join(sep);
  const lines = rows.map((row) => columns.map((column) => quote(csvText(toCell(row, column, context, conversion), dialect.decimalComma))).join(sep));
  return Buffer.from('\ufeff' + [header, ...lines].map((line) => line + '\r\n').join(''), 'utf8');
}

describe('CSV lines as bytes', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(() => temp.remove());

  async function written(rows: ExportRows, columns: readonly ExportColumn[], dialect: CsvDialect, name: string): Promise<{ text: Buffer; progress: number[] }> {
    const path = join(temp.dir, name);
    const progress: number[] = [];
    await writeCsv(path, { rows, columns, labels: columnLabels(t, 'EUR'), cells: context, conversion, sheetName: 'x', csv: dialect, onProgress: (n) => void progress.push(n) });
    return { text: readFileSync(path), progress };
  }

  it('every column, odd values, both dialects: the rules’ bytes, through several buffers (a field longer than one too)', async () => {
    // 5,000 rows: several 2,000-row batches and 256 KiB buffers, a 70,000-character field among them.
    const rows = rowsFor(5_000);
    for (const [dialect, name] of [[PLAIN, 'plain.csv'], [EXCEL, 'excel.csv']] as const) {
      const { text, progress } = await written(rows, COLUMNS, dialect, name);
      expect(text.equals(expectedCsv(rows, COLUMNS, dialect)), `${name}: same bytes`).toBe(true);
      expect(progress).toEqual([2000, 4000, 5000]);
    }
  });

  it('rows read in place from the copy’s columns (number and instant left in the chunk) write the rules’ bytes, in any order', async () => {
    const columns: ExportColumn[] = ['number', 'customer', 'invoiceDate', 'dueDate', 'status', 'total', 'balance', 'currency', 'lastModified', 'daysOverdue', 'agingBucket', 'convertedBalance'];
    const rows = rowsFor(400).map((row) => {
      const { paid: _paid, lastPaymentDate: _l, fullyPaidOn: _f, daysToPay: _d, org: _o, ...plain } = row as InvoiceListRow & { org?: string };
      return plain as InvoiceRow;
    });
    // Backwards, then every third row again (a repeated id), and an id the copy does not have.
    const ids = [...rows.map((r) => r.id).reverse(), ...rows.filter((_, n) => n % 3 === 0).map((r) => r.id), 'a0Ggone'];
    const asked = ids.flatMap((id) => rows.filter((r) => r.id === id));
    const meta = { object: 'Invoice', signature: 's', syncedAt: '2026-11-29T12:00:00.000Z', watermark: null };
    for (const dialect of [PLAIN, EXCEL]) {
      const expected = expectedCsv(asked, columns, dialect);
      for (const size of [1, 7, 400]) {
        const reader = copyExportRows(columnSnapshot(meta, new RowColumns(chunksOf(rows, size)))).rowsOf(ids);
        expect(reader.atInPlace, 'the copy’s reader reads in place').toBeTypeOf('function');
        const { text } = await written(reader, columns, dialect, `in-place-${size}-${dialect.separator}.csv`);
        expect(text.equals(expected), `chunks of ${size}, "${dialect.separator}": same bytes`).toBe(true);
      }
      // A copy over rows (an older copy): nothing in a chunk, the row's own fields are written.
      const plain = copyExportRows({ ...meta, rows }).rowsOf(ids);
      expect((await written(plain, columns, dialect, `rows-${dialect.separator}.csv`)).text.equals(expected)).toBe(true);
    }
  });

  it('no rows: the header alone', async () => {
    const { text, progress } = await written([], ['number', 'total'], PLAIN, 'empty.csv');
    expect(text.toString('utf8')).toBe('\ufeffNumber,Total\r\n');
    expect(progress).toEqual([0]);
  });
});
