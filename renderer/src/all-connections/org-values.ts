import type { InvoiceListRow, PaymentFiguresState } from '../../../electron/contract';
import { customerKey, NO_STATUS } from '../invoices/prepared';
import { accountOfKey } from '../../../electron/contract/customer-directory';

/**
 * What every org has (currencies, customers, statuses), over each org's own rows — not only the orgs the org filter
 * shows: a view opened in "All connections" is checked against these (a view may pick other orgs than those shown).
 * Asked only when a view is opened.
 */
export function valuesOfOrgs(lists: readonly (readonly InvoiceListRow[] | undefined)[]): {
  currencies: string[];
  customers: string[];
  statuses: string[];
  customerFound: (value: string) => boolean;
} {
  const currencies = new Set<string>();
  const customers = new Set<string>();
  const accounts = new Set<string>();
  const statuses = new Set<string>();
  for (const rows of lists) {
    if (!rows) continue;
    for (const row of rows) {
      currencies.add(row.currency);
      customers.add(customerKey(row));
      if (row.customerId) accounts.add(row.customerId);
      statuses.add(row.status ?? NO_STATUS);
    }
  }
  // A customer filter of an account (customer-directory.ts) finds its invoices by id in any org, a name by name.
  const customerFound = (value: string) => {
    const account = accountOfKey(value);
    return account === null ? customers.has(value) : accounts.has(account);
  };
  return { currencies: [...currencies], customers: [...customers], statuses: [...statuses], customerFound };
}

/** Whether the payment columns can be filled in the combined view: some org's payment figures can be read. */
export function combinedPayments(states: readonly (PaymentFiguresState | undefined)[]): PaymentFiguresState | undefined {
  return states.find((state) => state !== undefined && state !== 'none' && state !== 'unreadable') ?? states.find((state) => state !== undefined);
}
