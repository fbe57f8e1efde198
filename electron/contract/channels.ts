import { z } from 'zod';
import {
  connectionSchema,
  exportColumnSchema,
  exportProgressSchema,
  agingBasisSchema,
  fieldMappingSchema,
  freshnessStatusSchema,
  id,
  invoiceDetailSchema,
  invoiceListSchema,
  invoiceListColumnsSchema,
  invoiceObjectSchema,
  invoicesChangedSchema,
  syncChangeLogSchema,
  isoDate,
  LIST_OFFSET_MAX,
  LIST_WINDOW_MAX,
  mappingSchema,
  paymentFiguresSchema,
  statusKindMapSchema,
  secretProtectionSchema,
  settingsSchema,
  signInMethodSchema,
  syncProgressSchema,
  syncResultSchema,
  updateStatusSchema,
} from './models';
import { connectionDetailsSchema } from './connection-details';
import { idList } from './id-list';
import { policyStatusSchema } from './policy';
import { provisionedOfferSchema } from './provisioning';
import { currencyReceivablesSchema, customerLedgerSchema, invoiceReceivablesSchema } from './receivables';
import { currencyRatesSchema } from './rates';
import { invoiceDocumentSchema, prefetchProgressSchema } from './invoice-document';
import { recordProgressSchema } from './invoice-record';
import { statementInputSchema, statementsInputSchema, statementsProgressSchema, statementsResultSchema } from './statements';
import { savedViewListSchema, viewNameSchema, viewStateSchema } from './saved-views';

/**
 * The IPC contract: every channel the renderer may call, with the schema of its input
 * (validated in the main process before any handler runs) and of its result.
 * Main, preload, the test harness and (type-only) the renderer are all built from this object.
 */

const noInput = z.undefined();
const ok = z.null();
const byConnection = z.strictObject({ connectionId: id });
const label = z.string().trim().min(1).max(80);
const url = z.string().min(1).max(300);
const clientId = z.string().trim().min(1).max(256);
const clientSecret = z.string().min(1).max(256);

export const channels = {
  'app.info': {
    input: noInput,
    output: z.object({
      version: z.string(),
      platform: z.string(),
      secretProtection: secretProtectionSchema,
      /** The computer's locale (Electron's `app.getLocale()`), which Settings → Language 'system' follows. */
      systemLocale: z.string().max(100),
      /** Offered on developer machines where `npm start` runs the local org next to the app. */
      demo: z.object({ label: z.string(), loginUrl: z.string(), clientId: z.string() }).nullable(),
      /** The client ids this build carries (public, never a secret); with one, connecting needs no client id typed. */
      builtInClientIds: z.object({ default: z.string().nullable(), sandbox: z.string().nullable(), byLoginHost: z.record(z.string(), z.string()) }),
    }),
  },
  /** The window saw the network go away or come back (`online` / `offline` events). */
  'app.networkChanged': { input: z.strictObject({ online: z.boolean() }), output: ok },

  /** When each connected org is synced next in the background, and why not (offline, reconnect needed, off). */
  'freshness.status': { input: noInput, output: freshnessStatusSchema },

  /** The app's own updates: where they stand, check now, download (notify only), restart to update, open the download page (deb/rpm). */
  'updates.status': { input: noInput, output: updateStatusSchema },
  'updates.check': { input: noInput, output: updateStatusSchema },
  'updates.download': { input: noInput, output: updateStatusSchema },
  'updates.restart': { input: noInput, output: updateStatusSchema },
  'updates.openDownloadPage': { input: noInput, output: ok },

  'settings.get': { input: noInput, output: settingsSchema },
  'settings.set': { input: settingsSchema.partial().strict(), output: settingsSchema },
  /** The machine-wide policy file: which settings it locks and which connections it predefines, or why it was ignored. */
  'policy.status': { input: noInput, output: policyStatusSchema },

  'connections.list': { input: noInput, output: z.array(connectionSchema) },
  'connections.add': {
    /**
     * Without `clientId` the build's built-in one for that login host is used (INVALID_INPUT when there is none).
     * Without `label` the connection is named after its login host until the first sign-in names it after the org.
     */
    input: z.strictObject({ label: label.optional(), loginUrl: url, clientId: clientId.optional(), clientSecret: clientSecret.optional(), signInMethod: signInMethodSchema.optional() }),
    output: connectionSchema,
  },
  'connections.update': {
    input: z.strictObject({
      id,
      label: label.optional(),
      loginUrl: url.optional(),
      clientId: clientId.optional(),
      clientSecret: clientSecret.nullable().optional(),
      signInMethod: signInMethodSchema.optional(),
    }),
    output: connectionSchema,
  },
  'connections.connect': { input: z.strictObject({ id, switchUser: z.boolean().optional() }), output: connectionSchema },
  'connections.cancelLogin': { input: z.strictObject({ id }), output: ok },
  'connections.disconnect': { input: z.strictObject({ id }), output: z.object({ revoked: z.boolean() }) },
  'connections.remove': { input: z.strictObject({ id }), output: ok },
  /** Connection details: user, org, instance, API version, invoice object and mapping, API requests used/allowed, last sync; with plain-text diagnostics (no token). */
  'connections.details': { input: z.strictObject({ id }), output: connectionDetailsSchema },

  /** The link or `.budgetly` file waiting for the user's answer (the latest one), if any. */
  'provisioning.pending': { input: noInput, output: provisionedOfferSchema.nullable() },
  /** Adds the offered connection exactly as shown (signing in is the renderer's next call, on the same click). */
  'provisioning.accept': { input: z.strictObject({ id }), output: connectionSchema },
  'provisioning.dismiss': { input: z.strictObject({ id }), output: ok },

  'invoices.objects': { input: byConnection, output: z.array(invoiceObjectSchema) },
  'invoices.mapping.get': { input: byConnection, output: mappingSchema.nullable() },
  'invoices.mapping.set': {
    input: z.strictObject({
      connectionId: id,
      object: z.string().min(1).max(120),
      fields: fieldMappingSchema.optional(),
      /** What status values mean for receivables (only values of the status field's picklist are kept). */
      statusKinds: statusKindMapSchema.optional(),
    }),
    output: mappingSchema,
  },
  'invoices.sync': {
    input: z.strictObject({ connectionId: id, mode: z.enum(['full', 'incremental']).optional() }),
    output: syncResultSchema,
  },
  'invoices.cancelSync': { input: byConnection, output: ok },
  /**
   * The offline copy in the workspace's default order: the whole list, or a window of it
   * (`offset`, `limit`) so the first screen does not wait for every row to cross.
   */
  'invoices.list': {
    input: z.strictObject({
      connectionId: id,
      offset: z.number().int().min(0).max(LIST_OFFSET_MAX).optional(),
      limit: z.number().int().min(1).max(LIST_WINDOW_MAX).optional(),
    }),
    output: invoiceListSchema,
  },
  /**
   * The same window as `invoices.list` (same input, same answer) with its rows as columns: one string table and a typed
   * array per field (electron/contract/invoice-columns.ts). What the workspace loads the rest of a list with (issue #19).
   */
  'invoices.listColumns': {
    input: z.strictObject({
      connectionId: id,
      offset: z.number().int().min(0).max(LIST_OFFSET_MAX).optional(),
      limit: z.number().int().min(1).max(LIST_WINDOW_MAX).optional(),
    }),
    output: invoiceListColumnsSchema,
  },
  'invoices.get': { input: z.strictObject({ connectionId: id, id }), output: invoiceDetailSchema },
  /**
   * The invoice's PDF (issue #15): its latest version downloaded, checked (MD5 / size, a whole PDF) and kept in the
   * encrypted copy; the kept copy when Salesforce is out of reach. Takes an invoice id only, never a URL.
   */
  'invoices.document': { input: z.strictObject({ connectionId: id, id }), output: invoiceDocumentSchema },
  /**
   * "Save as…" in the PDF viewer: the invoice's PDF (read as invoices.document reads it) written where the user picks in
   * the main process's save dialog. Takes the invoice only: never bytes, never a path. `path` null: cancelled.
   */
  'invoices.saveDocument': { input: z.strictObject({ connectionId: id, id }), output: z.object({ path: z.string().nullable() }) },
  /** Stops "Keep PDFs of open invoices offline" for this connection until its next sync (what was kept stays). */
  'invoices.cancelPrefetch': { input: byConnection, output: ok },
  /** Payments and credit notes applied to one invoice, from the offline copy (works offline). */
  'invoices.receivables': { input: z.strictObject({ connectionId: id, id }), output: invoiceReceivablesSchema },
  /**
   * Per currency: payments and credits applied, unapplied cash and average days to pay, over the invoices given (all
   * without ids), from the offline copy. With `asOf`, as of that day (the workspace's as-of): invoices dated later
   * left out, applications and payments dated later not yet made.
   */
  'invoices.receivablesSummary': {
    input: z.strictObject({ connectionId: id, ids: z.array(id).max(2_000_000).optional(), asOf: isoDate.optional() }),
    output: z.array(currencyReceivablesSchema),
  },
  /** One customer's payments (with unapplied cash) and credit notes not wholly applied, from the offline copy (works offline). */
  'invoices.customer': {
    /**
     * `account`: the customer's account id (InvoiceRow.customerId) when the invoices have one: it decides, the name is shown.
     * `asOf`: an as-of view's day — the payments and credit notes dated by then, applied and unapplied as they stood that day.
     */
    input: z.strictObject({ connectionId: id, customer: z.string().min(1).max(255), account: id.optional(), asOf: isoDate.optional() }),
    output: customerLedgerSchema,
  },
  /** The org's currencies and exchange rates from the offline copy (CurrencyType, DatedConversionRate), for the corporate-currency view. */
  'invoices.rates': { input: byConnection, output: currencyRatesSchema },
  /** What the syncs of this app session changed (added, changed, deleted — with what was deleted), newest first; kept in memory only. */
  'invoices.changeLog': { input: byConnection, output: z.array(syncChangeLogSchema) },
  /**
   * Balances as of a day (the aging's as-of date), from the payments and credits applied with their dates in the
   * offline copy: only the invoices whose balance then differs from the one Salesforce states now. `applications`
   * false: the copy has no dated applications, so the balances are those of the last sync.
   */
  'invoices.balancesAsOf': {
    input: z.strictObject({ connectionId: id, asOf: isoDate }),
    output: z.object({
      applications: z.boolean(),
      balances: z.record(z.string(), z.number()),
      /** Each invoice's payment figures as of the day where they differ from the list's (today's): the as-of view shows those. */
      figures: z.record(z.string(), paymentFiguresSchema).optional(),
    }),
  },
  /** Opens an invoice, or a payment / credit note / application of the offline copy, in Salesforce. */
  'invoices.openInSalesforce': { input: z.strictObject({ connectionId: id, id }), output: ok },
  'invoices.export': {
    input: z.strictObject({
      connectionId: id,
      format: z.enum(['csv', 'xlsx']),
      columns: z.array(exportColumnSchema).min(1).max(20),
      /** The rows exactly as the user sees them: filtered and in display order (checked without an object per id: id-list.ts). */
      ids: idList(2_000_000),
      /** The as-of date: balances as of it (see invoices.balancesAsOf), days overdue and the aging bucket. */
      asOf: isoDate,
      /** The view shows the corporate currency: the conversion columns hold each invoice converted at this basis (from the copy's rates). */
      conversion: z.strictObject({ basis: z.enum(['invoiceDate', 'asOf']) }).optional(),
      /** The user chose the as-of date: balances as of it (invoices.balancesAsOf). Absent/false: today's, as Salesforce states them. */
      balancesAsOf: z.boolean().optional(),
      /** As the screen counts receivables: the aging basis and whether drafts count (defaults: due date, no). */
      agingBasis: agingBasisSchema.optional(),
      includeDrafts: z.boolean().optional(),
      /** What to write: the invoices (default), or the aging-by-customer report of them (XLSX only). */
      report: z.enum(['invoices', 'agingByCustomer']).optional(),
      /** CSV for a spreadsheet in a decimal-comma locale (de, fr, es): `;` between fields, decimal commas. */
      csvExcel: z.boolean().optional(),
      /** The active filters as the user reads them (the chips), for the XLSX Summary sheet. */
      filters: z.array(z.string().max(500)).max(50).optional(),
      /**
       * "All connections" (#21): `ids[i]` is a record of `connections[orgOf[i]]` (each row from its own org's copy, the
       * `org` column its connection's name); `connectionId` is `connections[0]`. The XLSX's Summary (per currency and per org) and Applications (with the
       * org) sheets cover every org.
       */
      combined: z
        // Up to 100 connections: a firm's policy file alone may give 50, and All connections sends every one of them.
        .strictObject({ connections: z.array(id).min(2).max(100), orgOf: z.array(z.number().int().min(0).max(99)).max(2_000_000) })
        .optional(),
    })
      .refine((request) => request.report !== 'agingByCustomer' || request.format === 'xlsx', { message: 'the aging-by-customer report is written as XLSX only', path: ['format'] })
      .refine((request) => !request.combined || (request.report ?? 'invoices') === 'invoices', { message: 'a combined export writes the invoices only', path: ['report'] })
      .refine(
        (request) =>
          !request.combined ||
          (request.combined.connections[0] === request.connectionId &&
            request.combined.orgOf.length === request.ids.length &&
            request.combined.orgOf.every((k) => k < request.combined!.connections.length)),
        { message: 'a combined export names each row\'s connection among its connections, the first being connectionId', path: ['combined'] },
      )
      .refine((request) => Boolean(request.combined) || !request.columns.includes('org'), { message: 'the org column belongs to a combined export', path: ['columns'] }),
    output: z.object({ path: z.string().nullable(), rows: z.number() }),
  },
  /**
   * Opens a file an export of this session wrote (with the OS's program for it) or shows it in its folder. Any other
   * path is refused (FORBIDDEN): the core keeps the list of the paths its exports wrote.
   */
  'invoices.openExport': {
    input: z.strictObject({ path: z.string().min(1).max(4096), how: z.enum(['open', 'folder']) }),
    output: ok,
  },
  /**
   * One customer's statement of account as a PDF (issue #15), from the offline copy: saved where the save dialog
   * says, or written to the app's temporary folder and opened in the OS (Open, Print). `path`: null when cancelled.
   */
  'statements.save': { input: statementInputSchema, output: z.object({ path: z.string().nullable() }) },
  /** One PDF per customer into a folder the main process asks for, with progress (`statements.progress`) and cancel. */
  'statements.saveMany': { input: statementsInputSchema, output: statementsResultSchema },
  /** Stops `statements.saveMany` after the file being written (the written ones stay). */
  'statements.cancel': { input: noInput, output: ok },

  /** Saved views (issue #21) of a connection, in their order, with its default view (opened at launch). */
  'views.list': { input: byConnection, output: savedViewListSchema },
  /** Saves the workspace's state under a name; a view of that name (case aside) is replaced in its place. */
  'views.save': { input: z.strictObject({ connectionId: id, name: viewNameSchema, state: viewStateSchema }), output: savedViewListSchema },
  /** Renames a view, moves it one place up or down, or makes it (or stops it being) the connection's default. */
  'views.update': {
    input: z.strictObject({ connectionId: id, id, name: viewNameSchema.optional(), move: z.enum(['up', 'down']).optional(), isDefault: z.boolean().optional() }),
    output: savedViewListSchema,
  },
  'views.delete': { input: z.strictObject({ connectionId: id, id }), output: savedViewListSchema },
  /** Writes the connection's views to a JSON file the user picks (a save dialog); path null when cancelled. */
  'views.export': { input: byConnection, output: z.object({ path: z.string().nullable(), count: z.number().int() }) },
  /**
   * Reads views from a JSON file the user picks (an open dialog) and adds them; names already taken get " (2)".
   * A broken or hostile file is refused whole (INVALID_INPUT with the reason) and changes nothing.
   */
  'views.import': { input: byConnection, output: z.object({ path: z.string().nullable(), imported: z.array(z.string()), list: savedViewListSchema }) },
} as const;

/** Pushed from the main process to the renderer. */
export const events = {
  'connections.changed': z.array(connectionSchema),
  /** A link or `.budgetly` file arrived (or null once it was answered). */
  'provisioning.changed': provisionedOfferSchema.nullable(),
  'invoices.syncProgress': syncProgressSchema,
  'invoices.changed': invoicesChangedSchema,
  'freshness.changed': freshnessStatusSchema,
  'invoices.exportProgress': exportProgressSchema,
  'updates.changed': updateStatusSchema,
  'statements.progress': statementsProgressSchema,
  'invoices.prefetchProgress': prefetchProgressSchema,
  /** How far the background phase after a sync that keeps every invoice's whole record offline is. */
  'invoices.recordProgress': recordProgressSchema,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(channels, value);
}
