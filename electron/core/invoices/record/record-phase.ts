import type { RecordProgress } from '../../../contract/invoice-record';
import type { Clock, EventSink, Logger } from '../../ports';
import { errorFacts } from '../../salesforce/error-facts';
import { DESCRIBE_REUSE_MS, type MappingService } from '../mapping/mapping-service';
import type { OrgMetadata } from '../mapping/org-metadata';
import { cancelled, toSyncError } from '../sync/sync-faults';
import { MAX_INCREMENTAL_AGE_MS } from '../sync/sync-engine';
import { spanOf, spanUnknown } from '../sync/overlap';
import type { SyncTuning } from '../sync/sync-coordinator';
import type { RecordCopies } from './record-copy';
import { TooManyChanges } from './record-build';
import { fetchRecord, type Since } from './record-fetch';
import { CHUNK_ENTRIES, RECORD_FORMAT, type RecordHead } from './record-file';
import { planRecord, type RecordPlan } from './record-plan';

interface Running {
  promise: Promise<void>;
  controller: AbortController;
  /** A sync ended while this phase ran: one more phase follows, with what that sync saw. */
  again: boolean;
}

/**
 * Salesforce answers a query that selects two or more long text fields in pages of at most 200 records, whatever the
 * batch size asked: the record phase selects every readable field, so a copy of more entries than this may have come in
 * several pages.
 */
const RECORD_PAGE_FLOOR = 200;

/** Entries of one kind in a copy (an invoice's fields, a line), as its chunks count them (record-file.ts ChunkRef). */
function entriesOf(head: RecordHead, kind: 'fields' | 'lines'): number {
  let count = 0;
  // A chunk written before session 12 has no count: a field chunk counts its ids, a line chunk as full (compaction's rule).
  for (const chunk of head.chunks) if (chunk.kind === kind) count += chunk.entries ?? (kind === 'fields' ? chunk.ids.length : Math.max(chunk.ids.length, CHUNK_ENTRIES));
  return count;
}

/**
 * Whether the previous copy can be brought up to date by its changes alone (same shape, watermarks, recent, and the
 * span of the queries that set its watermarks known — or not needed: sync/overlap.ts, the invoices' own rule).
 */
export function sinceOf(head: RecordHead | null, plan: RecordPlan, now: number): Since | null {
  // A copy of the first format (fields and lines together) is replaced by a full phase.
  if (!head || head.format !== RECORD_FORMAT || head.fields.signature !== plan.fields.signature || head.fields.watermark === null || !plan.fields.modstamp) return null;
  const fieldsSpanMs = spanOf(head.fields.spanMs);
  // The changes asked for reach back the span too: all of it within the recycle bin's days.
  if (now - Date.parse(head.syncedAt) + Math.max(fieldsSpanMs ?? 0, spanOf(head.lines?.spanMs) ?? 0) >= MAX_INCREMENTAL_AGE_MS) return null;
  // A copy written before spans were kept, of more than a page: its last phase may have read longer than the overlap.
  if (spanUnknown(head.fields.spanMs, entriesOf(head, 'fields'), RECORD_PAGE_FLOOR)) return null;
  if (!plan.lines) return head.lines === null ? { fields: head.fields.watermark, lines: null, ...(fieldsSpanMs === undefined ? {} : { fieldsSpanMs }) } : null;
  if (!head.lines || head.lines.signature !== plan.lines.signature || head.lines.watermark === null || !plan.lines.modstamp) return null;
  if (spanUnknown(head.lines.spanMs, entriesOf(head, 'lines'), RECORD_PAGE_FLOOR)) return null;
  const linesSpanMs = spanOf(head.lines.spanMs);
  return {
    fields: head.fields.watermark,
    lines: head.lines.watermark,
    ...(fieldsSpanMs === undefined ? {} : { fieldsSpanMs }),
    ...(linesSpanMs === undefined ? {} : { linesSpanMs }),
  };
}

/**
 * The background phase after each successful sync (see ../README.md): brings the whole record of every invoice — every
 * readable field and the lines — into the record copy, full or by changes, one phase at a time per connection, with
 * progress (`invoices.recordProgress`). The sync the user waits for does not wait for it. A failure or a cancel
 * keeps the previous record copy as it was; it is only logged and said in the progress (the next sync tries again).
 */
export class RecordPhases {
  private readonly running = new Map<string, Running>();
  /** Plans from a recent describe, reused like the sync's (DESCRIBE_REUSE_MS): an incremental phase costs no describe. */
  private readonly plans = new Map<string, { plan: RecordPlan; mapping: string; at: number }>();

  constructor(
    private readonly deps: {
      metadata: OrgMetadata;
      mappings: MappingService;
      copies: RecordCopies;
      events: EventSink;
      clock: Clock;
      logger: Logger;
      tuning: SyncTuning;
    },
  ) {}

  /** After a sync: a phase starts (or, while one runs, one more follows it). Never throws. */
  after(connectionId: string): void {
    const active = this.running.get(connectionId);
    if (active) {
      active.again = true;
      return;
    }
    const controller = new AbortController();
    const entry: Running = { controller, again: false, promise: Promise.resolve() };
    entry.promise = (async () => {
      do {
        entry.again = false;
        await this.run(connectionId, controller.signal);
      } while (entry.again && !controller.signal.aborted);
    })().finally(() => this.running.delete(connectionId));
    this.running.set(connectionId, entry);
  }

  /** Resolves once no phase runs for the connection. */
  async idle(connectionId: string): Promise<void> {
    await this.running.get(connectionId)?.promise;
  }

  /** Cancels the connection's phase and waits until it has stopped (nothing is written after this). */
  async stop(connectionId: string): Promise<void> {
    this.plans.delete(connectionId);
    const active = this.running.get(connectionId);
    active?.controller.abort();
    await active?.promise;
  }

  async dispose(): Promise<void> {
    const all = [...this.running.values()];
    for (const entry of all) entry.controller.abort();
    await Promise.allSettled(all.map((entry) => entry.promise));
  }

  private async run(connectionId: string, signal: AbortSignal): Promise<void> {
    const { metadata, mappings, copies, events, clock, tuning } = this.deps;
    let fetched = 0;
    let total = 0;
    const progress = (phase: RecordProgress['phase']) => events.emit('invoices.recordProgress', { connectionId, phase, fetched, total });
    try {
      progress('fetching');
      const { conn, apiVersion } = await metadata.open(connectionId);
      // The sync just described the invoice object: its mapping is reused (a field hidden since fails the query, and the next sync describes again).
      const mapping = await mappings.forSync(connectionId, conn, apiVersion, { reuse: true });
      const recent = this.plans.get(connectionId);
      const reused = !!mapping.reused && recent?.mapping === mapping.signature && clock.now() - recent.at < DESCRIBE_REUSE_MS;
      const previous = await copies.head(connectionId);
      const pager = { apiVersion, pageSize: tuning.pageSize, retryDelaysMs: tuning.retryDelaysMs, maxRestarts: tuning.maxRestarts, sleep: tuning.sleep, signal, now: () => clock.now() };
      // The fetch streams into the new copy as its pages come (record-copy.ts, record-build.ts): a retry after a
      // refused query starts a new copy; the previous one stays until a phase completes.
      const fetchWith = async (plan: RecordPlan, full = false): Promise<void> => {
        const since = full ? null : sinceOf(previous?.head ?? null, plan, clock.now());
        if (signal.aborted) throw cancelled();
        if (since) {
          // More changes than an incremental phase may keep track of (a mass update): a full phase, whose memory does not grow with them.
          return writeWith(plan, since).catch((error: unknown) => (error instanceof TooManyChanges ? fetchWith(plan, true) : Promise.reject(error)));
        }
        return writeWith(plan, null);
      };
      const writeWith = async (plan: RecordPlan, since: Since | null) => {
        await copies.write(connectionId, {
          plan,
          previous: since ? previous : null,
          fetch: (sink) => fetchRecord(conn, plan, since, pager, sink, (count, all) => {
            fetched = count;
            total = all;
            progress('fetching');
          }),
          saving: () => progress('saving'),
          signal,
          syncedAt: () => new Date(clock.now()).toISOString(),
        });
      };
      const described = async () => {
        const plan = await planRecord(metadata, conn, mapping);
        this.plans.set(connectionId, { plan, mapping: mapping.signature, at: clock.now() });
        return plan;
      };
      try {
        await fetchWith(reused ? recent.plan : await described());
      } catch (error) {
        // A field hidden since the reused describe: Salesforce refuses the query; describe again, once.
        if (!reused || signal.aborted || !errorFacts(error).chainCodes.some((code) => code === 'INVALID_FIELD' || code === 'INVALID_TYPE')) throw error;
        await fetchWith(await described());
      }
      progress('done');
    } catch (error) {
      const appError = toSyncError(error);
      if (appError.code === 'CANCELLED') return progress('cancelled');
      this.deps.logger.warn('Could not keep the invoices\u2019 records offline', { code: appError.code });
      progress('failed');
    }
  }
}
