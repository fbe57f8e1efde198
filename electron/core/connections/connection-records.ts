import { englishMessage } from '../../contract/i18n/spoken-messages';
import { z } from 'zod';
import { AppError, connectionSchema } from '../../contract';
import type { KeyValueStore, Logger } from '../ports';

/** What is kept about a connection besides its secrets (those live in the token vault). */
export const connectionRecordSchema = connectionSchema
  .omit({ sessionOnly: true })
  .extend({
    id: z.string(),
    userId: z.string().optional(),
    /** The name of the policy file's connection this record was added for (so it is added once, not at every start). */
    policyName: z.string().optional(),
    /**
     * Whether someone chose the label (the user typed it, a link, a policy file or the build named the connection);
     * false: named after the login host, renamed after the org at sign-in. Absent on records older than this field.
     */
    labelChosen: z.boolean().optional(),
    /** How long the last successful sync took, and the API version it used (Connection details). */
    lastSyncDurationMs: z.number().nonnegative().optional(),
    apiVersion: z.string().optional(),
  });
export type ConnectionRecord = z.infer<typeof connectionRecordSchema>;

const KEY = 'connections';

/** The list of connections in the key-value store; damaged entries are skipped, never fatal. */
export class ConnectionRecords {
  private records: ConnectionRecord[];
  /** An `updateSoon` not yet written. */
  private unsaved = false;

  constructor(
    private readonly store: KeyValueStore,
    private readonly logger?: Logger,
  ) {
    const raw = store.get<unknown>(KEY);
    this.records = Array.isArray(raw)
      ? raw.flatMap((entry) => {
          const parsed = connectionRecordSchema.safeParse(entry);
          return parsed.success ? [parsed.data] : [];
        })
      : [];
  }

  all(): ConnectionRecord[] {
    return this.records.map((record) => ({ ...record }));
  }

  get(id: string): ConnectionRecord | undefined {
    const record = this.records.find((entry) => entry.id === id);
    return record ? { ...record } : undefined;
  }

  add(record: ConnectionRecord): void {
    this.records = [...this.records, record];
    this.persist();
  }

  /** Applies `patch` (undefined values remove the field) and returns the new record. */
  update(id: string, patch: Partial<ConnectionRecord>): ConnectionRecord | undefined {
    const updated = this.apply(id, patch);
    if (updated) this.persist();
    return updated;
  }

  /**
   * `update`, the file written once `after` has settled and the event loop has turned (one write for every such update
   * made meanwhile): for a sync's outcome, written once the sync has answered. The store writes its whole file
   * synchronously (read, stringify, temp file, fsync, rename): 1–6 ms of the main thread's CPU and an fsync's wait before
   * every sync answered (BENCHMARKS, sessions 25 and 26, inc25 and inc26). A crash in between loses that outcome only (the
   * write stays atomic); a write that fails is logged, and the record stays as it is in memory for the next write.
   */
  updateSoon(id: string, patch: Partial<ConnectionRecord>, after: Promise<unknown> = Promise.resolve()): ConnectionRecord | undefined {
    const updated = this.apply(id, patch);
    if (updated && !this.unsaved) {
      this.unsaved = true;
      void after
        .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
        .then(() => this.flush());
    }
    return updated;
  }

  /** Writes what `updateSoon` has not yet (the app quitting). */
  flush(): void {
    if (!this.unsaved) return;
    try {
      this.persist();
    } catch (error) {
      const cause = (error as { cause?: { code?: unknown } }).cause;
      this.logger?.warn('Could not save the last sync of the connections', { code: typeof cause?.code === 'string' ? cause.code : 'unknown' });
    }
  }

  private apply(id: string, patch: Partial<ConnectionRecord>): ConnectionRecord | undefined {
    let updated: ConnectionRecord | undefined;
    this.records = this.records.map((record) => {
      if (record.id !== id) return record;
      const next: Record<string, unknown> = { ...record };
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) delete next[key];
        else next[key] = value;
      }
      updated = connectionRecordSchema.parse(next);
      return updated;
    });
    return updated ? { ...updated } : undefined;
  }

  remove(id: string): boolean {
    const before = this.records.length;
    this.records = this.records.filter((record) => record.id !== id);
    if (this.records.length === before) return false;
    this.persist();
    return true;
  }

  /** Writes every record (an `updateSoon` waiting included). */
  private persist(): void {
    this.unsaved = false;
    try {
      this.store.set(KEY, this.records);
    } catch (error) {
      throw new AppError('STORAGE', englishMessage('connectionsSaveFailed'), { cause: error });
    }
  }
}
