import { AppError, type InvoiceListRow } from '../../contract';
import { englishMessage } from '../../contract/i18n/spoken-messages';
import type { ExportRequest } from './export-request';
import type { CatalogueT } from '../../contract/i18n/catalogue';
import type { StatusKindMap } from '../../contract/invoice-status';
import { writeAtomically } from '../invoices/cache/atomic-file';
import type { EventSink, SaveDialog } from '../ports';
import { EXCEL_DECIMAL_COMMA, writeCsv, type ExportJob } from './csv-writer';
import { columnLabels, type RowStatusKinds } from './export-cells';
import type { RowConversion } from './export-conversion';
import type { ApplicationRows, ApplicationsSheet } from './xlsx-applications';
import { writeXlsx } from './xlsx-writer';
import { cellContext, summaryFacts, type ExportFacts } from './export-report';
import { SummaryTotals } from './report-tables';
import { summarySheet } from './summary-sheet';
import { exportRowsOf, type ExportRows, type ExportRowSource } from './export-rows';

/** The "Applications" sheet's words in the user's language around its rows; none without rows to list. */
function applicationsSheet(applications: ApplicationRows | null, t: CatalogueT, asOf: string): ApplicationsSheet | undefined {
  if (!applications) return undefined;
  return {
    name: t('columns:sheetApplications'),
    // "All connections": invoice numbers repeat across orgs, so each application says its org.
    ...(applications.byOrg ? { orgLabel: t('columns:org') } : {}),
    labels: [t('columns:applicationInvoice'), t('columns:applicationKind'), t('columns:applicationDate'), t('columns:applicationAmount'), t('columns:currency'), t('columns:applicationRecord'), t('columns:applicationCounted')],
    kinds: { payment: t('receivables:payment'), credit: t('receivables:credit'), paymentReversed: t('receivables:paymentReversed'), creditReversed: t('receivables:creditReversed') },
    counted: {
      yes: t('columns:applicationCountedYes'),
      no: (why) => t('columns:applicationNotCounted', { why: why.join('; ') }),
      otherCurrency: (currency, invoiceCurrency) => t('columns:applicationWhyCurrency', { currency, invoiceCurrency }),
      notPositive: t('columns:applicationWhyAmount'),
      later: t('columns:applicationWhyLater', { date: asOf }),
    },
    applications,
  };
}


/** What an export asks of the app: where to save, progress, the user's words and (for counts in messages) their locale. */
export interface ExportPorts {
  saveDialog: SaveDialog;
  events: EventSink;
  t: CatalogueT;
  /** The locale numbers are formatted in (Settings → Language, else the computer's); absent: en-US. */
  locale?: string;
}

/** An Excel sheet holds 1,048,576 rows (Excel's specifications and limits); the header takes one. Also checked by the writer (xlsx-writer.ts). */
const XLSX_MAX_DATA_ROWS = 1_048_575;

/** More rows than a sheet holds: refused with their count as the user writes numbers ("1,048,576", "1.048.576"). */
function refuseRowsPastExcel(count: number, locale = 'en-US'): void {
  if (count > XLSX_MAX_DATA_ROWS) throw new AppError('INVALID_INPUT', englishMessage('xlsxTooManyRows', { rows: new Intl.NumberFormat(locale).format(count) }));
}

/**
 * Exports exactly the rows the user sees, in their order: `ids` come from the workspace (filtered
 * and sorted there), the values from the cached snapshot. Ids no longer in the snapshot (deleted by
 * a sync meanwhile) are skipped; `rows` tells how many were written. The file appears complete or
 * not at all (temp file + rename). XLSX also lists every payment and credit application of those
 * invoices on an "Applications" sheet when the org has payment objects, and a Summary sheet (the audit trail). Header row, file name and dialog filters in the user's language (`t`).
 */
export async function exportInvoices(
  request: ExportRequest,
  /** The rows by id (a Map), or the offline copy's reader of the ids asked (invoices/read/export-rows.ts: no row object per invoice). */
  source: ExportRowSource,
  ports: ExportPorts,
  /** The applications of the exported invoices, for the XLSX "Applications" sheet; null without payment objects. */
  applicationsOf: (rows: ExportRows) => ApplicationRows | null = () => null,
  /** The corporate-currency view's conversion (the conversion columns), null when the copy has no rates. */
  conversion: RowConversion | null = null,
  /** What each status means for receivables (from the invoice-source mapping), for days overdue and the aging bucket. */
  statusKinds?: StatusKindMap | RowStatusKinds,
  /** For the XLSX Summary sheet: the connection, the sync, who exports and when (no Summary sheet without). */
  facts?: ExportFacts,
): Promise<{ path: string | null; rows: number }> {
  const extension = request.format;
  // The rows the user sees (those the copy still has), counted before anyone is asked where to save: a workbook that cannot
  // hold them is refused now, with their count in the user's format, not after the dialog (the writer refuses too).
  const rows = exportRowsOf(source, request.ids);
  // The Applications sheet's rows too (one per application of those invoices): counted now, as the writer would find them.
  const applications = request.format === 'xlsx' ? applicationsOf(rows) : null;
  if (request.format === 'xlsx') {
    refuseRowsPastExcel(rows.length, ports.locale);
    if (applications) refuseRowsPastExcel(applications.count, ports.locale);
  }
  const path = await ports.saveDialog.choosePath({
    defaultName: `${ports.t('columns:fileInvoices')}-${request.asOf}.${extension}`,
    filters: [extension === 'csv' ? { name: ports.t('columns:fileCsv'), extensions: ['csv'] } : { name: ports.t('columns:fileXlsx'), extensions: ['xlsx'] }],
  });
  if (path === null) return { path: null, rows: 0 };
  const total = rows.length;
  const context = cellContext(request, statusKinds, ports.t);
  // The Summary sheet's bucket totals are those of the rows in the file, summed as the rows are written (the sums of
  // the aging-by-customer report's total rows); the sheet is made after the invoices' (it is the workbook's last).
  const totals = request.format === 'xlsx' && facts ? new SummaryTotals(context, conversion, facts.orgs !== undefined) : null;
  const summary =
    totals && facts
      ? {
          name: ports.t('report:sheetSummary'),
          build: () => summarySheet(ports.t, summaryFacts(request, facts, total), totals.tables(), totals.corporate(), totals.perOrg()),
        }
      : undefined;
  const job: ExportJob = {
    rows,
    columns: request.columns,
    labels: columnLabels(ports.t, conversion?.corporate),
    ...(conversion ? { conversion } : {}),
    cells: context,
    sheetName: ports.t('columns:sheetInvoices'),
    applications: request.format === 'xlsx' ? applicationsSheet(applications, ports.t, request.asOf) : undefined,
    ...(summary && totals ? { summary, tally: (row: InvoiceListRow) => totals.add(row) } : {}),
    ...(request.format === 'csv' && request.csvExcel ? { csv: EXCEL_DECIMAL_COMMA } : {}),
    onProgress: (written) => ports.events.emit('invoices.exportProgress', { written, total }),
  };
  ports.events.emit('invoices.exportProgress', { written: 0, total });
  await writeAtomically(path, (temp) => (request.format === 'csv' ? writeCsv(temp, job) : writeXlsx(temp, job)));
  return { path, rows: total };
}
