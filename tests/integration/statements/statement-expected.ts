import type { RunningOrg } from '../../org';
import { expectedBalancesAsOf } from '../receivables/org-ledger';

/**
 * A customer's statement computed the long way from the org's own records (Revenue Cloud `Invoice`), without the
 * app's code: balances as of the day (org-ledger), posted invoices only, buckets by days past the due date.
 */

export interface ExpectedInvoice { number: string; currency: string; balance: number; dueDate: string | null; daysOverdue: number }
export interface ExpectedStatement {
  invoices: ExpectedInvoice[];
  /** Per currency: open balance per bucket (Current, 1–30, 31–60, 61–90, 90+) and total, in minor units of 1/1000. */
  currencies: Map<string, { buckets: number[]; total: number; count: number }>;
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;
const isPosted = (status: unknown) => !/draft|pending|initiated|error|cancel|void|rebilled|reversed|written off|write-off/i.test(String(status ?? ''));

function bucketIndex(days: number): number {
  if (days <= 0) return 0;
  if (days <= 30) return 1;
  if (days <= 60) return 2;
  if (days <= 90) return 3;
  return 4;
}

/** By name (every account of that name), or with `accountId` that one account's invoices (whatever name they carry). */
export function expectedStatement(org: RunningOrg, customer: string, asOf: string, accountId?: string): ExpectedStatement {
  const balances = expectedBalancesAsOf(org, 'Invoice', asOf);
  const invoices: ExpectedInvoice[] = [];
  const currencies = new Map<string, { buckets: number[]; total: number; count: number }>();
  for (const record of org.control.records('Invoice')) {
    const theirs = accountId ? record.BillingAccountId === accountId : (record.BillingAccount as { Name: string } | null)?.Name === customer;
    if (!theirs || !isPosted(record.Status)) continue;
    const asThen = balances.get(record.Id as string);
    if (!asThen || asThen.balance === 0) continue;
    const dueDate = (record.DueDate as string | null) ?? null;
    const days = dueDate ? dayNumber(asOf) - dayNumber(dueDate) : 0;
    invoices.push({ number: String(record.DocumentNumber), currency: asThen.currency, balance: asThen.balance, dueDate, daysOverdue: asThen.balance > 0 ? Math.max(0, days) : 0 });
    let sums = currencies.get(asThen.currency);
    if (!sums) currencies.set(asThen.currency, (sums = { buckets: [0, 0, 0, 0, 0], total: 0, count: 0 }));
    const thousandths = Math.round(asThen.balance * 1000);
    sums.buckets[bucketIndex(days)]! += thousandths;
    sums.total += thousandths;
    sums.count++;
  }
  return { invoices, currencies };
}

/** The customers (account names) with invoices, most invoices first. */
export function customersOf(org: RunningOrg): string[] {
  const counts = new Map<string, number>();
  for (const record of org.control.records('Invoice')) {
    const name = (record.BillingAccount as { Name: string } | null)?.Name;
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
}
