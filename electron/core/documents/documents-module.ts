import { MB } from '../../contract/document-budget';
import type { CatalogueT } from '../../contract/i18n/catalogue';
import type { CoreDeps } from '../core-deps';
import type { Handlers } from '../ipc/dispatcher';
import type { SettingsService } from '../settings/settings-service';
import { DocumentPrefetch, type PrefetchCandidate } from './document-prefetch';
import { InvoiceDocuments, type DocumentSession } from './invoice-documents';
import { KeptDocuments } from './kept-documents';
import { saveInvoiceDocument } from './save-document';
import { UserFirst } from './user-first';

export interface DocumentsModule {
  handlers: Pick<Handlers, 'invoices.document' | 'invoices.saveDocument' | 'invoices.cancelPrefetch'>;
  /** After a sync has answered: drop kept documents Salesforce deleted or re-issued (awaited), then prefetch (not awaited). */
  afterSync(connectionId: string): Promise<void>;
  /** The user has this connection open (its list was read): switching the prefetch on starts it for this one. */
  seen(connectionId: string): void;
  forget(connectionId: string): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * The invoice documents of every connection: `invoices.document` (open, check, keep), the disk budget, and "Keep PDFs
 * of open invoices offline" — wired to Settings here so the invoices module only lends its session and open invoices.
 */
export function createDocumentsModule(
  deps: Pick<CoreDeps, 'dataDir' | 'secretBox' | 'clock' | 'events' | 'logger' | 'saveDialog'>,
  links: {
    settings: SettingsService;
    session: DocumentSession;
    /** Whether the offline copy may be written (OS encryption, or weaker storage allowed). */
    persistable: () => boolean;
    /** The connection's open invoices, newest first (prefetch-candidates.ts). */
    openInvoices: (connectionId: string) => Promise<PrefetchCandidate[]>;
    /** The words of the save dialog, read when it opens (Settings → Language). */
    t: () => CatalogueT;
    /** Checks the connection exists and the id is a record id (throws as the other invoice channels do). */
    checkRequest: (connectionId: string, id?: string) => void;
  },
): DocumentsModule {
  const budgetBytes = () => links.settings.get().pdfBudgetMb * MB;
  const kept = new KeptDocuments(deps.dataDir, deps.secretBox, links.persistable, deps.logger, { budgetBytes, now: () => deps.clock.now() });
  const documents = new InvoiceDocuments(links.session, kept, () => deps.clock.now());
  const userFirst = new UserFirst();
  const prefetch = new DocumentPrefetch({
    session: links.session, documents, kept, userFirst, events: deps.events, logger: deps.logger, budgetBytes,
    // Only where the PDFs can be kept on disk: without OS encryption (and weaker storage not allowed) they would be kept
    // in the app's memory, up to the whole budget, and be gone at the next start — nothing kept offline.
    enabled: () => links.settings.get().keepPdfsOffline && links.persistable(),
    candidates: links.openInvoices,
  });
  const seen = new Set<string>();
  const stopSettings = links.settings.onChange(async (next, previous) => {
    // Weaker storage switched off deleted the kept files with the copies: the budget counts again.
    if (previous.allowWeakStorage && !next.allowWeakStorage && !links.persistable()) {
      kept.filesRemoved();
      await prefetch.stopAll('stopped');
    }
    if (next.pdfBudgetMb < previous.pdfBudgetMb) await kept.trim();
    if (previous.keepPdfsOffline && !next.keepPdfsOffline) await prefetch.stopAll('cancelled');
    if (!previous.keepPdfsOffline && next.keepPdfsOffline) for (const connectionId of seen) void prefetch.start(connectionId);
  });

  return {
    handlers: {
      'invoices.document': ({ connectionId, id }) => {
        links.checkRequest(connectionId, id);
        // The user's open goes first: the prefetch starts no download while it is in flight.
        return userFirst.during(() => documents.document(connectionId, id));
      },
      'invoices.saveDocument': ({ connectionId, id }) => {
        links.checkRequest(connectionId, id);
        const read = () => userFirst.during(() => documents.document(connectionId, id));
        return saveInvoiceDocument(read, { saveDialog: deps.saveDialog, t: links.t(), logger: deps.logger });
      },
      'invoices.cancelPrefetch': async ({ connectionId }) => {
        await prefetch.stop(connectionId, 'cancelled');
        return null;
      },
    },
    async afterSync(connectionId) {
      seen.add(connectionId);
      await documents.prune(connectionId).catch((error: unknown) => deps.logger.warn('Kept documents not checked after the sync', { code: (error as { code?: string }).code ?? 'unknown' }));
      void prefetch.start(connectionId);
    },
    seen: (connectionId) => seen.add(connectionId),
    async forget(connectionId) {
      seen.delete(connectionId);
      // The run ends before the folder goes, so nothing is written back after it.
      await prefetch.forget(connectionId);
      await kept.forget(connectionId);
    },
    async dispose() {
      stopSettings();
      await prefetch.stopAll('stopped');
      await kept.idle();
    },
  };
}
