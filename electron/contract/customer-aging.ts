import { agingBucketKeys, type AgingBucketKey } from './aging-buckets';

/**
 * Aging by customer (the controller's report, issue #23): customers × aging buckets, one table per currency, with
 * a total per customer and per bucket. Plain data and sums, shared by the workspace's report view and the core's
 * XLSX export so the screen and the file always agree. Amounts are summed in minor units (integers) and turned
 * into major units once, so every total is exactly the sum of its cells.
 *
 * A customer is its account (customer-directory.ts: `customerOf`, by `InvoiceRow.customerId`) when the copy has the
 * id — two accounts of one name are two lines, an account renamed one line under its name now — else the name the
 * grid shows. Invoices without a customer are one line, NO_CUSTOMER.
 */

/** The customer of the invoices without one (a value no account name has: it starts with a NUL character). */
export const NO_CUSTOMER = '\u0000no customer';

/**
 * A customer as the customer view and statements name it: the account's name (what is shown) and, when the copy has
 * it (`InvoiceRow.customerId`), the account's id — which decides: two accounts of one name are two customers, an
 * account renamed is one. Without an id (a text customer, a copy from before ids were synced) the name decides.
 */
export interface CustomerRef {
  name: string;
  account?: string;
}

/** Whether an invoice is this customer's: by account id when the customer has one, else by name. */
export function isCustomersRow(row: { customer: string | null; customerId?: string }, who: CustomerRef): boolean {
  return who.account ? row.customerId === who.account : customerKey(row) === who.name;
}

/** Who an invoice is for, as the customer filter and the report group it: the name, or NO_CUSTOMER when empty. */
export function customerKey(row: { customer: string | null }): string {
  return row.customer ? row.customer : NO_CUSTOMER;
}

export interface CustomerAgingLine {
  /** The customer as the user reads it (the directory's label: a name two accounts share says the account id). */
  customer: string;
  /** Who it is (customer-directory.ts): the key a drill-down filters by. */
  key: string;
  /** Open balance per bucket, in agingBucketKeys order (Current, 1–30, 31–60, 61–90, 90+), major units. */
  amounts: number[];
  /** The sum of the amounts. */
  total: number;
  /** Invoices with an open balance counted in the line. */
  count: number;
}

export interface CustomerAgingTable {
  currency: string;
  /** By customer label (NO_CUSTOMER last); sort for display with sortCustomerLines. */
  lines: CustomerAgingLine[];
  /** The total row: per bucket, overall, and the invoices counted. */
  totals: { amounts: number[]; total: number; count: number };
}

interface Sums {
  minor: number[];
  count: number;
}

/** Adds up open balances by currency, customer and bucket; `scaleOf` gives a currency's minor units per major unit. */
export class CustomerAgingSums {
  private readonly byCurrency = new Map<string, Map<string, Sums>>();

  /** `labelOf`: a customer's key as the user reads it (customerDirectory(rows).label); absent: the key itself. */
  constructor(
    private readonly scaleOf: (currency: string) => number,
    private readonly labelOf: (key: string) => string = (key) => key,
  ) {}

  /** One invoice's open balance, already in minor units of `currency` (an integer); `customer` is the customer's key. */
  add(currency: string, customer: string, bucket: AgingBucketKey, minor: number): void {
    let customers = this.byCurrency.get(currency);
    if (!customers) this.byCurrency.set(currency, (customers = new Map()));
    let sums = customers.get(customer);
    if (!sums) customers.set(customer, (sums = { minor: [0, 0, 0, 0, 0], count: 0 }));
    sums.minor[agingBucketKeys.indexOf(bucket)]! += minor;
    sums.count += 1;
  }

  /** The tables, currencies in alphabetical order. */
  tables(): CustomerAgingTable[] {
    return [...this.byCurrency.keys()].sort().map((currency) => {
      const scale = this.scaleOf(currency);
      const major = (minor: number) => minor / scale;
      const totalMinor = [0, 0, 0, 0, 0];
      let count = 0;
      const lines = [...this.byCurrency.get(currency)!.entries()].map(([key, sums]) => {
        sums.minor.forEach((m, slot) => (totalMinor[slot]! += m));
        count += sums.count;
        return { customer: this.labelOf(key), key, amounts: sums.minor.map(major), total: major(sum(sums.minor)), count: sums.count };
      });
      return { currency, lines: sortCustomerLines(lines, 'customer', false), totals: { amounts: totalMinor.map(major), total: major(sum(totalMinor)), count } };
    });
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** A column of the report: the customer's name, a bucket, or the customer's total. */
export type CustomerAgingColumn = 'customer' | AgingBucketKey | 'total';
export const customerAgingColumns: readonly CustomerAgingColumn[] = ['customer', ...agingBucketKeys, 'total'];

/**
 * The lines in display order: by name (locale-aware, NO_CUSTOMER last either way) or by an amount column; ties by
 * name, so the order is stable.
 */
export function sortCustomerLines(lines: readonly CustomerAgingLine[], column: CustomerAgingColumn, desc: boolean): CustomerAgingLine[] {
  const byName = (a: CustomerAgingLine, b: CustomerAgingLine) => {
    if (a.customer === NO_CUSTOMER || b.customer === NO_CUSTOMER) return a.customer === b.customer ? 0 : a.customer === NO_CUSTOMER ? 1 : -1;
    return a.customer.localeCompare(b.customer) || (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0);
  };
  const valueOf = (line: CustomerAgingLine) => (column === 'total' ? line.total : line.amounts[agingBucketKeys.indexOf(column as AgingBucketKey)]!);
  return [...lines].sort((a, b) => {
    if (column === 'customer') {
      const c = byName(a, b);
      return desc && a.customer !== NO_CUSTOMER && b.customer !== NO_CUSTOMER ? -c : c;
    }
    const c = valueOf(a) - valueOf(b);
    return c === 0 ? byName(a, b) : desc ? -c : c;
  });
}
