import type { AgingBasis, ChannelInput, ExportColumn } from '../../../electron/contract';
import type { CombinedRow } from './combine-lists';

interface Options {
  connections: readonly string[];
  rows: readonly CombinedRow[];
  /** The rows on screen, in order (indexes into `rows`). */
  shown: ArrayLike<number>;
  /** The grid's columns on screen, Org first. */
  columns: readonly string[];
  asOf: string;
  balancesAsOf: boolean;
  agingBasis: AgingBasis;
  includeDrafts: boolean;
  /** The active filters as the chips say them (the org filter's too), for the XLSX Summary sheet. */
  filters: string[];
}

/**
 * The export request of the combined view: each row by its own record id and the place of its connection among
 * `connections` (`invoices.export` `combined`), the Org column with the columns on screen and the aging bucket.
 */
export function combinedExport({ connections, rows, shown, columns, ...basis }: Options): Omit<ChannelInput<'invoices.export'>, 'connectionId' | 'format'> {
  const place = new Map(connections.map((id, k) => [id, k]));
  const ids = new Array<string>(shown.length);
  const orgOf = new Array<number>(shown.length);
  for (let i = 0; i < shown.length; i++) {
    const row = rows[shown[i]!]!;
    ids[i] = row.sourceId;
    orgOf[i] = place.get(row.connectionId)!;
  }
  return { ids, columns: [...(columns as ExportColumn[]), 'agingBucket'], ...basis, combined: { connections: [...connections], orgOf } };
}
