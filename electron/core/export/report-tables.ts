import type { InvoiceListRow } from '../../contract';
import { agingBucketKeys, agingBucketLabels } from '../../contract/aging-buckets';
import { CustomerAgingSums, NO_CUSTOMER, type CustomerAgingTable } from '../../contract/customer-aging';
import { customerDirectory, customerOf, type CustomerDirectory } from '../../contract/customer-directory';
import type { CatalogueT } from '../../contract/i18n/catalogue';
import { agingBucketKeyOf, type Cell, type CellContext } from './export-cells';
import type { RowConversion } from './export-conversion';
import type { TableSheet } from './xlsx-table-sheet';
import { SUM_SCALE } from '../../contract/sum-scale';

/**
 * Aging by customer as the core computes it for a file, from the exported rows and the export's rules (as-of
 * date and balances, basis, receivables): the same sums as the workspace's report (electron/contract/customer-aging.ts).
 */

/** The converted balances are rounded per invoice to the corporate currency's decimals (up to 3): thousandths are exact. */
const CORPORATE_SCALE = 1000;

/**
 * Open balances per currency × customer × bucket of the rows, by the export's rules (as-of date, basis, receivables).
 * A customer is its account when the copy has ids (customer-directory.ts), named by `customers` — the directory of
 * the whole copy, as the screen's report names them from every row (default: of these rows).
 */
export function agingByCustomer(rows: readonly InvoiceListRow[], context: CellContext, customers: CustomerDirectory = customerDirectory(rows)): CustomerAgingTable[] {
  const sums = new CustomerAgingSums(() => SUM_SCALE, customers.label);
  for (const row of rows) {
    const bucket = agingBucketKeyOf(row, context);
    if (bucket) sums.add(row.currency, customerOf(row), bucket, Math.round((row.balance ?? 0) * SUM_SCALE));
  }
  return sums.tables();
}

/** The same in the corporate currency (converted balances, rounded per invoice); rows without a rate are counted apart. */
export function corporateAgingByCustomer(
  rows: readonly InvoiceListRow[],
  context: CellContext,
  conversion: RowConversion,
  customers: CustomerDirectory = customerDirectory(rows),
): { table: CustomerAgingTable | null; missing: number } {
  const sums = new CustomerAgingSums(() => CORPORATE_SCALE, customers.label);
  let missing = 0;
  for (const row of rows) {
    const bucket = agingBucketKeyOf(row, context);
    if (!bucket) continue;
    const balance = conversion.of(row).balance;
    if (balance === null) {
      missing++;
      continue;
    }
    sums.add(conversion.corporate, customerOf(row), bucket, Math.round(balance * CORPORATE_SCALE));
  }
  return { table: sums.tables()[0] ?? null, missing };
}

/** One org's bucket totals per currency ("All connections"). */
export interface OrgTables {
  label: string;
  tables: readonly CustomerAgingTable[];
}

/**
 * The Summary sheet's bucket totals, summed row by row while the invoices are written (no pass of their own): per
 * currency, in the corporate currency when the view converts (rows without a rate counted apart), and per org ("All
 * connections", the orgs in the order they first appear). The same sums as the total rows of agingByCustomer and
 * corporateAgingByCustomer (CustomerAgingSums, in minor units), without a line per customer: the Summary shows only
 * the totals.
 */
export class SummaryTotals {
  private readonly sums = new CustomerAgingSums(() => SUM_SCALE);
  private readonly corporateSums: CustomerAgingSums | null;
  private missing = 0;
  private readonly byOrg: Map<string, CustomerAgingSums> | null;

  constructor(
    private readonly context: CellContext,
    private readonly conversion: RowConversion | null,
    perOrg: boolean,
  ) {
    this.corporateSums = conversion ? new CustomerAgingSums(() => CORPORATE_SCALE) : null;
    this.byOrg = perOrg ? new Map() : null;
  }

  add(row: InvoiceListRow): void {
    let orgSums: CustomerAgingSums | undefined;
    if (this.byOrg) {
      // Every org in the file takes its place, owed or not (as agingByCustomer over each org's rows did).
      const org = (row as { org?: string }).org ?? '';
      orgSums = this.byOrg.get(org);
      if (!orgSums) this.byOrg.set(org, (orgSums = new CustomerAgingSums(() => SUM_SCALE)));
    }
    const bucket = agingBucketKeyOf(row, this.context);
    if (!bucket) return;
    const minor = Math.round((row.balance ?? 0) * SUM_SCALE);
    this.sums.add(row.currency, '', bucket, minor);
    orgSums?.add(row.currency, '', bucket, minor);
    if (this.corporateSums) {
      const balance = this.conversion!.of(row).balance;
      if (balance === null) this.missing++;
      else this.corporateSums.add(this.conversion!.corporate, '', bucket, Math.round(balance * CORPORATE_SCALE));
    }
  }

  /** One table per currency (alphabetical), its `totals` the sums (one line: no customers). */
  tables(): CustomerAgingTable[] {
    return this.sums.tables();
  }

  corporate(): { table: CustomerAgingTable | null; missing: number } | null {
    return this.corporateSums ? { table: this.corporateSums.tables()[0] ?? null, missing: this.missing } : null;
  }

  perOrg(): OrgTables[] {
    return [...(this.byOrg ?? [])].map(([label, sums]) => ({ label, tables: sums.tables() }));
  }
}

/** Current, 1–30 … 90+ as the header of a bucket table reads them. */
export function bucketHeadings(t: CatalogueT): string[] {
  return agingBucketKeys.map((key) => (key === 'current' ? t('workspace:agingCurrent') : agingBucketLabels[key]));
}

/**
 * One sheet per table: a line per customer (by label, "(no customer)" last), an empty cell where nothing is owed in a
 * bucket (as on screen), the customer's total, and the total row.
 */
export function reportSheet(t: CatalogueT, table: CustomerAgingTable, corporate: boolean): TableSheet {
  const money = (value: number): Cell => ({ kind: 'money', value, currency: table.currency });
  const rows: Cell[][] = table.lines.map((line) => [
    { kind: 'text', value: line.customer === NO_CUSTOMER ? t('report:noCustomer') : line.customer },
    ...line.amounts.map((amount): Cell => (amount === 0 ? { kind: 'empty' } : money(amount))),
    money(line.total),
  ]);
  rows.push([{ kind: 'text', value: t('report:total') }, ...table.totals.amounts.map(money), money(table.totals.total)]);
  return {
    name: corporate ? t('report:sheetAgingCorporate', { currency: table.currency }) : t('report:sheetAging', { currency: table.currency }),
    header: [t('report:customer'), ...bucketHeadings(t), t('report:total')],
    widths: [36, 16, 16, 16, 16, 16, 18],
    rows,
  };
}
