import { createHash } from 'node:crypto';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger, SecretBox } from '../../ports';
import { removeStrayTemps, writeBytesAtomically } from '../cache/atomic-file';
import type { FetchedRecord, LineCells } from './record-fetch';
import { CHUNK_INVOICES, decodeChunk, decodeHead, encodeChunk, encodeHead, RECORD_FORMAT, RECORD_MAGIC, type RecordEntry, type RecordHead } from './record-file';
import type { RecordPlan } from './record-plan';

type Read = (offset: number, length: number) => Promise<Buffer>;

interface Loaded {
  head: RecordHead;
  /** Invoice id → its chunk's number. */
  index: Map<string, number>;
  read: Read;
}

function indexOf(head: RecordHead): Map<string, number> {
  const index = new Map<string, number>();
  head.chunks.forEach((chunk, at) => {
    for (const id of chunk.ids) index.set(id, at);
  });
  return index;
}

/** Entries in chunks of CHUNK_INVOICES, sealed one by one (each await lets the main process answer meanwhile). */
class ChunkWriter {
  readonly parts: Buffer[] = [RECORD_MAGIC];
  readonly chunks: RecordHead['chunks'] = [];
  private size = RECORD_MAGIC.length;
  private pending: RecordEntry[] = [];

  constructor(private readonly box: SecretBox) {}

  /** Sealed bytes of an unchanged chunk, copied as they are. */
  copy(bytes: Buffer, ids: string[]): void {
    this.parts.push(bytes);
    this.chunks.push({ offset: this.size, length: bytes.length, ids });
    this.size += bytes.length;
  }

  async add(entry: RecordEntry): Promise<void> {
    this.pending.push(entry);
    if (this.pending.length >= CHUNK_INVOICES) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const entries = this.pending;
    this.pending = [];
    this.copy(Buffer.from(await encodeChunk(this.box, entries)), entries.map(([id]) => id));
  }
}

/** An invoice's lines after an incremental fetch: lines fetched again replace theirs, new ones follow, deleted ones leave. */
function mergeLines(before: LineCells[], fetched: LineCells[] | undefined, gone: Set<string> | undefined): LineCells[] {
  let lines = before;
  if (fetched) {
    lines = lines.slice();
    const at = new Map(lines.map((line, i) => [line[0], i]));
    for (const line of fetched) {
      const i = at.get(line[0]);
      if (i === undefined) lines.push(line);
      else lines[i] = line;
    }
  }
  return gone ? lines.filter((line) => !gone.has(line[0])) : lines;
}

/**
 * The whole record of every invoice per connection (see ../README.md): on disk beside the offline copy when it may be
 * written (sealed, owner-only, atomically), otherwise in memory for the session. Only the head is held in memory.
 */
export class RecordCopies {
  private readonly loaded = new Map<string, Loaded | null>();
  private readonly memory = new Map<string, Buffer>();
  private readonly folder: string;

  constructor(
    dataDir: string,
    private readonly box: SecretBox,
    private readonly persistable: () => boolean,
    private readonly logger: Logger,
  ) {
    this.folder = join(dataDir, 'invoices');
  }

  private pathFor(connectionId: string): string {
    return join(this.folder, `${createHash('sha256').update(connectionId).digest('hex').slice(0, 32)}.record`);
  }

  private reader(connectionId: string): { read: Read; size: () => Promise<number> } {
    const bytes = this.memory.get(connectionId);
    if (bytes) return { read: async (offset, length) => bytes.subarray(offset, offset + length), size: async () => bytes.length };
    const path = this.pathFor(connectionId);
    return {
      read: async (offset, length) => {
        const handle = await open(path, 'r');
        try {
          const out = Buffer.alloc(length);
          const { bytesRead } = await handle.read(out, 0, length, offset);
          if (bytesRead !== length) throw new Error('record copy cut short');
          return out;
        } finally {
          await handle.close();
        }
      },
      size: async () => (await stat(path)).size,
    };
  }

  /** The copy's head, read on first use; none, or unreadable (deleted, logged: the next phase writes it whole). */
  async head(connectionId: string): Promise<Loaded | null> {
    if (this.loaded.has(connectionId)) return this.loaded.get(connectionId) ?? null;
    const { read, size } = this.reader(connectionId);
    let loaded: Loaded | null = null;
    try {
      const head = await decodeHead(this.box, read, await size());
      loaded = { head, index: indexOf(head), read };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.logger.warn('The offline copy of the invoices\u2019 records is unreadable; it is fetched again', { code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
        await rm(this.pathFor(connectionId), { force: true }).catch(() => undefined);
      }
    }
    this.loaded.set(connectionId, loaded);
    return loaded;
  }

  /** One invoice's fields and lines as last fetched, with the head that explains them; null when the copy has none. */
  async get(connectionId: string, id: string): Promise<{ head: RecordHead; entry: RecordEntry } | null> {
    const loaded = await this.head(connectionId);
    const at = loaded?.index.get(id);
    if (!loaded || at === undefined) return null;
    const chunk = loaded.head.chunks[at]!;
    try {
      const entry = (await decodeChunk(this.box, await loaded.read(chunk.offset, chunk.length))).find(([entryId]) => entryId === id);
      return entry ? { head: loaded.head, entry } : null;
    } catch (error) {
      this.logger.warn('A chunk of the invoices\u2019 records is unreadable; the copy is fetched again', { code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
      await this.drop(connectionId);
      return null;
    }
  }

  /** Writes the new copy: a full fetch whole; an incremental one over the previous copy (unchanged chunks copied). */
  async save(connectionId: string, plan: RecordPlan, fetched: FetchedRecord, previous: Loaded | null, syncedAt: string): Promise<void> {
    const out = new ChunkWriter(this.box);
    const placed = new Set<string>();
    const goneLines = new Map<string, Set<string>>();
    for (const { id, invoice } of fetched.deletedLines) {
      if (invoice === null) continue;
      let set = goneLines.get(invoice);
      if (!set) goneLines.set(invoice, (set = new Set()));
      set.add(id);
    }
    if (previous) {
      const touched = (id: string) => fetched.fields.has(id) || fetched.deletedInvoices.has(id) || fetched.lines.has(id) || goneLines.has(id);
      for (const chunk of previous.head.chunks) {
        if (!chunk.ids.some(touched)) {
          out.copy(await previous.read(chunk.offset, chunk.length), chunk.ids);
          for (const id of chunk.ids) placed.add(id);
          continue;
        }
        for (const [id, fields, lines] of await this.previousChunk(connectionId, previous, chunk)) {
          placed.add(id);
          if (fetched.deletedInvoices.has(id)) continue;
          await out.add([id, fetched.fields.get(id) ?? fields, mergeLines(lines, fetched.lines.get(id), goneLines.get(id))]);
        }
      }
    }
    for (const [id, fields] of fetched.fields) {
      if (!placed.has(id)) await out.add([id, fields, mergeLines([], fetched.lines.get(id), goneLines.get(id))]);
      placed.add(id);
    }
    // Lines of invoices whose fields did not come (sharing): kept with no fields, the detail then needs Salesforce.
    for (const [id, lines] of fetched.lines) if (!placed.has(id) && !fetched.deletedInvoices.has(id)) await out.add([id, null, mergeLines([], lines, goneLines.get(id))]);
    await out.flush();
    const head: RecordHead = {
      format: RECORD_FORMAT,
      syncedAt,
      fields: { object: plan.fields.object, signature: plan.fields.signature, watermark: fetched.fieldsWatermark, select: plan.fields.select, describe: plan.fields.describe, named: plan.fields.named },
      lines: plan.lines ? { object: plan.lines.object, signature: plan.lines.signature, watermark: fetched.linesWatermark } : null,
      chunks: out.chunks,
    };
    const bytes = Buffer.concat([...out.parts, Buffer.from(await encodeHead(this.box, head))]);
    if (this.persistable()) {
      await mkdir(this.folder, { recursive: true });
      await removeStrayTemps(this.pathFor(connectionId));
      await writeBytesAtomically(this.pathFor(connectionId), bytes);
      this.memory.delete(connectionId);
    } else {
      // Nothing may be written to disk: this session keeps it, and no copy of an earlier session stays behind.
      this.memory.set(connectionId, bytes);
      await rm(this.pathFor(connectionId), { force: true });
    }
    this.loaded.set(connectionId, { head, index: indexOf(head), read: this.reader(connectionId).read });
  }

  /** A chunk of the previous copy an incremental phase changes; one that does not open drops the copy (the next phase is full) and fails this one. */
  private async previousChunk(connectionId: string, previous: Loaded, chunk: RecordHead['chunks'][number]): Promise<RecordEntry[]> {
    try {
      return await decodeChunk(this.box, await previous.read(chunk.offset, chunk.length));
    } catch (error) {
      this.logger.warn('A chunk of the invoices\u2019 records is unreadable; the copy is fetched again', { code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
      await this.drop(connectionId);
      throw error;
    }
  }

  /** The copy goes (unreadable): the next phase fetches every record again. */
  async drop(connectionId: string): Promise<void> {
    this.loaded.set(connectionId, null);
    this.memory.delete(connectionId);
    await rm(this.pathFor(connectionId), { force: true });
  }

  async forget(connectionId: string): Promise<void> {
    this.loaded.delete(connectionId);
    this.memory.delete(connectionId);
    await rm(this.pathFor(connectionId), { force: true });
  }
}
