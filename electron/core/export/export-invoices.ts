import type { ChannelInput, InvoiceListRow } from '../../contract';
import type { CatalogueT } from '../../contract/i18n/catalogue';
import { writeAtomically } from '../invoices/cache/atomic-file';
import type { EventSink, SaveDialog } from '../ports';
import { writeCsv, type ExportJob } from './csv-writer';
import { columnLabels } from './export-cells';
import { writeXlsx } from './xlsx-writer';

export type ExportRequest = Omit<ChannelInput<'invoices.export'>, 'connectionId'>;

/**
 * Exports exactly the rows the user sees, in their order: `ids` come from the workspace (filtered
 * and sorted there), the values from the cached snapshot. Ids no longer in the snapshot (deleted by
 * a sync meanwhile) are skipped; `rows` tells how many were written. The file appears complete or
 * not at all (temp file + rename). Header row, file name and dialog filters in the user's language (`t`).
 */
export async function exportInvoices(
  request: ExportRequest,
  rowsById: ReadonlyMap<string, InvoiceListRow>,
  ports: { saveDialog: SaveDialog; events: EventSink; t: CatalogueT },
): Promise<{ path: string | null; rows: number }> {
  const extension = request.format;
  const path = await ports.saveDialog.choosePath({
    defaultName: `${ports.t('columns:fileInvoices')}-${request.asOf}.${extension}`,
    filters: [extension === 'csv' ? { name: ports.t('columns:fileCsv'), extensions: ['csv'] } : { name: ports.t('columns:fileXlsx'), extensions: ['xlsx'] }],
  });
  if (path === null) return { path: null, rows: 0 };
  const rows: InvoiceListRow[] = [];
  for (const id of request.ids) {
    const row = rowsById.get(id);
    if (row) rows.push(row);
  }
  const total = rows.length;
  const job: ExportJob = {
    rows,
    columns: request.columns,
    labels: columnLabels(ports.t),
    asOf: request.asOf,
    onProgress: (written) => ports.events.emit('invoices.exportProgress', { written, total }),
  };
  ports.events.emit('invoices.exportProgress', { written: 0, total });
  await writeAtomically(path, (temp) => (request.format === 'csv' ? writeCsv(temp, job) : writeXlsx(temp, job)));
  return { path, rows: total };
}
