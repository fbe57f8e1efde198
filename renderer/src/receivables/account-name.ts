import type { InvoiceListRow } from '../../../electron/contract';
import { newerName } from '../../../electron/contract/customer-directory';

/** The name an account has now, from its rows in the copy (`fallback` when none of them names it). */
export function accountName(rows: readonly InvoiceListRow[], account: string, fallback: string): string {
  let best: InvoiceListRow | null = null;
  for (const row of rows) if (row.customerId === account && row.customer && (!best || newerName(row, best))) best = row;
  return best?.customer ?? fallback;
}
