import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger, SecretBox } from '../ports';
import { OWNER_ONLY, writeAtomically } from '../invoices/cache/atomic-file';

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

const SUFFIX = '.pdf.sealed';

/**
 * Checked documents kept beside the offline copy: one file per invoice in `invoices/<connection hash>.documents/`,
 * `u32 header length | header JSON | PDF bytes` sealed whole by the secret box (the copy's encryption), owner-only,
 * written atomically (a temp file renamed into place: never a partial file). Written only when the copy may be
 * written (`persistable`: OS encryption, or weaker storage the user allowed); otherwise kept in memory for the session.
 */
export class KeptDocuments {
  private readonly memory = new Map<string, Map<string, KeptDocument>>();
  /** Per connection, the facts of each file `list` read, with the file's identity then (a file rewritten is read again). */
  private readonly listed = new Map<string, Map<string, { identity: string; facts: KeptDocumentFacts }>>();

  constructor(
    private readonly dataDir: string,
    private readonly secretBox: SecretBox,
    private readonly persistable: () => boolean,
    private readonly logger: Logger,
  ) {}

  private folderOf(connectionId: string): string {
    return join(this.dataDir, 'invoices', `${hash(connectionId)}.documents`);
  }

  private pathOf(connectionId: string, invoiceId: string): string {
    return join(this.folderOf(connectionId), `${hash(invoiceId)}${SUFFIX}`);
  }

  private session(connectionId: string): Map<string, KeptDocument> {
    let kept = this.memory.get(connectionId);
    if (!kept) this.memory.set(connectionId, (kept = new Map()));
    return kept;
  }

  async keep(connectionId: string, document: KeptDocument): Promise<void> {
    if (!this.persistable()) {
      this.session(connectionId).set(document.invoiceId, document);
      return;
    }
    const { bytes, ...facts } = document;
    const header = Buffer.from(JSON.stringify(facts), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(header.length);
    const sealed = await this.secretBox.seal(Buffer.concat([length, header, bytes]));
    await mkdir(this.folderOf(connectionId), { recursive: true, mode: 0o700 });
    await writeAtomically(this.pathOf(connectionId, document.invoiceId), async (temp) => {
      const handle = await open(temp, 'wx', OWNER_ONLY);
      try {
        await handle.writeFile(sealed);
      } finally {
        await handle.close();
      }
    });
  }

  async get(connectionId: string, invoiceId: string): Promise<KeptDocument | null> {
    const inMemory = this.memory.get(connectionId)?.get(invoiceId);
    if (inMemory) return inMemory;
    return this.read(this.pathOf(connectionId, invoiceId));
  }

  /** Every kept document's facts (bytes left out), for the sync's check against Salesforce. */
  async list(connectionId: string): Promise<KeptDocumentFacts[]> {
    const out: KeptDocumentFacts[] = [...(this.memory.get(connectionId)?.values() ?? [])].map(({ bytes: _bytes, ...facts }) => facts);
    const names = await readdir(this.folderOf(connectionId)).catch(() => [] as string[]);
    // Every sync asks (prune): a file unchanged since the last list is not read and unsealed again, only stat'ed.
    const before = this.listed.get(connectionId);
    const now = new Map<string, { identity: string; facts: KeptDocumentFacts }>();
    for (const name of names.filter((n) => n.endsWith(SUFFIX))) {
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
      const kept = await this.read(path);
      if (kept) {
        const { bytes: _bytes, ...facts } = kept;
        now.set(name, { identity, facts });
        out.push(facts);
      }
    }
    this.listed.set(connectionId, now);
    return out;
  }

  async drop(connectionId: string, invoiceId: string): Promise<void> {
    this.memory.get(connectionId)?.delete(invoiceId);
    await rm(this.pathOf(connectionId, invoiceId), { force: true });
  }

  async forget(connectionId: string): Promise<void> {
    this.memory.delete(connectionId);
    this.listed.delete(connectionId);
    await rm(this.folderOf(connectionId), { recursive: true, force: true });
  }

  private async read(path: string): Promise<KeptDocument | null> {
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
      }
      return null;
    }
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
