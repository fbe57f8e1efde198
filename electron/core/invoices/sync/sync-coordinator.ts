import type { SyncResult } from '../../../contract';
import type { ChangeLogs } from '../snapshot/change-logs';
import type { Clock, EventSink, Logger } from '../../ports';
import type { ConnectionDirectory } from '../../module-links';
import type { SalesforceConnection as Connection } from '../../salesforce/jsforce-adapter';
import type { BaseWriter } from '../cache/base-writer';
import type { InvoiceRepository } from '../cache/invoice-repository';
import type { MappingService, SyncMapping } from '../mapping/mapping-service';
import type { OrgMetadata } from '../mapping/org-metadata';
import { abortableSleep, type RetryPolicy } from './with-retries';
import type { RelatedDiscovery } from '../related/related-plan';
import { syncRelated } from '../related/related-sync';
import { closeLeftJobs } from '../related/bulk-query';
import type { OpenBulkJobs } from '../related/open-bulk-jobs';
import { cancelled, toSyncError } from './sync-faults';
import { canRunIncremental, copySpanUnknown, runSync } from './sync-engine';
import { errorFacts } from '../../salesforce/error-facts';

export interface SyncTuning extends RetryPolicy {
  pageSize: number;
  maxRestarts: number;
  /** From how many records a full sync fetches a related object through Bulk API 2.0 (default BULK_MIN_RECORDS; Infinity: never). */
  bulkMinRecords?: number;
  /** Records asked for per Bulk API 2.0 results part (default 50,000). */
  bulkPartRecords?: number;
}

export const defaultTuning: SyncTuning = {
  pageSize: 2000,
  retryDelaysMs: [500, 1500, 4000],
  maxRestarts: 2,
  sleep: abortableSleep,
};

interface Running {
  promise: Promise<SyncResult>;
  controller: AbortController;
}

/**
 * Runs syncs: at most one per connection. A second request while one runs joins it (same promise,
 * same progress events) instead of failing: the user pressed Sync twice and wants one result.
 * The new snapshot is built in memory and replaces the old one only when complete, so a failed or
 * cancelled sync leaves the previous invoices exactly as they were.
 */
export class SyncCoordinator {
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly deps: {
      metadata: OrgMetadata;
      mappings: MappingService;
      related: RelatedDiscovery;
      repository: InvoiceRepository;
      directory: ConnectionDirectory;
      events: EventSink;
      clock: Clock;
      logger: Logger;
      tuning: SyncTuning;
      /** Where each sync's change log goes (`invoices.changeLog`). */
      changeLogs: ChangeLogs;
      /** Each connection's Bulk API 2.0 jobs not deleted yet (a killed sync's are deleted by the next sync). */
      bulkJobs: OpenBulkJobs;
      /**
       * Subscribes to the process's reads of the OS certificate store (os-certificate-store.ts `onOsStoreReading`): told true
       * when a refused request starts one, false once it is done; returns the unsubscribe.
       */
      watchOsStoreReading: (listener: (reading: boolean) => void) => () => void;
    },
  ) {}

  sync(connectionId: string, mode: 'full' | 'incremental'): Promise<SyncResult> {
    const active = this.running.get(connectionId);
    if (active) return active.promise;
    const controller = new AbortController();
    const promise = this.run(connectionId, mode, controller.signal).finally(() => this.running.delete(connectionId));
    this.running.set(connectionId, { promise, controller });
    return promise;
  }

  cancel(connectionId: string): void {
    this.running.get(connectionId)?.controller.abort();
  }

  /** Cancels the connection's sync and waits until it has stopped (nothing is written after this). */
  async stop(connectionId: string): Promise<void> {
    const active = this.running.get(connectionId);
    if (!active) return;
    active.controller.abort();
    await active.promise.catch(() => undefined);
  }

  isRunning(connectionId: string): boolean {
    return this.running.has(connectionId);
  }

  async dispose(): Promise<void> {
    const all = [...this.running.values()];
    for (const entry of all) entry.controller.abort();
    await Promise.allSettled(all.map((entry) => entry.promise));
  }

  private async run(connectionId: string, mode: 'full' | 'incremental', signal: AbortSignal): Promise<SyncResult> {
    const { metadata, mappings, directory, events } = this.deps;
    let shown: 'describe' | 'fetching' = 'describe';
    const progress = (phase: 'describe' | 'fetching' | 'saving' | 'done' | 'failed' | 'cancelled', fetched: number, total: number) => {
      if (phase === 'describe' || phase === 'fetching') shown = phase;
      events.emit('invoices.syncProgress', { connectionId, phase, fetched, total });
    };
    let fetched = 0;
    let total = 0;
    const startedAt = this.deps.clock.now();
    // A refused certificate has the process read the OS's store (once; seconds on a managed Mac), and the requests wait on it:
    // the status says so meanwhile, then shows where the sync was (os-certificate-store.ts).
    const stopWatchingStore = this.deps.watchOsStoreReading((reading) =>
      events.emit('invoices.syncProgress', { connectionId, phase: reading ? 'certificates' : shown, fetched, total }),
    );
    try {
      progress('describe', 0, 0);
      const { conn, apiVersion } = await metadata.open(connectionId);
      // Jobs an earlier run created and never deleted (it was killed): deleted beside this sync, which does not wait.
      void closeLeftJobs(conn, apiVersion, this.deps.bulkJobs.of(connectionId));
      // An incremental sync reuses the describe of a recent sync in this process; should the org
      // have hidden a field since, the query fails (INVALID_FIELD) and the sync describes again, once.
      for (let attempt = 1; ; attempt++) {
        const mapping = await mappings.forSync(connectionId, conn, apiVersion, { reuse: mode === 'incremental' && attempt === 1 });
        try {
          const result = await this.fetchAndSave(connectionId, mode, conn, mapping, apiVersion, signal, (count, all) => {
            fetched = count;
            total = all;
            progress('fetching', count, all);
          });
          // Saved once the answer has gone (connections file: 1–6 ms of CPU and an fsync; BENCHMARKS, session 26, inc26).
          directory.recordSync(connectionId, { at: result.syncedAt, error: null, durationMs: Math.max(0, this.deps.clock.now() - startedAt), apiVersion }, this.deps.repository.answered(connectionId));
          return result;
        } catch (error) {
          if (!(mapping.reused && isStaleDescribe(error)) || signal.aborted) throw error;
          this.deps.logger.info('The org changed the invoice fields since the last describe; describing again');
        }
      }
    } catch (error) {
      const appError = toSyncError(error);
      if (appError.code === 'CANCELLED') {
        progress('cancelled', fetched, total);
      } else {
        progress('failed', fetched, total);
        this.deps.logger.warn('Invoice sync failed', { code: appError.code });
        directory.recordSync(connectionId, { error: appError.toValue() }, this.deps.repository.answered(connectionId));
      }
      throw appError;
    } finally {
      stopWatchingStore();
    }
  }

  /**
   * One sync with one mapping: a full one writes its new cache file while paging (renamed over the
   * old one only once complete; deleted on cancel or failure), an incremental one appends its
   * changes to the file.
   */
  private async fetchAndSave(
    connectionId: string,
    mode: 'full' | 'incremental',
    conn: Connection,
    reusable: SyncMapping,
    apiVersion: string,
    signal: AbortSignal,
    onProgress: (fetched: number, total: number) => void,
  ): Promise<SyncResult> {
    const { repository, events, clock, tuning, mappings } = this.deps;
    const previous = await repository.current(connectionId);
    // A full sync (first one, mapping changed, last sync too old) always runs on a fresh describe.
    const mapping = reusable.reused && !canRunIncremental(previous, reusable, clock.now(), tuning.pageSize) ? await mappings.forSync(connectionId, conn, apiVersion) : reusable;
    if (signal.aborted) throw cancelled();
    let fetched = 0;
    let total = 0;
    let base: BaseWriter | null = null;
    let saved = false;
    // One signal for the invoices' query and the related ones: the first failure stops the others (and cancel stops all).
    const together = new AbortController();
    const shared = AbortSignal.any([signal, together.signal]);
    const pager = { apiVersion, pageSize: tuning.pageSize, retryDelaysMs: tuning.retryDelaysMs, maxRestarts: tuning.maxRestarts, sleep: tuning.sleep, signal: shared, bulkMinRecords: tuning.bulkMinRecords, partRecords: tuning.bulkPartRecords, jobs: this.deps.bulkJobs.of(connectionId), now: () => clock.now() };
    let failure: { error: unknown } | null = null;
    const settle = <T,>(work: Promise<T>): Promise<T | null> =>
      work.catch((error: unknown) => {
        failure ??= { error };
        together.abort();
        return null;
      });
    const incrementalInvoices = mode === 'incremental' && canRunIncremental(previous, mapping, clock.now(), tuning.pageSize);
    if (mode === 'incremental' && previous && !incrementalInvoices && copySpanUnknown(previous, tuning.pageSize)) {
      this.deps.logger.info('The offline copy was written before each sync kept how long its queries took; this sync fetches every invoice again, once');
    }
    // A full sync writes its new file while paging: invoice segments and, as each related query completes, its records.
    if (!incrementalInvoices) base = repository.beginFullWrite(connectionId);
    try {
      // The records synced with the invoices (payments, credit notes, applications …), under the same rules:
      // incremental when the invoices are, fetched at the same time as the invoices (their own query cursors), saved
      // with them in the same base or journal record.
      const relatedIncremental = incrementalInvoices && !!previous?.related;
      const [invoices, related] = await Promise.all([
        settle(runSync({
          conn,
          mapping,
          previous,
          requested: incrementalInvoices ? 'incremental' : 'full',
          pager,
          now: () => clock.now(),
          onProgress: (count, all) => {
            fetched = count;
            total = all;
            onProgress(count, all);
          },
          openBase: () => base,
        })),
        settle((async () => {
          // describeGlobal once a sync: the mapping's answer, where it read one (a first sync), serves the related plan too.
          const plan = await this.deps.related.plan(connectionId, conn, mapping.object, incrementalInvoices && !!mapping.reused, !!mapping.plan.paths.currency, mapping.globals);
          if (shared.aborted) throw cancelled();
          return syncRelated(conn, plan, relatedIncremental ? previous.related! : null, relatedIncremental, pager, base ?? undefined);
        })()),
      ]);
      if (failure) throw (failure as { error: unknown }).error;
      if (signal.aborted) throw cancelled();
      const { snapshot, result, tally, delta } = invoices!;
      // Merged object by object as each related query completed (syncRelated): applyRelatedDelta(previous, delta).
      snapshot.related = related!.copy;
      if (delta) delta.related = related!.delta;
      events.emit('invoices.syncProgress', { connectionId, phase: 'saving', fetched, total });
      saved = true;
      if (delta) await repository.applyIncremental(connectionId, snapshot, delta);
      else await repository.replace(connectionId, snapshot, base);
      events.emit('invoices.syncProgress', { connectionId, phase: 'done', fetched: result.fetched, total: result.total });
      // The connection's first copy loaded every invoice: nothing is announced as new.
      const first = !previous;
      this.deps.changeLogs.add(connectionId, tally.toLog(result.syncedAt, first));
      events.emit('invoices.changed', tally.toEvent(connectionId, first));
      return result;
    } finally {
      // Cancelled or failed before saving: the half-written new file goes, the previous one stays as it was.
      if (!saved) await (base as BaseWriter | null)?.abort();
    }
  }
}

/** Salesforce no longer accepts the fields or object of a mapping built from an earlier describe. */
function isStaleDescribe(error: unknown): boolean {
  return errorFacts(error).chainCodes.some((code) => code === 'INVALID_FIELD' || code === 'INVALID_TYPE');
}
