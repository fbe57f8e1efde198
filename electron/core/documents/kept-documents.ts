import { createHash } from 'node:crypto';
import { open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger, SecretBox } from '../ports';
import { makePrivateFolder, OWNER_ONLY, writeAtomically } from '../invoices/cache/atomic-file';
import { DOCUMENT_FOLDER_SUFFIX, DOCUMENT_SUFFIX, KeptIndex } from './kept-index';

/** What is kept with a document's bytes. */
export interface KeptDocumentFacts {
  invoiceId: string;
  contentDocumentId: string;
  versionId: string;
  title: string;
  checksum: string | null;
  size: number;
  /** When it was downloaded and checked (ISO instant). */
  keptAt: string;
}

export interface KeptDocument extends KeptDocumentFacts { bytes: Uint8Array }

/** How the documents are kept: the budget (bytes; 0 = none kept) and the clock of "last used". */
export interface KeepingRules {
  budgetBytes: () => number;
  now: () => number;
}

/** Which kept documents (by `keyOf`) a keep may evict to make room: a prefetch spares the ones it is there to keep. */
export type Evictable = (key: string) => boolean;

/**
 * Checked documents kept beside the offline copy: one file per invoice in `invoices/<connection hash>.documents/`,
 * `u32 header length | header JSON | PDF bytes` sealed whole by the secret box (the copy's encryption), owner-only,
 * written atomically (a temp file renamed into place: never a partial file). Written only when the copy may be
 * written (`persistable`: OS encryption, or weaker storage the user allowed); otherwise kept in memory for the session.
 *
 * Within a budget (Settings, all connections together, sealed sizes): a document that would pass it evicts the least
 * recently kept or opened documents first (`KeptIndex` remembers sizes and last use across restarts); one larger
 * than the budget, or any with a budget of 0, is not kept (it is still answered). A document being read is never
 * evicted. Keeps and evictions run one at a time, so two downloads finishing together cannot both pass the budget.
 */
export class KeptDocuments {
  private readonly memory = new Map<string, Map<string, KeptDocument>>();
  /** Index key → where a document kept in memory is (to evict it). */
  private readonly memoryKeys = new Map<string, { connectionId: string; invoiceId: string }>();
  /** Per connection, the facts of each file `list` read, with the file's identity then (a file rewritten is read again). */
  private readonly listed = new Map<string, Map<string, { identity: string; facts: KeptDocumentFacts }>>();
  /** Keys being read (served): never evicted meanwhile. */
  private readonly reading = new Map<string, number>();
  private readonly index: KeptIndex;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataDir: string,
    private readonly secretBox: SecretBox,
    private readonly persistable: () => boolean,
    private readonly logger: Logger,
    private readonly rules: KeepingRules,
  ) {
    this.index = new KeptIndex(join(dataDir, 'invoices'), persistable, logger);
  }

  private folderName(connectionId: string): string {
    return `${hash(connectionId)}${DOCUMENT_FOLDER_SUFFIX}`;
  }

  private folderOf(connectionId: string): string {
    return join(this.dataDir, 'invoices', this.folderName(connectionId));
  }

  /** The budget's name for an invoice's kept document (hashes only). */
  keyOf(connectionId: string, invoiceId: string): string {
    return `${this.folderName(connectionId)}/${hash(invoiceId)}${DOCUMENT_SUFFIX}`;
  }

  private pathOfKey(key: string): string {
    return join(this.dataDir, 'invoices', key);
  }

  private session(connectionId: string): Map<string, KeptDocument> {
    let kept = this.memory.get(connectionId);
    if (!kept) this.memory.set(connectionId, (kept = new Map()));
    return kept;
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Keeps a checked document within the budget, evicting the least recently used (among `evictable`) to make room.
   * False when it was not kept: budget 0, larger than the budget, or no room without evicting what may not be
   * evicted. A document not kept leaves no older version of itself behind.
   */
  keep(connectionId: string, document: KeptDocument, evictable: Evictable = () => true): Promise<boolean> {
    return this.serially(async () => {
      const key = this.keyOf(connectionId, document.invoiceId);
      const budget = this.rules.budgetBytes();
      const { bytes, ...facts } = document;
      const header = Buffer.from(JSON.stringify(facts), 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32BE(header.length);
      const plain = Buffer.concat([length, header, bytes]);
      const persist = this.persistable();
      const sealed = persist ? await this.secretBox.seal(plain) : null;
      const size = sealed ? sealed.length : plain.length;
      const room = size <= budget && (await this.makeRoom(size, budget, (k) => k === key || evictable(k), key));
      if (!room) {
        await this.dropKey(key);
        return false;
      }
      if (!sealed) {
        this.session(connectionId).set(document.invoiceId, document);
        this.memoryKeys.set(key, { connectionId, invoiceId: document.invoiceId });
      } else {
        await makePrivateFolder(join(this.dataDir, 'invoices'));
        await makePrivateFolder(this.folderOf(connectionId));
        await writeAtomically(this.pathOfKey(key), async (temp) => {
          const handle = await open(temp, 'wx', OWNER_ONLY);
          try {
            await handle.writeFile(sealed);
          } finally {
            await handle.close();
          }
        });
      }
      await this.index.set(key, { size, usedAt: this.rules.now() });
      return true;
    });
  }

  /** Evicts least recently used documents until the kept ones fit the budget (it was lowered). */
  trim(): Promise<number> {
    return this.serially(async () => {
      const budget = this.rules.budgetBytes();
      const before = (await this.index.all()).size;
      await this.makeRoom(0, budget, () => true, null);
      return before - (await this.index.all()).size;
    });
  }

  /** Bytes the kept documents take now (sealed, all connections). */
  used(): Promise<number> {
    return this.index.total();
  }

  /**
   * Evicts, oldest use first, documents `evictable` allows (never `replacing`'s old copy counted twice, never one being
   * read) until `size` more bytes fit in `budget`. False (nothing evicted) when they cannot.
   */
  private async makeRoom(size: number, budget: number, evictable: Evictable, replacing: string | null): Promise<boolean> {
    const entries = await this.index.all();
    let total = 0;
    for (const [key, entry] of entries) if (key !== replacing) total += entry.size;
    if (total + size <= budget) return true;
    const victims: string[] = [];
    const oldestFirst = [...entries].filter(([key]) => key !== replacing && evictable(key) && !this.reading.has(key)).sort((a, b) => a[1].usedAt - b[1].usedAt);
    for (const [key, entry] of oldestFirst) {
      if (total + size <= budget) break;
      victims.push(key);
      total -= entry.size;
    }
    if (total + size > budget) return false;
    for (const key of victims) await this.dropKey(key);
    return true;
  }

  private async dropKey(key: string): Promise<void> {
    const where = this.memoryKeys.get(key);
    if (where) {
      this.memory.get(where.connectionId)?.delete(where.invoiceId);
      this.memoryKeys.delete(key);
    }
    await rm(this.pathOfKey(key), { force: true });
    await this.index.delete([key]);
  }

  async get(connectionId: string, invoiceId: string): Promise<KeptDocument | null> {
    const key = this.keyOf(connectionId, invoiceId);
    this.reading.set(key, (this.reading.get(key) ?? 0) + 1);
    try {
      const kept = this.memory.get(connectionId)?.get(invoiceId) ?? (await this.read(key));
      // Opened again: the last to be evicted.
      if (kept) await this.index.touch(key, this.rules.now());
      return kept;
    } finally {
      const left = (this.reading.get(key) ?? 1) - 1;
      if (left > 0) this.reading.set(key, left);
      else this.reading.delete(key);
    }
  }

  /** Every kept document's facts (bytes left out), for the sync's check against Salesforce. */
  async list(connectionId: string): Promise<KeptDocumentFacts[]> {
    const out: KeptDocumentFacts[] = [...(this.memory.get(connectionId)?.values() ?? [])].map(({ bytes: _bytes, ...facts }) => facts);
    const names = await readdir(this.folderOf(connectionId)).catch(() => [] as string[]);
    // Every sync asks (prune): a file unchanged since the last list is not read and unsealed again, only stat'ed.
    const before = this.listed.get(connectionId);
    const now = new Map<string, { identity: string; facts: KeptDocumentFacts }>();
    for (const name of names.filter((n) => n.endsWith(DOCUMENT_SUFFIX))) {
      const path = join(this.folderOf(connectionId), name);
      const file = await stat(path).catch(() => null);
      if (!file) continue;
      const identity = `${file.ino}:${file.size}:${file.mtimeMs}`;
      const seen = before?.get(name);
      if (seen?.identity === identity) {
        now.set(name, seen);
        out.push(seen.facts);
        continue;
      }
      const kept = await this.read(`${this.folderName(connectionId)}/${name}`);
      if (kept) {
        const { bytes: _bytes, ...facts } = kept;
        now.set(name, { identity, facts });
        out.push(facts);
      }
    }
    this.listed.set(connectionId, now);
    return out;
  }

  drop(connectionId: string, invoiceId: string): Promise<void> {
    return this.serially(() => this.dropKey(this.keyOf(connectionId, invoiceId)));
  }

  forget(connectionId: string): Promise<void> {
    return this.serially(async () => {
      this.memory.delete(connectionId);
      const prefix = `${this.folderName(connectionId)}/`;
      for (const key of [...this.memoryKeys.keys()]) if (key.startsWith(prefix)) this.memoryKeys.delete(key);
      this.listed.delete(connectionId);
      await rm(this.folderOf(connectionId), { recursive: true, force: true });
      await this.index.delete([...(await this.index.all()).keys()].filter((key) => key.startsWith(prefix)));
      // Removing a connection answers once the index is on disk: no half-written index file is left behind.
      await this.index.idle();
    });
  }

  /** The kept files were deleted behind this object's back (weaker storage switched off): the budget counts again. */
  filesRemoved(): void {
    this.listed.clear();
    this.index.reload();
  }

  /** Resolves once the index is written. */
  async idle(): Promise<void> {
    await this.queue;
    await this.index.idle();
  }

  private async read(key: string): Promise<KeptDocument | null> {
    const path = this.pathOfKey(key);
    try {
      const plain = Buffer.from(await this.secretBox.open(await readFile(path)));
      const headerLength = plain.readUInt32BE(0);
      const facts = JSON.parse(plain.subarray(4, 4 + headerLength).toString('utf8')) as KeptDocumentFacts;
      return { ...facts, bytes: plain.subarray(4 + headerLength) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Unreadable (another machine, damaged): dropped; the next online open downloads it again.
      if (code !== 'ENOENT') {
        this.logger.warn('Kept invoice document unreadable; dropped', { code: code ?? 'unknown' });
        await rm(path, { force: true });
        await this.index.delete([key]);
      }
      return null;
    }
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
