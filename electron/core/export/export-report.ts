import type { InvoiceListRow } from '../../contract';
import type { CustomerDirectory } from '../../contract/customer-directory';
import type { CatalogueT } from '../../contract/i18n/catalogue';
import type { StatusKindMap } from '../../contract/invoice-status';
import { writeAtomically } from '../invoices/cache/atomic-file';
import type { EventSink, SaveDialog } from '../ports';
import type { CellContext, RowStatusKinds } from './export-cells';
import type { RowConversion } from './export-conversion';
import type { ExportRequest } from './export-request';
import { agingByCustomer, corporateAgingByCustomer, reportSheet } from './report-tables';
import { summarySheet, type SummaryFacts } from './summary-sheet';
import { writeTableWorkbook } from './xlsx-writer';

/** What the Summary sheet says besides the request: the connection, the sync, who and when. */
export type ExportFacts = Pick<SummaryFacts, 'connection' | 'syncedAt' | 'exportedBy' | 'exportedAt' | 'orgs'>;

/** The receivable rules and as-of date of a request, as every cell and sum of an export uses them. */
export function cellContext(request: ExportRequest, statusKinds: StatusKindMap | RowStatusKinds | undefined, t: CatalogueT): CellContext {
  const kinds = typeof statusKinds === 'function' ? { statusKindsOf: statusKinds } : { statusKinds };
  return { asOf: request.asOf, ...kinds, includeDrafts: request.includeDrafts ?? false, basis: request.agingBasis ?? 'dueDate', currentLabel: t('workspace:agingCurrent') };
}

/** The Summary sheet's facts for this request and these rows. */
export function summaryFacts(request: ExportRequest, facts: ExportFacts, invoices: number): SummaryFacts {
  return {
    ...facts,
    asOf: request.asOf,
    balancesAsOf: request.balancesAsOf ?? false,
    basis: request.agingBasis ?? 'dueDate',
    includeDrafts: request.includeDrafts ?? false,
    filters: request.filters ?? [],
    invoices,
  };
}

/**
 * The aging-by-customer report as XLSX: one sheet per currency (customers × buckets, totals), one in the corporate
 * currency when the view is converted, and the Summary sheet. `ids` are the invoices the report on screen is over
 * (the workspace's filtered set); sums by the request's rules, as the screen's. Written complete or not at all.
 */
export async function exportAgingReport(
  request: ExportRequest,
  rowsById: Pick<ReadonlyMap<string, InvoiceListRow>, 'get'>,
  ports: { saveDialog: SaveDialog; events: EventSink; t: CatalogueT },
  conversion: RowConversion | null,
  statusKinds: StatusKindMap | undefined,
  facts: ExportFacts,
  /** The customers of the whole copy (customerDirectory of its rows): the lines' names, as on screen. */
  customers: CustomerDirectory,
): Promise<{ path: string | null; rows: number }> {
  const { t } = ports;
  const path = await ports.saveDialog.choosePath({
    defaultName: `${t('report:fileReport')}-${request.asOf}.xlsx`,
    filters: [{ name: t('columns:fileXlsx'), extensions: ['xlsx'] }],
  });
  if (path === null) return { path: null, rows: 0 };
  const rows = request.ids.flatMap((id) => rowsById.get(id) ?? []);
  ports.events.emit('invoices.exportProgress', { written: 0, total: rows.length });
  const context = cellContext(request, statusKinds, t);
  const tables = agingByCustomer(rows, context, customers);
  const corporate = conversion ? corporateAgingByCustomer(rows, context, conversion, customers) : null;
  const counted = tables.reduce((n, table) => n + table.totals.count, 0);
  const sheets = [
    ...(corporate?.table ? [reportSheet(t, corporate.table, true)] : []),
    ...tables.map((table) => reportSheet(t, table, false)),
    summarySheet(t, summaryFacts(request, facts, counted), tables, corporate),
  ];
  await writeAtomically(path, (temp) => writeTableWorkbook(temp, sheets));
  ports.events.emit('invoices.exportProgress', { written: rows.length, total: rows.length });
  return { path, rows: rows.length };
}
