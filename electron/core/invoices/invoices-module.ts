import { englishMessage } from '../../contract/i18n/spoken-messages';
import { ChangeLogs } from './snapshot/change-logs';
import type { CoreWords } from '../i18n/core-words';
import { AppError, type Connection, type InvoiceListRow, type Mapping } from '../../contract';
import { kindOfStatus } from '../../contract/invoice-status';
import type { CoreDeps } from '../core-deps';
import { ExportedFiles } from '../export/exported-files';
import type { Handlers } from '../ipc/dispatcher';
import type { ConnectionDirectory, InvoiceSyncs, SalesforceSessions } from '../module-links';
import type { SettingsService } from '../settings/settings-service';
import { loadInvoiceDetail } from './read/invoice-detail';
import { InvoiceLists } from './read/invoice-list';
import { firstScreenOf, statusesOf } from './read/ordered-rows';
import { customersCurrency, listRowById, rowsWithBalance } from './read/copy-lookups';
import { changesAsOf } from './read/balance-as-of';
import { ledgerIndex } from './read/applied-ledger';
import { warmReads } from './read/read-warm-up';
import { invoiceReceivables } from './read/invoice-receivables';
import { collectionFigures } from './read/collection-figures';
import { customerLedger } from './read/customer-ledger';
import { rowsAsOf } from './read/receivables-as-of';
import { currencyRates } from './read/currency-rates';
import { listRowsOf, paymentFiguresState } from './read/payment-figures';
import { InvoiceRepository } from './cache/invoice-repository';
import { KeptDetails } from './cache/kept-details';
import { createDocumentsModule } from '../documents/documents-module';
import { openInvoicesNewestFirst } from '../documents/prefetch-candidates';
import { withReferenceNames } from './read/reference-names';
import type { RecordWriteTuning } from './record/record-build';
import { createRecordKeeping } from './record/record-keeping';
import { onOsStoreReading } from '../salesforce/os-certificate-store';
import { OpenBulkJobs } from './related/open-bulk-jobs';
import { MappingService } from './mapping/mapping-service';
import { OrgMetadata } from './mapping/org-metadata';
import { recordUrl } from './read/record-link';
import { RelatedDiscovery } from './related/related-plan';
import type { Snapshot } from './snapshot/snapshot';
import { assertRecordId } from './sync/soql';
import { defaultTuning, SyncCoordinator, type SyncTuning } from './sync/sync-coordinator';
import type { StatementSource } from '../statements/statement-source';
import { createInvoiceExports } from './invoice-exports';
import { createStatementCopy } from './statement-copy';

export type InvoiceHandlers = Pick<Handlers, Extract<keyof Handlers, `invoices.${string}`>>;

export interface InvoicesModule {
  handlers: InvoiceHandlers;
  syncs: InvoiceSyncs;
  /** The invoice object and field mapping last resolved for a connection (no network), for Connection details. */
  mappingOf(connectionId: string): Mapping | null;
  /** What customer statements read from the offline copy, as of a day (electron/core/statements). */
  statementCopy: StatementSource;
  /** The files this session's exports (and statements) wrote: the only ones `invoices.openExport` may open or show. */
  exported: ExportedFiles;
  /** Start-up: loads the offline copy the window will most likely ask for first; resolves once the window has it all, or after a grace (see InvoiceLists.warmUp). */
  warmUp(connections: readonly Connection[]): Promise<void>;
  /** Resolves once no offline copy is being written (the first screen a sync writes after answering, a compaction, the kept records of opened invoices). */
  idle(): Promise<void>;
  dispose(): Promise<void>;
}

/** The ports the invoices module uses. */
export type InvoicesDeps = Pick<CoreDeps, 'dataDir' | 'secretBox' | 'store' | 'clock' | 'events' | 'shell' | 'saveDialog' | 'logger' | 'extraLoginOrigins' | 'recordPhase'>;

/**
 * Everything behind the `invoices.*` channels: discovery and mapping, sync (full and incremental)
 * with progress and cancel, the encrypted offline copy, detail, links and export.
 * `tuning` lets tests use small pages and short retry delays.
 */
export function createInvoicesModule(
  deps: InvoicesDeps,
  links: {
    sessions: SalesforceSessions;
    directory: ConnectionDirectory;
    settings: SettingsService;
    words: Pick<CoreWords, 't' | 'locale'>;
    /** The core's one speaker: what the copy keeps in English (discovery warnings, why an application is not counted) in the user's language. */
    say: (message: string) => string;
  },
  tuning: Partial<SyncTuning> & { record?: Partial<RecordWriteTuning> } = {},
): InvoicesModule {
  const tuned: SyncTuning = { ...defaultTuning, ...tuning };
  const metadata = new OrgMetadata(links.sessions, tuned);
  const mappings = new MappingService(deps.store, metadata, deps.clock);
  // The read indexes of each new copy, made in slices in the background (read/read-warm-up.ts).
  const repository = new InvoiceRepository(deps.dataDir, deps.secretBox, links.settings, deps.logger, firstScreenOf, warmReads);
  const lists = new InvoiceLists(repository, deps.store, deps.logger);
  const kept = new KeptDetails(deps.dataDir, deps.secretBox, () => repository.persistable(), deps.logger);
  const documents = createDocumentsModule(deps, {
    settings: links.settings,
    session: {
      open: async (connectionId) => {
        const { conn, apiVersion } = await metadata.open(connectionId);
        return { conn, objectName: (await mappings.forSync(connectionId, conn, apiVersion)).object };
      },
    },
    persistable: () => repository.persistable(),
    t: () => links.words.t,
    openInvoices: async (connectionId) => {
      const snapshot = await repository.current(connectionId);
      return snapshot ? openInvoicesNewestFirst(rowsWithBalance(snapshot), mappings.statusKinds(connectionId, statusesOf(snapshot))) : [];
    },
    checkRequest: (connectionId, id) => {
      known(connectionId);
      if (id !== undefined) assertRecordId(id);
    },
  });
  const { say } = links;
  const related = new RelatedDiscovery(metadata, deps.clock);
  // Every invoice's whole record (fields and lines), fetched in the background after each sync (README: record/).
  const records = createRecordKeeping(deps, { metadata, mappings, repository, kept, tuning: tuned, write: tuning.record });
  const changeLogs = new ChangeLogs();
  const bulkJobs = new OpenBulkJobs(deps.dataDir);
  const coordinator = new SyncCoordinator({
    metadata,
    mappings,
    related,
    repository,
    directory: links.directory,
    events: deps.events,
    clock: deps.clock,
    logger: deps.logger,
    tuning: tuned,
    changeLogs,
    bulkJobs,
    watchOsStoreReading: onOsStoreReading,
  });
  // Rows by id with their payment figures (export writes them; the detail panel's ledger reads the row).
  const indexes = new WeakMap<Snapshot, Map<string, InvoiceListRow>>();
  const indexOf = (snapshot: Snapshot) => {
    let index = indexes.get(snapshot);
    if (!index) {
      index = new Map(listRowsOf(snapshot).map((row) => [row.id, row]));
      indexes.set(snapshot, index);
    }
    return index;
  };
  const known = (connectionId: string) => {
    if (!links.directory.get(connectionId)) throw new AppError('NOT_FOUND', englishMessage('connectionGone'));
  };

  const stopForget = links.directory.onForget(async (connectionId) => {
    // A sync still running must not write the copy back after it was deleted.
    await coordinator.stop(connectionId);
    await records.forget(connectionId);
    metadata.forget(connectionId);
    mappings.forget(connectionId);
    related.forget(connectionId);
    changeLogs.forget(connectionId);
    lists.forget(connectionId);
    await repository.forget(connectionId);
    await bulkJobs.forget(connectionId);
    await kept.forget(connectionId);
    await documents.forget(connectionId);
  });

  // Exports, and the files they wrote (the only ones invoices.openExport may open or show).
  const exports = createInvoiceExports({ deps, directory: links.directory, words: links.words, repository, mappings, indexOf, known });

  /**
   * After a sync: kept documents Salesforce deleted (or re-issued) are dropped before the sync answers (one query per
   * 200 kept documents; none when nothing is kept; Salesforce out of reach: they stay until the next sync); then the
   * PDFs of open invoices are kept offline in the background when Settings says so (the answer does not wait).
   */
  const pruned = <T,>(connectionId: string, sync: Promise<T>): Promise<T> =>
    sync.then(async (result) => {
      records.afterSync(connectionId);
      await documents.afterSync(connectionId);
      return result;
    });
  /** A sync's answer (after `pruned`); the first screen of the copy it writes is made once it has gone (repository.afterAnswer). */
  const answered = <T,>(connectionId: string, sync: Promise<T>): Promise<T> => {
    const answer = pruned(connectionId, sync);
    repository.afterAnswer(connectionId, answer);
    return answer;
  };
  const listWindow = async <W extends { object: string | null; statuses: string[] }>(connectionId: string, read: () => Promise<W>) => {
    known(connectionId);
    documents.seen(connectionId);
    // Works offline and while reconnect is needed: it reads only the offline copy.
    // Rows come in the workspace's default order, whole or as a window: the renderer asks for a
    // first screen, shows it, then fetches the rest in large windows (measured by `npm run bench`,
    // cold start: the whole 100k list took ~1.4 s to cross to the page in the harness and ~0.3 s as
    // structured clone, plus ~0.9 s of renderer work, before the first row could be painted).
    const { statuses, ...window } = await read();
    const mappingWarnings = window.object !== null ? (mappings.get(connectionId)?.warnings ?? []) : [];
    return {
      ...window,
      statusKinds: mappings.statusKinds(connectionId, statuses),
      warnings: [...repository.warnings(connectionId), ...mappingWarnings].map(say),
    };
  };
  const handlers: InvoiceHandlers = {
    'invoices.objects': ({ connectionId }) => mappings.objects(connectionId),
    'invoices.mapping.get': ({ connectionId }) => mappings.get(connectionId),
    'invoices.mapping.set': ({ connectionId, object, fields, statusKinds }) => mappings.set(connectionId, object, fields, statusKinds),
    'invoices.sync': ({ connectionId, mode }) => {
      known(connectionId);
      return answered(connectionId, coordinator.sync(connectionId, mode ?? 'incremental'));
    },
    'invoices.cancelSync': ({ connectionId }) => {
      coordinator.cancel(connectionId);
      return null;
    },
    'invoices.list': ({ connectionId, offset, limit }) => listWindow(connectionId, () => lists.list(connectionId, { offset, limit })),
    // The same window with its rows as columns (the workspace loads the rest of a list this way: issue #19).
    'invoices.listColumns': ({ connectionId, offset, limit }) => listWindow(connectionId, () => lists.listColumns(connectionId, { offset, limit })),
    'invoices.get': async ({ connectionId, id }) => {
      assertRecordId(id);
      let detail;
      try {
        const { conn, apiVersion } = await metadata.open(connectionId);
        const mapping = await mappings.forSync(connectionId, conn, apiVersion);
        const describe = await metadata.describe(conn, mapping.object);
        detail = await loadInvoiceDetail(conn, metadata, mapping, describe, id);
        await kept.keep(connectionId, detail, new Date(deps.clock.now()).toISOString());
      } catch (error) {
        // Salesforce out of reach (offline, signed out, limits): the record as it was last opened, from the copy.
        // An invoice Salesforce says is gone, or a bad id, is not dressed up from an old copy.
        const code = error instanceof AppError ? error.code : null;
        if (code === 'NOT_FOUND' || code === 'INVALID_INPUT') throw error;
        // The newer of the record as last opened and the record copy of the last sync (every invoice).
        const before = await records.offlineDetail(connectionId, id);
        if (!before) throw error;
        detail = before;
      }
      const snapshot = await repository.current(connectionId);
      const row = snapshot ? listRowById(snapshot, id) : undefined;
      const answer = withReferenceNames(detail, row, mappings.get(connectionId)?.fields.customer, snapshot?.related);
      // What the detail leaves out and why (kept in English, in the copies too), in the user's language.
      return answer.warnings ? { ...answer, warnings: answer.warnings.map(say) } : answer;
    },
    ...documents.handlers,
    'invoices.receivables': async ({ connectionId, id }) => {
      known(connectionId);
      assertRecordId(id);
      const snapshot = await repository.current(connectionId);
      const invoice = snapshot ? listRowById(snapshot, id) : undefined;
      if (!snapshot || !invoice) throw new AppError('NOT_FOUND', englishMessage('notInOfflineCopy'));
      const receivables = invoiceReceivables(snapshot.related, invoice);
      return {
        ...receivables,
        note: receivables.note === null ? null : say(receivables.note),
        warnings: receivables.warnings.map(say),
        entries: receivables.entries.map((entry) => ({ ...entry, problems: entry.problems.map(say) })),
      };
    },
    'invoices.receivablesSummary': async ({ connectionId, ids, asOf }) => {
      known(connectionId);
      const snapshot = await repository.current(connectionId);
      if (!snapshot) return [];
      const shown = ids ? ids.flatMap((id) => listRowById(snapshot, id) ?? []) : listRowsOf(snapshot);
      // As of a day (the workspace's as-of; headless --as-of): the rows and their figures as they stood then.
      const rows = asOf === undefined ? shown : rowsAsOf(shown, snapshot.related, asOf);
      const kinds = mappings.statusKinds(connectionId, new Set(rows.flatMap((row) => (row.status === null ? [] : [row.status]))));
      return collectionFigures(snapshot.related, rows, (row) => kindOfStatus(kinds, row.status) === 'cancelled', asOf);
    },
    'invoices.customer': async ({ connectionId, customer, account, asOf }) => {
      known(connectionId);
      const snapshot = await repository.current(connectionId);
      const who = account ? { name: customer, account } : { name: customer };
      // Records without a currency are a single-currency org's: in its invoices' currency.
      const fallback = snapshot ? customersCurrency(snapshot, who) : 'USD';
      // As of the view's day when it is an as-of view: its unapplied cash and credits as they stood then.
      const ledger = customerLedger(snapshot?.related, who, fallback, asOf);
      return { ...ledger, note: ledger.note === null ? null : say(ledger.note), warnings: ledger.warnings.map(say) };
    },
    'invoices.balancesAsOf': async ({ connectionId, asOf }) => {
      known(connectionId);
      const snapshot = await repository.current(connectionId);
      if (!snapshot) return { applications: false, balances: {} };
      const then = changesAsOf(snapshot, indexOf(snapshot), asOf);
      return {
        applications: paymentFiguresState(snapshot.related) === 'available',
        balances: Object.fromEntries(then.balances),
        figures: Object.fromEntries(then.figures),
      };
    },
    'invoices.changeLog': ({ connectionId }) => {
      known(connectionId);
      return changeLogs.list(connectionId);
    },
    'invoices.rates': async ({ connectionId }) => {
      known(connectionId);
      return currencyRates(await repository.current(connectionId));
    },
    'invoices.openInSalesforce': async ({ connectionId, id }) => {
      const connection = links.directory.get(connectionId);
      if (!connection?.instanceUrl) throw new AppError('NOT_CONNECTED', englishMessage('connectToOpen'));
      const snapshot = await repository.current(connectionId);
      // A payment, credit note or application of the copy opens as itself; anything else as an invoice.
      const relatedObject = snapshot?.related ? ledgerIndex(snapshot.related).objects.get(id) : undefined;
      const object = relatedObject ?? snapshot?.object ?? mappings.get(connectionId)?.object;
      if (!object) throw new AppError('NOT_FOUND', englishMessage('invoiceObjectUnknown'));
      await deps.shell.openExternal(recordUrl(connection.instanceUrl, object, id, deps.extraLoginOrigins));
      return null;
    },
    ...exports.handlers,
  };
  const statementCopy = createStatementCopy({ repository, mappings, indexOf, known, say });

  return {
    handlers,
    statementCopy,
    exported: exports.exported,
    mappingOf: (connectionId: string) => mappings.get(connectionId),
    syncs: {
      sync: (connectionId, mode) => answered(connectionId, coordinator.sync(connectionId, mode)),
      isRunning: (connectionId) => coordinator.isRunning(connectionId),
    },
    // Once the window has its list (or the grace passed): the read indexes of the copies loaded, in the background.
    warmUp: (connections) =>
      lists.warmUp(connections, deps.clock).then(() => {
        for (const connection of connections) if (repository.isLoaded(connection.id)) repository.warmReads(connection.id);
      }),
    idle: async () => {
      await repository.idle();
      await kept.idle();
    },
    async dispose() {
      stopForget();
      // A quit right after a sync does not wait for its read indexes to be made (read/read-warm-up.ts).
      repository.stopWarming();
      lists.dispose();
      await coordinator.dispose();
      await records.dispose();
      await repository.idle();
      await kept.idle();
      await documents.dispose();
    },
  };
}
