import type { CurrencyRates, CustomerLedger, InvoiceListRow } from '../../contract';
import type { CustomerRef } from '../../contract/customer-aging';
import type { StatusKindMap } from '../../contract/invoice-status';

/** What a statement reads from a connection's offline copy (the invoices module answers; null before a first sync). */
export interface StatementCopy {
  /** A customer's invoices (by account id when the customer has one, else by `customerKey`), with balances as of the day asked for when `balancesAsOf`. */
  rowsOf(who: CustomerRef): readonly InvoiceListRow[];
  /** The copy has dated payment and credit applications: balances were moved back to the day. */
  balancesAsOf: boolean;
  statusKinds: StatusKindMap;
  rates: CurrencyRates;
  ledger(who: CustomerRef): CustomerLedger;
}

export type StatementSource = (connectionId: string, asOf: string) => Promise<StatementCopy | null>;
