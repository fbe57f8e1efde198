import type { SyncResult } from '../../contract';
import type { Clock, EventSink, Logger } from '../ports';
import type { ConnectionDirectory } from '../salesforce/sessions';
import type { InvoiceRepository } from './invoice-repository';
import type { MappingService } from './mapping-service';
import type { OrgMetadata } from './org-metadata';
import { abortableSleep, type RetryPolicy } from './with-retries';
import { cancelled, toSyncError } from './sync-faults';
import { runSync } from './sync-engine';

export interface SyncTuning extends RetryPolicy {
  pageSize: number;
  maxRestarts: number;
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
      repository: InvoiceRepository;
      directory: ConnectionDirectory;
      events: EventSink;
      clock: Clock;
      logger: Logger;
      tuning: SyncTuning;
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
    const { metadata, mappings, repository, directory, events, clock, tuning } = this.deps;
    const progress = (phase: 'describe' | 'fetching' | 'saving' | 'done' | 'failed' | 'cancelled', fetched: number, total: number) =>
      events.emit('invoices.syncProgress', { connectionId, phase, fetched, total });
    let fetched = 0;
    let total = 0;
    try {
      progress('describe', 0, 0);
      const { conn, apiVersion } = await metadata.open(connectionId);
      const mapping = await mappings.forSync(connectionId, conn, apiVersion);
      const previous = await repository.current(connectionId);
      if (signal.aborted) throw cancelled();
      const { snapshot, result, tally } = await runSync({
        conn,
        mapping,
        previous,
        requested: mode,
        pager: { apiVersion, pageSize: tuning.pageSize, retryDelaysMs: tuning.retryDelaysMs, maxRestarts: tuning.maxRestarts, sleep: tuning.sleep, signal },
        now: () => clock.now(),
        onProgress: (count, all) => {
          fetched = count;
          total = all;
          progress('fetching', count, all);
        },
      });
      if (signal.aborted) throw cancelled();
      progress('saving', fetched, total);
      await repository.replace(connectionId, snapshot);
      progress('done', result.fetched, result.total);
      directory.recordSync(connectionId, { at: result.syncedAt, error: null });
      events.emit('invoices.changed', tally.toEvent(connectionId));
      return result;
    } catch (error) {
      const appError = toSyncError(error);
      if (appError.code === 'CANCELLED') {
        progress('cancelled', fetched, total);
      } else {
        progress('failed', fetched, total);
        this.deps.logger.warn('Invoice sync failed', { code: appError.code });
        directory.recordSync(connectionId, { error: appError.toValue() });
      }
      throw appError;
    }
  }
}
