import { z } from 'zod';
import { agingBucketKeys } from './aging-buckets';
import { agingBasisSchema, id, isoDate } from './models';
import { columnWidthsSchema } from './column-widths';
import { ALL_CONNECTIONS, gridColumnIds, MAX_VIEW_NAME, MAX_VIEW_ORGS, MAX_VIEWS, MAX_VIEWS_FILE_BYTES, VIEW_STATE_VERSION, viewColumnIds } from './saved-view-limits';

/**
 * Saved views (issue #21): the state of the workspace as data, under a name, per connection. The renderer reads
 * the state it shows into a `ViewState` and applies one back (renderer/src/views/); the core keeps the views
 * (electron/core/views/) and writes and reads them as a small JSON file to share with a colleague.
 * Versioned: a view written by a later version is refused with its reason, never half read.
 */

export { ALL_CONNECTIONS, MAX_VIEW_NAME, MAX_VIEWS, MAX_VIEWS_FILE_BYTES, VIEW_STATE_VERSION, viewColumnIds };

export const viewColumnSchema = z.enum(viewColumnIds);
export type ViewColumn = z.infer<typeof viewColumnSchema>;

// Control characters (C0, DEL, C1) and the line/paragraph separators: a name is one line of text. Also the
// invisible format controls that make a name read as another (bidi embeddings, overrides and isolates reorder what
// follows them: "EUR \u202Eeudrevo" shows as "EUR overdue"; zero-width space, word joiner and BOM show as nothing).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

/** A view's name: one line, trimmed, 1…80 characters, no control characters. */
export const viewNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(MAX_VIEW_NAME)
  .refine((name) => !CONTROL.test(name), { message: 'a view name cannot hold control characters (tabs, line breaks …)' });

const text = z.string().max(255);

/** The workspace's filters (renderer/src/invoices/filters.ts), as a view keeps them. */
export const viewFiltersSchema = z.strictObject({
  search: z.string().max(500),
  statuses: z.array(text).max(200),
  currencies: z.array(z.string().regex(/^[A-Z]{3}$/, 'expected an ISO currency code')).max(200),
  invoiceDateFrom: isoDate.nullable(),
  invoiceDateTo: isoDate.nullable(),
  dueDateFrom: isoDate.nullable(),
  dueDateTo: isoDate.nullable(),
  overdueOnly: z.boolean(),
  aging: z.enum(agingBucketKeys).nullable(),
  paidLate: z.boolean(),
  partlyPaid: z.boolean(),
  hasCredits: z.boolean(),
  customer: text.nullable(),
  /** An instant (ISO): invoices Salesforce modified at or after it. */
  changedSince: z.iso.datetime({ offset: true }).nullable(),
});

export const viewStateSchema = z.strictObject({
  version: z.literal(VIEW_STATE_VERSION),
  filters: viewFiltersSchema,
  agingBasis: agingBasisSchema,
  /** The as-of rule: a fixed day, or null for "today" (whatever day the view is opened). */
  asOf: isoDate.nullable(),
  /** The sort: a column of the grid, or the combined view's Org. */
  sort: z.strictObject({ column: z.enum(gridColumnIds), desc: z.boolean() }),
  /** The columns shown, in display order (the grid's order is fixed). */
  columns: z.array(viewColumnSchema).min(1).max(viewColumnIds.length),
  /**
   * The widths the user set (rem per column; a column not named has the grid's own width). Optional: a view saved
   * before widths existed has none and leaves the widths on screen as they are.
   */
  widths: columnWidthsSchema.optional(),
  /**
   * "All connections": the orgs its org filter shows (none named: every org), each by its connection's id and its
   * name then (said when the connection is gone). Absent in a view of one org.
   */
  orgs: z.array(z.strictObject({ id, name: text })).max(MAX_VIEW_ORGS).optional(),
  /** "Show in": each invoice's own currency, or the corporate currency at a conversion basis. */
  currency: z.strictObject({ showIn: z.enum(['own', 'corporate']), basis: z.enum(['invoiceDate', 'asOf']) }),
  groupByCustomer: z.boolean(),
});
export type ViewState = z.infer<typeof viewStateSchema>;

export const savedViewSchema = z.strictObject({
  id,
  name: viewNameSchema,
  /** The connection the view is of (ALL_CONNECTIONS: every connected org). */
  connectionId: z.union([id, z.literal(ALL_CONNECTIONS)]),
  state: viewStateSchema,
});
export type SavedView = z.infer<typeof savedViewSchema>;

/** A connection's views in their order, which is the default (opened at launch), and what could not be read. */
export const savedViewListSchema = z.object({
  views: z.array(savedViewSchema),
  defaultId: id.nullable(),
  /** Views in the store that could not be read (damaged, or from a later version): kept aside, not lost, and said. */
  unreadable: z.number().int().nonnegative(),
});
export type SavedViewList = z.infer<typeof savedViewListSchema>;

/** The file Export views writes and Import views reads. */
export const VIEWS_FILE_FORMAT = 'budgetly-views';
export const viewsFileSchema = z.strictObject({
  format: z.literal(VIEWS_FILE_FORMAT),
  version: z.literal(VIEW_STATE_VERSION),
  views: z.array(z.strictObject({ name: viewNameSchema, state: viewStateSchema })).max(MAX_VIEWS),
});
export type ViewsFile = z.infer<typeof viewsFileSchema>;
