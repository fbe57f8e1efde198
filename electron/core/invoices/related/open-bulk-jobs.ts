import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { copyFileStem } from '../cache/cache-store';
import { makePrivateFolder, OWNER_ONLY } from '../cache/atomic-file';
import type { BulkJobLedger } from './bulk-query';

const JOB_ID = /^[A-Za-z0-9]{15,18}$/;

/**
 * One connection's open Bulk API 2.0 query jobs, in a small plain file beside its offline copy (`<stem>.bulk-jobs`, one
 * job id a line, owner-only): Salesforce keeps a job the app never deleted for 7 days and counts it against the org's
 * limits, and a process killed during a full sync left 1–2 (review29, review30). Written when a job is created and
 * when one is deleted, not flushed: a lost or torn file loses only the ids it had (a torn last line is not an id), no
 * more than the app knew before. The next sync deletes the jobs an earlier run left (bulk-query.ts `closeLeftJobs`).
 * Only ids this app wrote are ever touched — never jobs listed org-wide, which may be another tool's.
 */
class ConnectionJobs implements BulkJobLedger {
  private readonly ids = new Set<string>();
  private loaded: Promise<string[]> | null = null;
  private handedOut = false;
  private writing: Promise<void> = Promise.resolve();
  /** A write is asked for and has not yet taken the ids. */
  private queued = false;

  constructor(
    private readonly folder: string,
    private readonly path: string,
  ) {}

  opened(id: string): void {
    this.ids.add(id);
    this.save();
  }

  closed(id: string): void {
    if (this.ids.delete(id)) this.save();
  }

  async left(): Promise<string[]> {
    const earlier = await this.load();
    if (this.handedOut) return [];
    this.handedOut = true;
    return earlier.filter((id) => this.ids.has(id));
  }

  /** Removes the file (the connection is forgotten: its jobs cannot be reached any more). */
  async forget(): Promise<void> {
    this.ids.clear();
    this.handedOut = true;
    await this.writing;
    await rm(this.path, { force: true });
  }

  /** The file as an earlier run left it, read once, before anything of this run is written to it. */
  private load(): Promise<string[]> {
    this.loaded ??= readFile(this.path, 'utf8').then(
      (text) => {
        const earlier = text.split('\n').filter((line) => JOB_ID.test(line));
        for (const id of earlier) this.ids.add(id);
        return earlier;
      },
      () => [],
    );
    return this.loaded;
  }

  /** The file as the ids are now, once the write before it has ended; changes meanwhile are taken by one write. */
  private save(): void {
    if (this.queued) return;
    this.queued = true;
    this.writing = this.writing
      .then(async () => {
        await this.load();
        this.queued = false;
        if (this.ids.size === 0) return rm(this.path, { force: true });
        await makePrivateFolder(this.folder);
        await writeFile(this.path, [...this.ids].map((id) => `${id}\n`).join(''), { mode: OWNER_ONLY });
      })
      .catch(() => undefined);
  }
}

/** The open-jobs ledger of every connection (one per connection: its syncs run one at a time, its closes in the background). */
export class OpenBulkJobs {
  private readonly folder: string;
  private readonly byConnection = new Map<string, ConnectionJobs>();

  constructor(dataDir: string) {
    this.folder = join(dataDir, 'invoices');
  }

  private pathOf(connectionId: string): string {
    return join(this.folder, `${copyFileStem(connectionId)}.bulk-jobs`);
  }

  of(connectionId: string): BulkJobLedger {
    let jobs = this.byConnection.get(connectionId);
    if (!jobs) {
      jobs = new ConnectionJobs(this.folder, this.pathOf(connectionId));
      this.byConnection.set(connectionId, jobs);
    }
    return jobs;
  }

  async forget(connectionId: string): Promise<void> {
    const jobs = this.byConnection.get(connectionId) ?? new ConnectionJobs(this.folder, this.pathOf(connectionId));
    this.byConnection.delete(connectionId);
    await jobs.forget();
  }
}
