import { englishMessage, type CoreMessageKey } from '../../../contract/i18n/spoken-messages';
import type { InvoiceRow } from '../../../contract';

/** Rows in the cache file: arrays of cells in this order (compact, one hidden class when read back). */
export const CACHE_COLUMNS = ['id', 'number', 'customer', 'invoiceDate', 'dueDate', 'status', 'total', 'balance', 'currency', 'lastModified', 'customerId'] as const;
/** The columns of a copy written before `customerId`: still read (its rows have none until the next full sync). */
export const CACHE_COLUMNS_BEFORE_ACCOUNT = CACHE_COLUMNS.slice(0, -1);

/** Why an offline copy cannot be opened (keys of the catalogue's coreMessages). */
export type CacheReason = Extract<CoreMessageKey, `cache${string}`>;

export class UnreadableCacheError extends Error {
  /** `reason` names the catalogue's words for it: the message is English (the log) and said in the user's language inside the warning that the copy was deleted. */
  constructor(reason: CacheReason, options?: { cause?: unknown }) {
    super(englishMessage(reason), options);
    this.name = 'UnreadableCacheError';
  }
}

/** `JSON.stringify` of the rows as cell arrays, without building the arrays first. */
export function rowsToJson(rows: readonly InvoiceRow[]): string {
  const cells = new Array<unknown[]>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    cells[i] = [row.id, row.number, row.customer, row.invoiceDate, row.dueDate, row.status, row.total, row.balance, row.currency, row.lastModified, row.customerId ?? null];
  }
  return JSON.stringify(cells);
}

/** A row back from its cells; anything of another shape makes the whole record unreadable. */
export function rowFromCells(cells: unknown): InvoiceRow {
  // A row of a copy written before customerId has one cell less.
  if (!Array.isArray(cells) || (cells.length !== CACHE_COLUMNS.length && cells.length !== CACHE_COLUMNS_BEFORE_ACCOUNT.length) || typeof cells[0] !== 'string') {
    throw new UnreadableCacheError('cacheRowShape');
  }
  // A literal in CACHE_COLUMNS' order (one hidden class; Object.fromEntries per row cost ~0.3 s at 100k).
  const [id, number, customer, invoiceDate, dueDate, status, total, balance, currency, lastModified, customerId] = cells as unknown[];
  if (customerId !== undefined && customerId !== null && typeof customerId !== 'string') throw new UnreadableCacheError('cacheRowShape');
  return { id, number, customer, invoiceDate, dueDate, status, total, balance, currency, lastModified, customerId: customerId ?? undefined } as InvoiceRow;
}
