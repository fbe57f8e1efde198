import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../ports';
import { writeBytesAtomically } from '../invoices/cache/atomic-file';

/** One kept PDF as the budget sees it: its sealed size on disk (or in memory) and when it was last kept or opened. */
export interface IndexEntry {
  size: number;
  usedAt: number;
}

/** Sealed PDFs live in `invoices/<connection hash>.documents/<invoice hash>.pdf.sealed`. */
export const DOCUMENT_FOLDER_SUFFIX = '.documents';
export const DOCUMENT_SUFFIX = '.pdf.sealed';
const INDEX_FILE = 'documents-index.json';

const indexFileSchema = z.object({
  format: z.literal(1),
  entries: z.record(z.string().max(200), z.object({ size: z.number().int().nonnegative(), usedAt: z.number().nonnegative() })),
});

/**
 * The kept PDFs of every connection with their sizes and last use, for the disk budget (oldest evicted first).
 * Keys are `<connection hash>/<file name>`: hashes only — no invoice number, customer or Salesforce id is written.
 * The folders are the truth and the index a cache of them: at load, files it does not list are added (size and
 * modification time from the file system), entries without a file dropped; a missing or damaged index is rebuilt
 * from the folders with a warning (never a crash). Saved atomically, one write at a time (changes made during a
 * write are saved by one more write after it). Only on disk when the copy may be written (`persistable`).
 */
export class KeptIndex {
  private entries: Map<string, IndexEntry> | null = null;
  private loading: Promise<Map<string, IndexEntry>> | null = null;
  private writing: Promise<void> | null = null;
  private dirty = false;

  constructor(
    private readonly folder: string,
    private readonly persistable: () => boolean,
    private readonly logger: Logger,
  ) {}

  private get file(): string {
    return join(this.folder, INDEX_FILE);
  }

  /** The entries, loaded (and reconciled with the folders) once per session, or after `reload`. */
  async all(): Promise<Map<string, IndexEntry>> {
    if (this.entries) return this.entries;
    this.loading ??= this.load().then((entries) => {
      this.entries = entries;
      this.loading = null;
      return entries;
    });
    return this.loading;
  }

  /** Forget what was loaded: the next read reconciles with the folders again (they were deleted behind its back). */
  reload(): void {
    this.entries = null;
  }

  async total(): Promise<number> {
    let sum = 0;
    for (const entry of (await this.all()).values()) sum += entry.size;
    return sum;
  }

  async set(key: string, entry: IndexEntry): Promise<void> {
    (await this.all()).set(key, entry);
    this.save();
  }

  async touch(key: string, usedAt: number): Promise<void> {
    const entry = (await this.all()).get(key);
    if (!entry) return;
    entry.usedAt = usedAt;
    this.save();
  }

  async delete(keys: readonly string[]): Promise<void> {
    const entries = await this.all();
    let removed = false;
    for (const key of keys) removed = entries.delete(key) || removed;
    // Nothing to forget, nothing written (removing a connection that kept no PDF leaves no index file behind).
    if (removed) this.save();
  }

  /** Resolves once every change so far is on disk (or could not be written: logged). */
  async idle(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private save(): void {
    if (!this.persistable()) return;
    this.dirty = true;
    if (this.writing) return;
    this.writing = (async () => {
      while (this.dirty) {
        this.dirty = false;
        const entries = Object.fromEntries(this.entries ?? []);
        try {
          // No PDF kept (the last one evicted, the last connection removed): no index file either.
          if (Object.keys(entries).length === 0) await rm(this.file, { force: true });
          else await writeBytesAtomically(this.file, Buffer.from(JSON.stringify({ format: 1, entries }), 'utf8'));
        } catch (error) {
          // The folders stay the truth: the next start rebuilds what this write missed.
          this.logger.warn('Kept-PDF index not saved', { code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
        }
      }
    })().finally(() => (this.writing = null));
  }

  private async load(): Promise<Map<string, IndexEntry>> {
    const saved = await this.readSaved();
    const entries = new Map<string, IndexEntry>();
    let changed = saved === null;
    const folders = (await readdir(this.folder).catch(() => [] as string[])).filter((name) => name.endsWith(DOCUMENT_FOLDER_SUFFIX));
    for (const folder of folders) {
      const names = await readdir(join(this.folder, folder)).catch(() => [] as string[]);
      for (const name of names.filter((n) => n.endsWith(DOCUMENT_SUFFIX))) {
        const key = `${folder}/${name}`;
        const known = saved?.get(key);
        if (known) {
          entries.set(key, known);
          continue;
        }
        const file = await stat(join(this.folder, folder, name)).catch(() => null);
        if (!file) continue;
        entries.set(key, { size: file.size, usedAt: file.mtimeMs });
        changed = true;
      }
    }
    if (saved && saved.size !== entries.size) changed = true;
    this.entries = entries;
    if (changed && entries.size > 0) this.save();
    return entries;
  }

  private async readSaved(): Promise<Map<string, IndexEntry> | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.logger.warn('Kept-PDF index unreadable; rebuilt from the kept files', { code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
      return null;
    }
    try {
      const parsed = indexFileSchema.safeParse(JSON.parse(text));
      if (parsed.success) return new Map(Object.entries(parsed.data.entries));
    } catch {
      // not JSON: rebuilt below
    }
    this.logger.warn('Kept-PDF index damaged; rebuilt from the kept files');
    return null;
  }
}
