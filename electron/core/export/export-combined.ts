import type { InvoiceListRow } from '../../contract';
import type { StatusKindMap } from '../../contract/invoice-status';
import type { CatalogueT } from '../../contract/i18n/catalogue';
import type { EventSink, SaveDialog } from '../ports';
import { exportInvoices } from './export-invoices';
import type { ExportRequest } from './export-request';

/** One connection's part of a combined export: its rows by id (as of the date asked), what its statuses mean, its name. */
export interface CombinedSource {
  rows: Pick<ReadonlyMap<string, InvoiceListRow>, 'get'>;
  statusKinds: StatusKindMap;
  label: string;
}

/**
 * "All connections" (#21): exactly the rows on screen, in their order, each read from its own org's copy and
 * tagged with its connection's name (the `org` column). `ids[i]` belongs to `connections[orgOf[i]]`; a connection
 * without a copy (never synced) contributes nothing, like a row deleted meanwhile. Each row's status is read with
 * its own org's meanings (days overdue, aging bucket), as the combined view counts it. No Summary sheet (it
 * describes one connection) and no Applications sheet.
 */
export async function exportCombined(
  request: ExportRequest & { combined: NonNullable<ExportRequest['combined']> },
  sourceOf: (connectionId: string) => Promise<CombinedSource | null>,
  ports: { saveDialog: SaveDialog; events: EventSink; t: CatalogueT },
): Promise<{ path: string | null; rows: number }> {
  const { connections, orgOf } = request.combined;
  const sources = await Promise.all(connections.map(sourceOf));
  const kindsOfRow = new WeakMap<object, StatusKindMap>();
  const keys = request.ids.map((id, i) => `${orgOf[i]}:${id}`);
  const rowOf = (key: string): InvoiceListRow | undefined => {
    const cut = key.indexOf(':');
    const source = sources[Number(key.slice(0, cut))];
    const row = source?.rows.get(key.slice(cut + 1));
    if (!row || !source) return undefined;
    const tagged = { ...row, org: source.label } as InvoiceListRow;
    kindsOfRow.set(tagged, source.statusKinds);
    return tagged;
  };
  return exportInvoices({ ...request, ids: keys }, { get: rowOf }, ports, () => null, null, (row) => kindsOfRow.get(row));
}
