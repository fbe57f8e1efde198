/**
 * What the workspace must show, computed independently from the org's own records
 * (`org.control.records('Invoice')`), without any of the renderer's code.
 */

export interface OrgInvoice {
  id: string;
  number: string;
  customer: string | null;
  invoiceDate: string | null;
  dueDate: string | null;
  status: string | null;
  total: number | null;
  balance: number | null;
  currency: string;
}

export function fromOrgRecords(records: Record<string, unknown>[]): OrgInvoice[] {
  return records.map((r) => ({
    id: String(r.Id),
    number: String(r.DocumentNumber),
    customer: ((r.BillingAccount as { Name?: string } | null)?.Name ?? null) || null,
    invoiceDate: (r.InvoiceDate as string | null) ?? null,
    dueDate: (r.DueDate as string | null) ?? null,
    status: (r.Status as string | null) ?? null,
    // The app shows the total including tax (the amount the balance is measured against).
    total: (r.TotalAmountWithTax as number | null) ?? null,
    balance: (r.Balance as number | null) ?? null,
    currency: String(r.CurrencyIsoCode ?? 'USD'),
  }));
}

/**
 * Receivables are posted invoices: the org's Draft and Cancelled invoices are not owed (drafts count when
 * the user includes them). Written from the org's status values, not from the app's mapping.
 */
export function isReceivable(inv: OrgInvoice, includeDrafts = false): boolean {
  return inv.status !== 'Cancelled' && (includeDrafts || inv.status !== 'Draft');
}

const DAY = 86_400_000;
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/** Days the open balance is past due as of a date; 0 when nothing is owed or not yet due. */
export function daysOverdue(inv: OrgInvoice, asOf: string): number {
  if (!isReceivable(inv) || !inv.dueDate || !inv.balance || inv.balance <= 0) return 0;
  return Math.max(0, daysBetween(inv.dueDate, asOf));
}

export type Bucket = 'current' | '1-30' | '31-60' | '61-90' | '90+';
export const BUCKETS: Bucket[] = ['current', '1-30', '31-60', '61-90', '90+'];

export type Basis = 'dueDate' | 'invoiceDate';

/** Open balances by days past the due date (or since the invoice date); no date counts as current. */
export function bucketOf(inv: OrgInvoice, asOf: string, basis: Basis = 'dueDate'): Bucket | null {
  if (!inv.balance || !isReceivable(inv)) return null;
  const from = inv[basis];
  if (!from) return 'current';
  const days = daysBetween(from, asOf);
  if (days <= 0) return 'current';
  if (days <= 30) return '1-30';
  if (days <= 60) return '31-60';
  if (days <= 90) return '61-90';
  return '90+';
}

/** The aging bucket as the export writes it: Current, 1–30, 31–60, 61–90, 90+; empty when nothing is owed or not a receivable. */
export function bucketText(inv: OrgInvoice, asOf: string, basis: Basis = 'dueDate'): string {
  const bucket = bucketOf(inv, asOf, basis);
  return bucket === null ? '' : bucket === 'current' ? 'Current' : bucket.replace('-', '–');
}

/**
 * The invoices of an as-of view: those dated by the day (or undated), each with its balance as of then from
 * `balances` (the org's records, tests/integration/receivables/org-ledger.ts expectedBalancesAsOf).
 */
export function asOfInvoices(rows: OrgInvoice[], asOf: string, balances: ReadonlyMap<string, { balance: number }>): OrgInvoice[] {
  return rows.filter((inv) => inv.invoiceDate === null || inv.invoiceDate <= asOf).map((inv) => ({ ...inv, balance: balances.get(inv.id)?.balance ?? inv.balance }));
}

export interface CurrencyExpectation {
  currency: string;
  count: number;
  total: number;
  balance: number;
  aging: Record<Bucket, { amount: number; count: number }>;
  /** Shown but not receivables: drafts and cancelled invoices, with their balance. */
  excluded: { drafts: { count: number; amount: number }; cancelled: { count: number; amount: number } };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function expectedSummary(rows: OrgInvoice[], asOf: string, basis: Basis = 'dueDate'): CurrencyExpectation[] {
  const by = new Map<string, CurrencyExpectation>();
  for (const inv of rows) {
    let e = by.get(inv.currency);
    if (!e) {
      e = {
        currency: inv.currency,
        count: 0,
        total: 0,
        balance: 0,
        aging: Object.fromEntries(BUCKETS.map((b) => [b, { amount: 0, count: 0 }])) as CurrencyExpectation['aging'],
        excluded: { drafts: { count: 0, amount: 0 }, cancelled: { count: 0, amount: 0 } },
      };
      by.set(inv.currency, e);
    }
    if (!isReceivable(inv)) {
      const left = inv.status === 'Draft' ? e.excluded.drafts : e.excluded.cancelled;
      left.count++;
      left.amount += inv.balance ?? 0;
      continue;
    }
    e.count++;
    e.total += inv.total ?? 0;
    e.balance += inv.balance ?? 0;
    const bucket = bucketOf(inv, asOf, basis);
    if (bucket) {
      e.aging[bucket].amount += inv.balance ?? 0;
      e.aging[bucket].count++;
    }
  }
  return [...by.values()]
    .sort((a, b) => (a.currency < b.currency ? -1 : 1))
    .map((e) => ({
      ...e,
      total: round2(e.total),
      balance: round2(e.balance),
      excluded: {
        drafts: { count: e.excluded.drafts.count, amount: round2(e.excluded.drafts.amount) },
        cancelled: { count: e.excluded.cancelled.count, amount: round2(e.excluded.cancelled.amount) },
      },
      aging: Object.fromEntries(BUCKETS.map((b) => [b, { amount: round2(e.aging[b].amount), count: e.aging[b].count }])) as CurrencyExpectation['aging'],
    }));
}

export interface Filter {
  search?: string;
  /** The amount the search text stands for (as the test wrote it): a total or balance of exactly this also matches. */
  amount?: number;
  statuses?: string[];
  currencies?: string[];
  invoiceDate?: [string | null, string | null];
  dueDate?: [string | null, string | null];
  overdueOnly?: boolean;
  aging?: Bucket;
}

const inRange = (value: string | null, [from, to]: [string | null, string | null]) => value !== null && (!from || value >= from) && (!to || value <= to);

export function expectedFilter(rows: OrgInvoice[], f: Filter, asOf: string, basis: Basis = 'dueDate'): OrgInvoice[] {
  const q = f.search?.trim().toLowerCase();
  const cents = (x: number | null) => (x === null ? NaN : Math.abs(Math.round(x * 100)));
  const isAmount = (inv: OrgInvoice) => f.amount !== undefined && (cents(inv.total) === cents(f.amount) || cents(inv.balance) === cents(f.amount));
  return rows.filter(
    (inv) =>
      (!q || inv.number.toLowerCase().includes(q) || (inv.customer ?? '').toLowerCase().includes(q) || isAmount(inv)) &&
      (!f.statuses?.length || f.statuses.includes(inv.status ?? '(no status)')) &&
      (!f.currencies?.length || f.currencies.includes(inv.currency)) &&
      (!f.invoiceDate || inRange(inv.invoiceDate, f.invoiceDate)) &&
      (!f.dueDate || inRange(inv.dueDate, f.dueDate)) &&
      (!f.overdueOnly || daysOverdue(inv, asOf) > 0) &&
      (!f.aging || bucketOf(inv, asOf, basis) === f.aging),
  );
}

type SortKey = 'number' | 'customer' | 'invoiceDate' | 'dueDate' | 'status' | 'total' | 'balance' | 'currency' | 'daysOverdue';
/** `localeCompare` with these options, as one collator: the same order, ~22× faster (200,000 invoice numbers sorted: 8.7 s → 0.39 s), which the 1M list's sorts need. */
const text = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }).compare;

/** Display order: by the column (empty values last either way), then invoice number, then id. */
export function expectedSort(rows: OrgInvoice[], key: SortKey, desc: boolean, asOf: string): OrgInvoice[] {
  const value = (inv: OrgInvoice): string | number | null => (key === 'daysOverdue' ? daysOverdue(inv, asOf) : inv[key] === '' ? null : inv[key]);
  const tie = (a: OrgInvoice, b: OrgInvoice) => text(a.number, b.number) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? tie(a, b) : x === null ? 1 : -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : text(String(x), String(y));
    return c === 0 ? tie(a, b) : desc ? -c : c;
  });
}
