import { englishMessage } from '../../contract/i18n/spoken-messages';
import { z } from 'zod';
import { AppError, connectionSchema } from '../../contract';
import type { KeyValueStore } from '../ports';

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

  constructor(private readonly store: KeyValueStore) {
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
    if (updated) this.persist();
    return updated ? { ...updated } : undefined;
  }

  remove(id: string): boolean {
    const before = this.records.length;
    this.records = this.records.filter((record) => record.id !== id);
    if (this.records.length === before) return false;
    this.persist();
    return true;
  }

  private persist(): void {
    try {
      this.store.set(KEY, this.records);
    } catch (error) {
      throw new AppError('STORAGE', englishMessage('connectionsSaveFailed'), { cause: error });
    }
  }
}
