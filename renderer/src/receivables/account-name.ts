import type { InvoiceListRow } from '../../../electron/contract';

type Named = Pick<InvoiceListRow, 'customer' | 'invoiceDate' | 'lastModified'>;

/**
 * Whether `a` carries a newer name of its account than `b`: the row Salesforce gave last (its SystemModstamp,
 * `lastModified`) has the name the account has now. An account renamed in Salesforce does not touch its invoices, so
 * an incremental sync fetches again only the invoices that changed: the others keep the old name, whatever their date.
 * Rows without a stamp fall back to the later invoice date.
 */
export function newerName(a: Named, b: Named): boolean {
  const am = a.lastModified ?? '';
  const bm = b.lastModified ?? '';
  if (am !== bm) return am > bm;
  return (a.invoiceDate ?? '') > (b.invoiceDate ?? '');
}

/** The name an account has now, from its rows in the copy (`fallback` when none of them names it). */
export function accountName(rows: readonly InvoiceListRow[], account: string, fallback: string): string {
  let best: InvoiceListRow | null = null;
  for (const row of rows) if (row.customerId === account && row.customer && (!best || newerName(row, best))) best = row;
  return best?.customer ?? fallback;
}
