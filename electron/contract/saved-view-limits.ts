/** Saved views' limits and names without zod (the renderer imports these values; the schemas are in saved-views.ts). */

export const VIEW_STATE_VERSION = 1;
/** Views per connection (and in one file): the Views menu stays a menu, Ctrl+1…9 reach the first nine. */
export const MAX_VIEWS = 50;
export const MAX_VIEW_NAME = 80;
/** Largest views file import reads (50 views are a few KB). */
export const MAX_VIEWS_FILE_BYTES = 256 * 1024;
/** The `connectionId` of a view over every connected org ("All connections"): a view names its connection as a field. */
export const ALL_CONNECTIONS = '*';

/** The grid's columns (renderer/src/invoices/columns.ts), which are also its sort keys. */
export const viewColumnIds = [
  'number', 'customer', 'invoiceDate', 'dueDate', 'status', 'total', 'balance', 'currency', 'daysOverdue',
  'paid', 'lastPaymentDate', 'fullyPaidOn', 'daysToPay', 'lastModified',
] as const;

/** A column's width the user set (dragging its header's edge, or Alt+←/→), in rem: narrower hides its words, wider than a screen helps no one. */
export const MIN_COLUMN_REM = 3;
export const MAX_COLUMN_REM = 40;
/** The grid's columns and the combined view's Org column: what a width is kept for and what a view may sort by. */
export const gridColumnIds = [...viewColumnIds, 'org'] as const;
/** The connections whose rows an "All connections" view shows (its org filter): at most this many. */
export const MAX_VIEW_ORGS = 100;
export type GridColumnId = (typeof gridColumnIds)[number];
