import { agingBucketOf, type AgingBasis } from '../invoices/aging';
import { daysOverdueAt, KIND_CANCELLED, KIND_DRAFT, type PreparedInvoices } from '../invoices/prepared';
import type { Standing } from './DetailStanding';

/** Where row `i` stands as of the day, by the grid's and the chart's own rules; undefined for a row not in the list. */
export function standingOf(prepared: PreparedInvoices, i: number, asOfDay: number, basis: AgingBasis): Standing | undefined {
  if (i < 0 || i >= prepared.counted.length) return undefined;
  const code = prepared.kind[i];
  return {
    kind: code === KIND_DRAFT ? 'draft' : code === KIND_CANCELLED ? 'cancelled' : 'posted',
    counted: prepared.counted[i] === 1,
    daysOverdue: daysOverdueAt(prepared, i, asOfDay),
    bucket: agingBucketOf(prepared, i, asOfDay, basis),
  };
}
