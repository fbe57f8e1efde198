import { bucketOf, BUCKETS, type Basis, type Bucket, type OrgInvoice } from '../workspace/expected';

/**
 * Aging by customer computed independently from the org's records (none of the app's code): per currency, per
 * customer name (null: no customer), the open balance of each bucket in minor units, then major.
 */
export interface ExpectedLine {
  customer: string | null;
  amounts: Record<Bucket, number>;
  total: number;
}

export interface ExpectedTable {
  currency: string;
  lines: ExpectedLine[];
  totals: Record<Bucket | 'total', number>;
}

const cents = (n: number) => Math.round(n * 100);

export function expectedAgingByCustomer(rows: OrgInvoice[], asOf: string, basis: Basis = 'dueDate'): ExpectedTable[] {
  const by = new Map<string, Map<string | null, Record<Bucket, number>>>();
  for (const inv of rows) {
    const bucket = bucketOf(inv, asOf, basis);
    if (!bucket) continue;
    let customers = by.get(inv.currency);
    if (!customers) by.set(inv.currency, (customers = new Map()));
    const key = inv.customer || null;
    let sums = customers.get(key);
    if (!sums) customers.set(key, (sums = Object.fromEntries(BUCKETS.map((b) => [b, 0])) as Record<Bucket, number>));
    sums[bucket] += cents(inv.balance ?? 0);
  }
  return [...by.keys()].sort().map((currency) => {
    const totals = Object.fromEntries([...BUCKETS, 'total'].map((b) => [b, 0])) as Record<Bucket | 'total', number>;
    const lines = [...by.get(currency)!.entries()].map(([customer, sums]) => {
      let total = 0;
      for (const b of BUCKETS) {
        total += sums[b];
        totals[b] += sums[b];
      }
      totals.total += total;
      return { customer, amounts: Object.fromEntries(BUCKETS.map((b) => [b, sums[b] / 100])) as Record<Bucket, number>, total: total / 100 };
    });
    for (const key of Object.keys(totals) as (Bucket | 'total')[]) totals[key] /= 100;
    return { currency, lines, totals };
  });
}
