import { z } from 'zod';
import { statusKinds } from './invoice-status';
import { appErrorSchema } from './errors';
import { languageSettings } from './i18n/languages';
import { conversionColumnKeys } from './conversion/columns';
import { PDF_BUDGET_MAX_MB } from './document-budget';
import { columnWidthsSchema } from './column-widths';
import { isoDate } from './iso-date';

/** Shared value shapes used by the channels in `channels.ts`. */

export { isoDate };
export const id = z.string().min(1).max(100);

export const secretProtectionSchema = z.enum(['os', 'basic_text', 'unavailable']);
export type SecretProtection = z.infer<typeof secretProtectionSchema>;

export const signInMethodSchema = z.enum(['window', 'browser']);
export type SignInMethod = z.infer<typeof signInMethodSchema>;

export const connectionStatusSchema = z.enum(['connected', 'reconnect-needed', 'disconnected']);
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;

export const connectionSchema = z.object({
  id,
  label: z.string(),
  loginUrl: z.string(),
  clientId: z.string(),
  hasClientSecret: z.boolean(),
  signInMethod: signInMethodSchema,
  status: connectionStatusSchema,
  /** True while tokens live in memory only (no OS encryption and weaker storage not allowed). */
  sessionOnly: z.boolean(),
  username: z.string().optional(),
  displayName: z.string().optional(),
  orgId: z.string().optional(),
  instanceUrl: z.string().optional(),
  lastSyncAt: z.string().optional(),
  lastError: appErrorSchema.optional(),
  /** Set for a connection the machine-wide policy file predefines (added by IT, not by the user). */
  fromPolicy: z.boolean().optional(),
});
export type Connection = z.infer<typeof connectionSchema>;

export const themeSchema = z.enum(['system', 'light', 'dark']);
export const agingBasisSchema = z.enum(['dueDate', 'invoiceDate']);
export type AgingBasis = z.infer<typeof agingBasisSchema>;

/** Minutes between background syncs of each connected org, or 'off'. */
export const syncIntervalSchema = z.union([z.literal('off'), z.literal(5), z.literal(15), z.literal(60)]);
export type SyncInterval = z.infer<typeof syncIntervalSchema>;

/** Updates: check and download in the background (restart when the user chooses), tell only, or never check. */
export const updatePolicySchema = z.enum(['automatic', 'notify', 'off']);
export type UpdatePolicy = z.infer<typeof updatePolicySchema>;

export const settingsSchema = z.object({
  signInMethod: signInMethodSchema,
  agingBasis: agingBasisSchema,
  /** null = today. */
  agingAsOf: isoDate.nullable(),
  /** Count draft invoices in receivables (balance, aging, overdue, the cards). Default false: posted invoices only. */
  includeDrafts: z.boolean(),
  allowWeakStorage: z.boolean(),
  theme: themeSchema,
  visibleColumns: z.array(z.string().max(40)).max(40).nullable(),
  /** Default 15 (settings saved before it existed get it from the core's defaults; no zod default, so partial patches never reset it). */
  syncInterval: syncIntervalSchema,
  /** Default 'automatic' (from the core's defaults, like syncInterval). */
  updates: updatePolicySchema,
  /** Words, numbers and dates: 'system' follows the computer's language (default, from the core's defaults like syncInterval). */
  language: z.enum(languageSettings),
  /** Per connection id: when the user last left its workspace (an instant), the default of "Changed since…". */
  lastVisits: z.record(z.string().max(64), z.string().max(40)).optional(),
  /** Disk budget for kept invoice PDFs, whole MB, 0–PDF_BUDGET_MAX_MB; 0 keeps none (default 500, from the core's defaults). */
  pdfBudgetMb: z.number().int().min(0).max(PDF_BUDGET_MAX_MB),
  /** Printed at the top of customer statements (issue #15); '' = none (from the core's defaults, like syncInterval). */
  firmName: z.string().max(200),
  /** Keep PDFs of open invoices offline: after each sync, download them in the background within the budget (default false). */
  keepPdfsOffline: z.boolean(),
  /** Column widths the user set (rem per column id); none = the grid's own widths. Optional: settings saved before it existed have none. */
  columnWidths: columnWidthsSchema.optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

/** What a status means for receivables (electron/contract/invoice-status.ts), and a status value → its meaning. */
export const statusKindSchema = z.enum(statusKinds);
export const statusKindMapSchema = z.record(z.string().max(255), statusKindSchema);

export const invoiceFieldKeys = [
  'number',
  'customer',
  'invoiceDate',
  'dueDate',
  'status',
  'total',
  'balance',
  'currency',
  'lastModified',
] as const;
export const invoiceFieldKeySchema = z.enum(invoiceFieldKeys);
export type InvoiceFieldKey = z.infer<typeof invoiceFieldKeySchema>;

/** One invoice as the workspace shows it: canonical, whatever the Salesforce object. Dates are plain YYYY-MM-DD. */
export const invoiceRowSchema = z.object({
  id,
  number: z.string(),
  customer: z.string().nullable(),
  invoiceDate: isoDate.nullable(),
  dueDate: isoDate.nullable(),
  status: z.string().nullable(),
  total: z.number().nullable(),
  balance: z.number().nullable(),
  currency: z.string(),
  lastModified: z.string().nullable(),
  /**
   * The customer's account id when the customer is a lookup (BillingAccountId, blng__Account__c); absent for a text
   * customer and in a copy from before it was synced. The customer view and statements key a customer by it.
   */
  customerId: id.optional(),
});
export type InvoiceRow = z.infer<typeof invoiceRowSchema>;

/**
 * An invoice as `invoices.list` sends it: the row and what was applied to it, computed by the core from
 * the offline copy's payments, credit notes and their applications once per copy (electron/core/invoices/
 * read/payment-figures.ts). The figures are absent when the copy has none (see `invoiceList.payments`).
 * Amounts in the invoice's currency; plain days.
 */
export const invoiceListRowSchema = invoiceRowSchema.extend({
  /** Net payments applied (applications minus reversals). */
  paid: z.number().optional(),
  /** Net credits (credit notes) applied. */
  credited: z.number().optional(),
  /** Day of the latest payment application still standing (not a reversal, nor one a reversal took back), null if none. */
  lastPaymentDate: isoDate.nullable().optional(),
  /** Day the balance computed from the applications reached zero, null while something is owed. */
  fullyPaidOn: isoDate.nullable().optional(),
  /** fullyPaidOn − invoiceDate in calendar days, null when either is missing. */
  daysToPay: z.number().int().nullable().optional(),
});
export type InvoiceListRow = z.infer<typeof invoiceListRowSchema>;

/** One invoice's payment figures alone (invoiceListRowSchema's): what `invoices.balancesAsOf` moves to the as-of day. */
export const paymentFiguresSchema = z.object({
  paid: z.number(),
  credited: z.number(),
  lastPaymentDate: isoDate.nullable(),
  fullyPaidOn: isoDate.nullable(),
  daysToPay: z.number().int().nullable(),
});

/** Whether the list's payment figures could be computed: 'none' = this invoice object has no payment objects, 'unreadable' = the payment or the credit applications (or both) cannot be read, 'notSynced' = the copy predates them (the next sync brings them). */
export const paymentFiguresStateSchema = z.enum(['available', 'none', 'unreadable', 'notSynced']);
export type PaymentFiguresState = z.infer<typeof paymentFiguresStateSchema>;

export const invoiceObjectSchema = z.object({
  name: z.string(),
  label: z.string(),
  shape: z.enum(['Invoice', 'blng__Invoice__c', 'custom']),
  recommended: z.boolean(),
});
export type InvoiceObject = z.infer<typeof invoiceObjectSchema>;

export const fieldMappingSchema = z.partialRecord(invoiceFieldKeySchema, z.string().min(1).max(120));
export type FieldMapping = z.infer<typeof fieldMappingSchema>;

export const mappingSchema = z.object({
  object: z.string(),
  fields: fieldMappingSchema,
  /** Fields of the object the user may map (from describe). */
  available: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      type: z.string(),
      /** The canonical fields this field's type can fill (what `invoices.mapping.set` accepts). */
      fits: z.array(invoiceFieldKeySchema).optional(),
    }),
  ),
  /** e.g. fields hidden by field-level security. */
  warnings: z.array(z.string()),
  /**
   * The mapped status field's values (its picklist, from describe) and what each means for receivables:
   * the default for the object's shape or the user's choice. Empty when no status field is mapped.
   */
  statuses: z.array(z.object({ value: z.string(), label: z.string(), kind: statusKindSchema, chosen: z.boolean() })).default([]),
});
export type Mapping = z.infer<typeof mappingSchema>;

/** `certificates`: a refused certificate has the main process read the computer's certificate store, and the sync waits on it. */
export const syncPhaseSchema = z.enum(['describe', 'certificates', 'fetching', 'deletions', 'saving', 'done', 'failed', 'cancelled']);
export const syncProgressSchema = z.object({
  connectionId: id,
  phase: syncPhaseSchema,
  fetched: z.number(),
  total: z.number(),
});
export type SyncProgress = z.infer<typeof syncProgressSchema>;

export const syncResultSchema = z.object({
  mode: z.enum(['full', 'incremental']),
  fetched: z.number(),
  total: z.number(),
  changed: z.number(),
  deleted: z.number(),
  syncedAt: z.string(),
});
export type SyncResult = z.infer<typeof syncResultSchema>;

/** Most rows one `invoices.list` window may ask for (a screen is ~30; the renderer asks 500, then 10,000 at a time). */
export const LIST_WINDOW_MAX = 50_000;
/** Highest offset a window may start at (far above any org's invoice count; past the end gives no rows). */
export const LIST_OFFSET_MAX = 100_000_000;

export const invoiceListSchema = z.object({
  /** The rows of the window asked for (all of them without a window), in the workspace's default order (electron/contract/invoice-order.ts). */
  invoices: z.array(invoiceListRowSchema),
  /** Whether the rows carry payment figures (paid, fully paid on …) and, if not, why. */
  payments: paymentFiguresStateSchema,
  /** How many invoices the offline copy holds in all, and where this window starts in the default order. */
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  /**
   * Identifies the copy the rows come from: every sync makes a new one. Windows with different
   * versions must never be put together into one list.
   */
  version: z.string(),
  /** ISO instant of the last successful sync, null if never synced. */
  syncedAt: z.string().nullable(),
  object: z.string().nullable(),
  /** What each status value in the rows means for receivables (draft / posted / cancelled), from the invoice-source mapping. */
  statusKinds: statusKindMapSchema,
  /** Base for "Open in Salesforce" links is kept in the main process; the renderer asks by id. */
  warnings: z.array(z.string()),
});
export type InvoiceList = z.infer<typeof invoiceListSchema>;

const textCells = z.instanceof(Uint32Array);
const numberCells = z.instanceof(Float64Array);
const numberMarks = z.instanceof(Uint8Array).nullable();
/**
 * A window of the list as columns (`invoices.listColumns`, electron/contract/invoice-columns.ts): the window's distinct
 * shared strings once, its ids, numbers and instants one string per field, and per field a typed array with a cell per
 * row — the same rows `invoices.list` gives for the same window.
 */
export const invoiceColumnsSchema = z.object({
  length: z.number().int().nonnegative(),
  strings: z.array(z.string()),
  own: z.object({ id: z.string(), number: z.string(), lastModified: z.string() }),
  text: z.object({
    id: textCells,
    number: textCells,
    customer: textCells,
    invoiceDate: textCells,
    dueDate: textCells,
    status: textCells,
    currency: textCells,
    lastModified: textCells,
    customerId: textCells,
    lastPaymentDate: textCells,
    fullyPaidOn: textCells,
  }),
  numbers: z.object({ total: numberCells, balance: numberCells, paid: numberCells, credited: numberCells, daysToPay: numberCells }),
  missing: z.object({ total: numberMarks, balance: numberMarks, paid: numberMarks, credited: numberMarks, daysToPay: numberMarks }),
});
/** `invoices.list`'s answer with the window's rows as columns instead of objects. */
export const invoiceListColumnsSchema = invoiceListSchema.omit({ invoices: true }).extend({ columns: invoiceColumnsSchema });

export const invoiceLineSchema = z.object({
  id,
  name: z.string().nullable(),
  description: z.string().nullable(),
  quantity: z.number().nullable(),
  unitPrice: z.number().nullable(),
  amount: z.number().nullable(),
});
export const invoiceDetailSchema = z.object({
  invoice: invoiceRowSchema,
  /**
   * Every mapped and extra field, labelled, in describe order. A lookup the app reads by name (the customer) holds
   * the name; `system`: the record's bookkeeping or an id (IsDeleted, SystemModstamp, CreatedById …), shown under "More".
   */
  fields: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
      system: z.boolean().optional(),
      /** Salesforce's describe type (currency, date, datetime, reference, percent, double, boolean …): how the value is shown. */
      type: z.string().optional(),
      /** A reference's record by name, where the offline copy has it (the account of the customer field, a payment …). */
      referenceName: z.string().nullable().optional(),
    }),
  ),
  lines: z.array(invoiceLineSchema),
  /** The payment terms ("Net 30"), when the invoice object has a terms field (describe-driven); null when it is empty. */
  terms: z.string().nullable().optional(),
  /** Served from the offline copy (Salesforce unreachable): when Salesforce gave this record (ISO instant). Absent or null: fresh. */
  keptAt: z.string().nullable().optional(),
  /** Served from the record copy of every invoice: what it leaves out and why (a field hidden by field-level security …). */
  warnings: z.array(z.string()).optional(),
});
export type InvoiceDetail = z.infer<typeof invoiceDetailSchema>;

/** Columns computed from the applications (see invoiceListRowSchema). */
const paymentColumnKeys = ['paid', 'lastPaymentDate', 'fullyPaidOn', 'daysToPay'] as const;
/** The invoice export's columns: the grid's, the aging bucket as of the export's date (file only), and the corporate-currency view's conversion columns. */
/** `org`: the connection's name, in an export of "All connections" only (`invoices.export` `combined`). */
export const exportColumnSchema = z.enum([...invoiceFieldKeys, 'daysOverdue', ...paymentColumnKeys, 'agingBucket', ...conversionColumnKeys, 'org']);
export type ExportColumn = z.infer<typeof exportColumnSchema>;
export const exportProgressSchema = z.object({ written: z.number(), total: z.number() });

/** What changed in the offline copy by one sync (pushed with `invoices.changed`). */
export const CHANGED_IDS_CAP = 500;
export const invoicesChangedSchema = z.object({
  connectionId: id,
  /** Rows that were not in the copy before. */
  added: z.number().optional(),
  /** Rows whose values differ from the copy before. */
  changed: z.number().optional(),
  deleted: z.number().optional(),
  /** Ids of the added and changed rows; only when there are at most CHANGED_IDS_CAP of them. */
  changedIds: z.array(id).max(CHANGED_IDS_CAP).optional(),
  /** The connection's first copy: every invoice was loaded, none is "new" (and none is highlighted). */
  first: z.boolean().optional(),
});
export type InvoicesChanged = z.infer<typeof invoicesChangedSchema>;

/** One invoice in a sync's change log: enough to say which one it was (a deleted one is gone from the list). */
export const changeLogEntrySchema = z.object({
  id,
  number: z.string(),
  customer: z.string().nullable(),
  total: z.number().nullable(),
  balance: z.number().nullable(),
  currency: z.string(),
  /** For a changed invoice: which of its fields differ from the copy before (Last modified left out). */
  fields: z.array(invoiceFieldKeySchema).optional(),
});
export type ChangeLogEntry = z.infer<typeof changeLogEntrySchema>;

/**
 * What one sync changed in the offline copy (`invoices.changeLog`, newest first): counts of every kind, and the
 * invoices themselves up to CHANGED_IDS_CAP per kind. `first`: the connection's first copy (everything was loaded, nothing is "new").
 */
export const syncChangeLogSchema = z.object({
  syncedAt: z.string(),
  first: z.boolean(),
  added: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  deleted: z.number().int().nonnegative(),
  entries: z.object({ added: z.array(changeLogEntrySchema), changed: z.array(changeLogEntrySchema), deleted: z.array(changeLogEntrySchema) }),
});
export type SyncChangeLog = z.infer<typeof syncChangeLogSchema>;

/** Why no background sync is planned for a connection. */
export const freshnessPauseSchema = z.enum(['offline', 'reconnect-needed', 'signed-out', 'off']);
export const connectionFreshnessSchema = z.object({
  connectionId: id,
  /** ISO instant of the next background sync; null when none is planned (see `paused`). */
  nextAttemptAt: z.string().nullable(),
  /** Background syncs that failed in a row; any successful sync resets it. */
  failures: z.number(),
  paused: freshnessPauseSchema.nullable(),
  /** Less than 10% of the org's daily API requests left: background syncs run less often (see connections.details). */
  slowedForApiLimit: z.boolean().optional(),
});
export const freshnessStatusSchema = z.object({
  online: z.boolean(),
  interval: syncIntervalSchema,
  connections: z.array(connectionFreshnessSchema),
});
export type ConnectionFreshness = z.infer<typeof connectionFreshnessSchema>;
export type FreshnessStatus = z.infer<typeof freshnessStatusSchema>;

/**
 * Where the app's own update stands. `install` says how this installation updates: 'self' (AppImage, NSIS,
 * dmg+zip: downloaded, verified, applied on restart), 'manual' (deb/rpm: the package manager owns the files, so
 * the app links the download page), 'none' (a development run: no update feed).
 */
export const updateStatusSchema = z.object({
  currentVersion: z.string(),
  install: z.enum(['self', 'manual', 'none']),
  policy: updatePolicySchema,
  /** Set when the machine-wide policy fixes the update setting (the user cannot change it). */
  lockedBy: z.enum(['policy']).nullable(),
  state: z.enum(['idle', 'checking', 'available', 'downloading', 'ready']),
  /** The newer version offered (available, downloading, ready). */
  version: z.string().nullable(),
  /** Bytes of the download so far (downloading). */
  progress: z.object({ transferred: z.number(), total: z.number() }).nullable(),
  /** The restart the user asked for waits until this work is done. */
  restartWaitsFor: z.enum(['sync', 'export']).nullable(),
  lastCheckedAt: z.string().nullable(),
  /** What went wrong last time (nothing else changed); cleared by the next success. */
  problem: z.string().nullable(),
  downloadPage: z.string().nullable(),
});
export type UpdateStatus = z.infer<typeof updateStatusSchema>;
