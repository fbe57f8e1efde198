import { AppError, type PrefetchProgress } from '../../contract';
import type { EventSink, Logger } from '../ports';
import { latestDocumentsOf, type DocumentVersion } from './document-source';
import type { DocumentSession, InvoiceDocuments } from './invoice-documents';
import type { KeptDocuments } from './kept-documents';
import type { UserFirst } from './user-first';

/** An open invoice the prefetch would keep the document of. */
export interface PrefetchCandidate {
  id: string;
}

export interface PrefetchDeps {
  session: DocumentSession;
  documents: InvoiceDocuments;
  kept: KeptDocuments;
  userFirst: UserFirst;
  events: EventSink;
  logger: Logger;
  /** Settings → "Keep PDFs of open invoices offline". */
  enabled: () => boolean;
  budgetBytes: () => number;
  /** The connection's open invoices (a balance, posted, not cancelled), newest first, from the offline copy. */
  candidates: (connectionId: string) => Promise<PrefetchCandidate[]>;
  /** Downloads at a time (default 2). */
  concurrency?: number;
}

/** Salesforce out of reach or the session gone: stop, keep what was kept, try again at the next sync. */
const STOPS = new Set(['NETWORK', 'TIMEOUT', 'NOT_CONNECTED', 'RECONNECT_REQUIRED', 'SALESFORCE_LIMIT', 'ENCRYPTION_UNAVAILABLE', 'CANCELLED']);

type End = 'cancelled' | 'stopped';

interface Run {
  abort: AbortController;
  /** Why it was aborted (the user or the setting: cancelled; sign-out: stopped). */
  end: End;
  finished: Promise<void>;
}

/**
 * "Keep PDFs of open invoices offline": after a sync (and when switched on), the documents of the connection's open
 * invoices, newest first, are downloaded in the background through the same download + check + keep path as an
 * open (`InvoiceDocuments.fetchAndKeep`), two at a time, within the disk budget — making room only by evicting
 * documents of invoices that are no longer open; when no more fit it stops (`full`). The user's own opens go first
 * (`UserFirst`). It stops on cancel, on the setting switched off, on sign-out, and when Salesforce drops out of reach
 * (nothing partial is kept: a document is kept only whole and checked; the next sync resumes). Invoices without a
 * document are counted as skipped; a document that fails its check is skipped and not downloaded again while
 * Salesforce has the same version. Progress goes to the window as `invoices.prefetchProgress`.
 */
export class DocumentPrefetch {
  private readonly runs = new Map<string, Run>();
  /** Per connection: ContentVersion ids whose bytes failed the check (not downloaded again this session). */
  private readonly bad = new Map<string, Set<string>>();

  constructor(private readonly deps: PrefetchDeps) {}

  isRunning(connectionId: string): boolean {
    return this.runs.has(connectionId);
  }

  /** Starts a run for the connection unless one is going or the setting is off. Resolves when it ends. */
  start(connectionId: string): Promise<void> {
    const running = this.runs.get(connectionId);
    if (running) return running.finished;
    if (!this.deps.enabled()) return Promise.resolve();
    const run: Run = { abort: new AbortController(), end: 'cancelled', finished: Promise.resolve() };
    this.runs.set(connectionId, run);
    run.finished = this.run(connectionId, run)
      .catch((error: unknown) => this.deps.logger.warn('Keeping PDFs offline failed', { code: (error as AppError).code ?? 'unknown' }))
      .finally(() => this.runs.delete(connectionId));
    return run.finished;
  }

  /** Stops the connection's run (resolves once it has ended; nothing is kept after). */
  async stop(connectionId: string, end: End = 'cancelled'): Promise<void> {
    const run = this.runs.get(connectionId);
    if (!run) return;
    run.end = end;
    run.abort.abort();
    await run.finished;
  }

  async stopAll(end: End = 'cancelled'): Promise<void> {
    await Promise.all([...this.runs.keys()].map((connectionId) => this.stop(connectionId, end)));
  }

  forget(connectionId: string): Promise<void> {
    this.bad.delete(connectionId);
    return this.stop(connectionId, 'stopped');
  }

  private async run(connectionId: string, run: Run): Promise<void> {
    const { signal } = run.abort;
    const candidates = await this.deps.candidates(connectionId);
    const progress: PrefetchProgress = { connectionId, state: 'running', done: 0, total: candidates.length, skipped: 0, keptBytes: 0, budgetBytes: this.deps.budgetBytes() };
    const emit = async (state: PrefetchProgress['state']) => {
      progress.state = state;
      progress.keptBytes = await this.deps.kept.used();
      progress.budgetBytes = this.deps.budgetBytes();
      this.deps.events.emit('invoices.prefetchProgress', { ...progress });
    };
    if (candidates.length === 0) return emit('done');
    if (progress.budgetBytes === 0) return emit('full');
    await emit('running');

    let conn;
    let versions: Map<string, DocumentVersion | null>;
    try {
      const session = await this.deps.session.open(connectionId);
      conn = session.conn;
      versions = await latestDocumentsOf(conn, session.objectName, candidates.map((c) => c.id));
    } catch (error) {
      return emit(signal.aborted ? run.end : this.endOf(error));
    }
    const bad = this.bad.get(connectionId) ?? new Set<string>();
    this.bad.set(connectionId, bad);
    const kept = new Map((await this.deps.kept.list(connectionId)).map((facts) => [facts.invoiceId, facts]));
    const queue: { id: string; version: DocumentVersion }[] = [];
    for (const candidate of candidates) {
      const version = versions.get(candidate.id);
      const already = kept.get(candidate.id);
      if (!version || bad.has(version.versionId)) progress.skipped++;
      else if (already?.versionId === version.versionId && already.checksum === version.checksum) progress.done++;
      else queue.push({ id: candidate.id, version });
    }
    await emit('running');

    // Room is made only from documents of invoices that are not open any more: never one this run is there to keep.
    const wanted = new Set(candidates.map((c) => this.deps.kept.keyOf(connectionId, c.id)));
    const evictable = (key: string) => !wanted.has(key);
    let outcome: PrefetchProgress['state'] = 'done';
    const worker = async () => {
      for (let next = queue.shift(); next && outcome === 'done'; next = queue.shift()) {
        await this.deps.userFirst.whenIdle();
        if (signal.aborted || outcome !== 'done') return;
        try {
          const { kept: fits } = await this.deps.documents.fetchAndKeep(conn, connectionId, next.id, next.version, { signal, evictable });
          if (!fits) {
            outcome = 'full';
            return;
          }
          progress.done++;
        } catch (error) {
          if (signal.aborted) return;
          const code = error instanceof AppError ? error.code : 'unknown';
          if (STOPS.has(code)) {
            outcome = 'stopped';
            return;
          }
          // No document after all (deleted meanwhile), or bytes that fail the check: counted, not retried in a loop.
          bad.add(next.version.versionId);
          progress.skipped++;
        }
        await emit('running');
      }
    };
    await Promise.all(Array.from({ length: this.deps.concurrency ?? 2 }, worker));
    await emit(signal.aborted ? run.end : outcome);
  }

  private endOf(error: unknown): PrefetchProgress['state'] {
    const code = error instanceof AppError ? error.code : 'unknown';
    if (!STOPS.has(code)) this.deps.logger.warn('Keeping PDFs offline stopped', { code });
    return 'stopped';
  }
}
