import { CustomerAgingSums, type CustomerAgingTable } from '../../../electron/contract/customer-aging';
import { customerDirectory, customerOf } from '../../../electron/contract/customer-directory';
import type { ConvertedRows } from '../../../electron/contract/conversion/convert';
import { agingBucketOf, type AgingBasis, type AgingBucketKey } from '../invoices/aging';
import type { PreparedInvoices } from '../invoices/prepared';
import { SUM_SCALE } from '../../../electron/contract/sum-scale';

/**
 * Aging by customer of the rows given (the workspace's filtered set), one table per currency, by the cards' own rule
 * (agingBucketOf: receivables only, open balance, as-of day and basis). Balances summed in thousandths (SUM_SCALE), as the cards.
 * A line per customer (its account when the copy has ids), named from every row of the copy (customer-directory.ts).
 */
export function customerAgingOf(prepared: PreparedInvoices, members: ArrayLike<number>, asOfDay: number, basis: AgingBasis): CustomerAgingTable[] {
  const sums = new CustomerAgingSums(() => SUM_SCALE, customerDirectory(prepared.rows).label);
  for (let k = 0; k < members.length; k++) {
    const i = members[k]!;
    const bucket = agingBucketOf(prepared, i, asOfDay, basis);
    if (!bucket) continue;
    const row = prepared.rows[i]!;
    sums.add(row.currency, customerOf(row), bucket, Math.round((row.balance ?? 0) * SUM_SCALE));
  }
  return sums.tables();
}

/**
 * The same in the corporate currency: each invoice's converted open balance (rounded per invoice, then summed), in
 * one table; `missing` counts the invoices with an open balance left out because they have no rate.
 */
export function corporateCustomerAging(
  converted: ConvertedRows,
  prepared: PreparedInvoices,
  members: ArrayLike<number>,
  bucketOf: (i: number) => AgingBucketKey | null,
): { table: CustomerAgingTable | null; missing: number } {
  const sums = new CustomerAgingSums(() => 10 ** converted.decimals, customerDirectory(prepared.rows).label);
  let missing = 0;
  for (let k = 0; k < members.length; k++) {
    const i = members[k]!;
    const bucket = bucketOf(i);
    if (!bucket) continue;
    const balance = converted.balance[i]!;
    if (converted.rate[i]! < 0 || Number.isNaN(balance)) {
      missing++;
      continue;
    }
    sums.add(converted.corporate, customerOf(prepared.rows[i]!), bucket, balance);
  }
  return { table: sums.tables()[0] ?? null, missing };
}
