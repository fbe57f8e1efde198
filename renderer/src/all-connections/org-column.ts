import type { ColumnDef } from '@tanstack/react-table';
import type { InvoiceListRow } from '../../../electron/contract';
import type { GridColumn } from '../workspace/invoice-columns';
import type { CombinedRow } from './combine-lists';
import type { ConnectionTrouble } from '../connections/connection-trouble';

/**
 * The Org column of the combined grid: the connection's name; muted, with a tooltip saying why, for the rows of an
 * org that cannot be reached or needs a new sign-in (they are as last synced). Sortable (A…Z by name, each
 * org's invoices by number); always shown.
 */
export function orgColumn(label: string, staleWords: (org: string, why: Exclude<ConnectionTrouble, null>) => string, stale: ReadonlyMap<string, ConnectionTrouble>): ColumnDef<InvoiceListRow> {
  const org = (row: InvoiceListRow) => (row as CombinedRow).org;
  const why = (row: InvoiceListRow) => stale.get((row as CombinedRow).connectionId) ?? null;
  const meta: GridColumn = {
    id: 'org' as GridColumn['id'],
    numeric: false,
    hideable: false,
    label,
    width: '10rem',
    text: org,
    title: (row) => {
      const reason = why(row);
      return reason ? staleWords(org(row), reason) : org(row);
    },
    muted: (row) => why(row) !== null,
  };
  return { id: 'org', header: label, enableHiding: false, sortDescFirst: false, accessorFn: org, meta, cell: ({ row }) => org(row.original) };
}
